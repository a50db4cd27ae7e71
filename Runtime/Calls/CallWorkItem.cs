using System.Collections.Immutable;

namespace Ccm.Runtime;

/// <summary>A method call through a grain reference; its result or exception completes the caller's task.</summary>
internal sealed class CallWorkItem<T>(GrainMethod method, object?[] arguments, ImmutableArray<Activation> callChain) : WorkItem
{
    private readonly TaskCompletionSource<T> completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool abandoned;

    public Task<T> Task => completion.Task;

    public override TurnKind Kind => TurnKind.Call;

    public override ImmutableArray<Activation> CallChain => callChain;

    public override bool IsAbandoned => abandoned;

    public override string Description => method.Name;

    /// <summary>The caller stopped waiting; if the turn has not started it is skipped.</summary>
    public void Abandon() => abandoned = true;

    public override async Task<TurnOutcome> RunAsync(Activation activation, Grain grain, CancellationToken cancellationToken)
    {
        try
        {
            var task = method.Invoke(grain, arguments);
            await task;
            completion.TrySetResult(task is Task<T> typed ? typed.Result : default!);
            return TurnOutcome.Succeeded;
        }
        catch (Exception ex)
        {
            // The caller handles (and logs) it; the runtime only counts it.
            completion.TrySetException(ex);
            return new TurnOutcome(TurnResult.Failed, ex);
        }
    }

    public override TurnOutcome Fail(Activation activation, Exception error)
    {
        completion.TrySetException(error);
        return new TurnOutcome(TurnResult.Failed, error);
    }

    public override void Drop(Exception reason) => completion.TrySetException(reason);
}

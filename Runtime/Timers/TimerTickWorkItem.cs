namespace Ccm.Runtime;

/// <summary>One firing of a grain timer, run as a turn.</summary>
internal sealed class TimerTickWorkItem(GrainTimer timer) : WorkItem
{
    public override TurnKind Kind => TurnKind.Timer;

    public override Task<TurnOutcome> RunAsync(Activation activation, Grain grain, CancellationToken cancellationToken) =>
        timer.RunTickAsync();

    // Timers exist only on an active grain, so this cannot happen; report it rather than lose it.
    public override TurnOutcome Fail(Activation activation, Exception error) => new(TurnResult.Failed, error);
}

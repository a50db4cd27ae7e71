namespace Ccm.Runtime;

/// <summary>One reconcile turn (from a signal, a retry or a requeue).</summary>
internal sealed class ReconcileWorkItem : WorkItem
{
    public override TurnKind Kind => TurnKind.Reconcile;

    public override async Task<TurnOutcome> RunAsync(Activation activation, Grain grain, CancellationToken cancellationToken)
    {
        activation.BeginReconcileTurn();
        var runtime = activation.Runtime;
        using var deadline = new TurnDeadline(runtime.Time, runtime.Options.ReconcileTimeout, cancellationToken);
        try
        {
            var result = await ((ReconcilerGrain)grain).RunReconcileAsync(deadline.Token);
            return activation.CompleteReconcileTurn(result, null, stoppedByRuntime: false);
        }
        catch (Exception ex)
        {
            return activation.CompleteReconcileTurn(null, ex, stoppedByRuntime: cancellationToken.IsCancellationRequested);
        }
    }

    public override TurnOutcome Fail(Activation activation, Exception error)
    {
        activation.BeginReconcileTurn();
        return activation.CompleteReconcileTurn(null, error, stoppedByRuntime: false);
    }
}

using Ccm.Grains.Reconcile;

namespace Ccm.Grains.Services;

/// <summary>How a Service grain's turn ended: what to ask the runtime for, and whether the grain has nothing left to
/// watch over (the Service is gone, not ours, or cleaned up), so it can drop its reminder and deactivate.</summary>
public readonly record struct ServiceTurn(ReconcileResult Result, bool Retire)
{
    public static ServiceTurn Done => new(ReconcileResult.Done, false);

    public static ServiceTurn Retired => new(ReconcileResult.Done, true);
}

namespace Ccm.Runtime;

/// <summary>References to grains, and signals to reconcilers.</summary>
public interface IGrainFactory
{
    /// <summary>
    /// A reference to the grain of type <typeparamref name="TGrainInterface"/> with this key. Creating it costs no
    /// I/O; the first call activates the grain. Each <see cref="Task"/>-returning method runs as one turn of that
    /// activation (one at a time, non-reentrant). A call fails with <see cref="ShardNotOwnedException"/> when the
    /// grain's shard is not active on this silo, <see cref="GrainCallCycleException"/> when it would wait for a turn
    /// that is waiting for it, and <see cref="TimeoutException"/> after the runtime's call timeout (30 s by default;
    /// the turn itself goes on).
    /// </summary>
    TGrainInterface GetGrain<TGrainInterface>(string key) where TGrainInterface : IGrainWithStringKey;

    /// <summary>
    /// Fire-and-forget: asks the reconciler grain to run <c>ReconcileAsync</c> soon. Signals that arrive while a turn
    /// is queued or running coalesce into one more turn. Returns false (and does nothing) when the grain's shard is not
    /// active on this silo; the shard's owner reconciles it.
    /// </summary>
    bool Signal<TGrainInterface>(string key) where TGrainInterface : IReconcilerGrain;

    /// <summary>The id a reference with this key would have (type name resolved as the runtime does).</summary>
    GrainId GetGrainId<TGrainInterface>(string key) where TGrainInterface : IGrainWithStringKey;
}

namespace Ccm.Runtime;

/// <summary>Why an activation ends; passed to <see cref="Grain.OnDeactivateAsync"/>.</summary>
public enum DeactivationReason
{
    /// <summary>No turn for the configured idle timeout, and nothing pending (no retry, requeue or timer).</summary>
    ActivationIdle,

    /// <summary>The grain called <c>DeactivateOnIdle()</c>.</summary>
    ApplicationRequested,

    /// <summary>The shard is moving to another silo: turns were allowed to finish first (drain).</summary>
    ShardReleased,

    /// <summary>The shard's Lease could not be renewed in time: the grain must stop acting at once.</summary>
    ShardLost,

    /// <summary>The silo is stopping gracefully.</summary>
    SiloStopping,
}

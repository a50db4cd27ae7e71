namespace Ccm.Runtime;

/// <summary>What an activation is doing, as the dashboard shows it.</summary>
public enum ActivationState
{
    /// <summary>Nothing queued or scheduled.</summary>
    Idle,

    /// <summary>Work is queued behind no running turn, or behind the current one.</summary>
    Queued,

    /// <summary>A turn is running.</summary>
    Running,

    /// <summary>The last reconcile failed; a retry is scheduled.</summary>
    BackingOff,

    /// <summary>The last reconcile asked to be requeued; a turn is scheduled.</summary>
    Scheduled,
}

/// <summary>The last turn of an activation.</summary>
public sealed record TurnRecord(TurnKind Kind, string Description, DateTimeOffset Started, DateTimeOffset Ended, TurnResult Result, string? Error);

/// <summary>One activation on this silo (immutable snapshot).</summary>
public sealed record ActivationStatistics
{
    public required GrainId GrainId { get; init; }

    /// <summary>The shard, or -1 for silo-local grains.</summary>
    public required int Shard { get; init; }

    public required ActivationState State { get; init; }

    /// <summary>Whether a grain instance exists (false between a deactivation and the next turn).</summary>
    public required bool IsActive { get; init; }

    public required int QueueLength { get; init; }

    public required bool SignalPending { get; init; }

    public required long Turns { get; init; }

    public TurnRecord? LastTurn { get; init; }

    /// <summary>Consecutive failed reconcile turns.</summary>
    public required int ConsecutiveFailures { get; init; }

    /// <summary>When the next retry (after a failure) or requeue runs, if one is scheduled.</summary>
    public DateTimeOffset? NextWake { get; init; }

    public required int Timers { get; init; }
}

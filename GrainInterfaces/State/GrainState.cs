namespace Ccm.GrainInterfaces.State;

/// <summary>
/// The immutable snapshot a grain publishes after each turn (<see cref="IGrainStateBoard"/>): what the dashboard
/// shows and the JSON API returns. Derived records add what is specific to a grain type.
/// </summary>
public abstract record GrainState
{
    /// <summary>The grain key (<c>namespace/name</c>, node name, or route table id).</summary>
    public required string Key { get; init; }

    public required GrainPhase Phase { get; init; }

    /// <summary>One line on why the grain is in its phase (skipped why, waiting for what, failed how).</summary>
    public string? Reason { get; init; }

    /// <summary>The last error, with the Alibaba or Kubernetes code when there is one; null after a success.</summary>
    public GrainError? LastError { get; init; }

    public DateTimeOffset? LastReconciledAt { get; init; }

    /// <summary>When the grain's reminder fires next, if it has one.</summary>
    public DateTimeOffset? NextReminderAt { get; init; }

    /// <summary>The last few plans, newest first, each with its operations and their results.</summary>
    public IReadOnlyList<PlanRecord> RecentPlans { get; init; } = [];

    /// <summary>The last few Kubernetes Events this grain emitted, newest first.</summary>
    public IReadOnlyList<GrainEventRecord> RecentEvents { get; init; } = [];
}

/// <summary>Where a grain stands, in the dashboard's words.</summary>
public enum GrainPhase
{
    /// <summary>Activated; no turn has finished yet.</summary>
    Pending,

    /// <summary>The cloud matches the cluster.</summary>
    Ready,

    /// <summary>The last turn changed something or is waiting for the cloud (e.g. a route still Pending).</summary>
    Progressing,

    /// <summary>The object is not ours to manage (not a LoadBalancer, a virtual-kubelet node, excluded...).</summary>
    Skipped,

    /// <summary>Cleaning up after the object went away.</summary>
    Deleting,

    /// <summary><c>--dry-run</c>: a plan is computed and not applied.</summary>
    PlanPending,

    /// <summary>The last turn failed; see <see cref="GrainState.LastError"/>.</summary>
    Failed,
}

/// <summary>A failure as the dashboard shows it; never carries a secret.</summary>
public sealed record GrainError(DateTimeOffset At, string Message, string? Code = null);

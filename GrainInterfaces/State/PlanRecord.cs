namespace Ccm.GrainInterfaces.State;

/// <summary>One plan a grain computed and (unless dry-run) applied: the ordered operations and how each went.</summary>
public sealed record PlanRecord
{
    public required DateTimeOffset At { get; init; }

    /// <summary>True when the plan was only computed (<c>--dry-run</c>).</summary>
    public bool DryRun { get; init; }

    /// <summary>What woke the grain (signal, reminder, retry), for the reader of the dashboard.</summary>
    public string? Trigger { get; init; }

    public required IReadOnlyList<OperationRecord> Operations { get; init; }
}

/// <summary>One operation of a plan, e.g. <c>CreateLoadBalancerTCPListener</c> on <c>lb-x:80</c>.</summary>
/// <param name="Action">The cloud or Kubernetes action, as the API names it.</param>
/// <param name="Target">What it acts on (an id, a port, a CIDR).</param>
/// <param name="Detail">The parameters that matter to a reader; never a secret.</param>
/// <param name="Outcome">Whether it was applied and how it went.</param>
/// <param name="ErrorCode">The Alibaba or Kubernetes error code of a failure.</param>
/// <param name="Message">The error message of a failure.</param>
public sealed record OperationRecord(string Action, string Target, string? Detail, OperationOutcome Outcome, string? ErrorCode = null, string? Message = null);

public enum OperationOutcome
{
    /// <summary>Planned and not applied (dry-run, or not reached because an earlier operation failed).</summary>
    NotApplied,

    Succeeded,

    Failed,
}

/// <summary>A Kubernetes Event a grain emitted.</summary>
public sealed record GrainEventRecord(DateTimeOffset At, bool Warning, string Reason, string Message);

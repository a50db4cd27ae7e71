using Ccm.GrainInterfaces.State;
using k8s;
using k8s.Models;

namespace Ccm.Grains.Nodes;

/// <summary>
/// One finished turn of a Node grain, turned into the snapshot it publishes: the Node as the turn left it, the plan,
/// and how applying it went (null when it was not applied: dry-run, or nothing to apply).
/// </summary>
internal sealed record NodeTurn(V1Node Node, NodePlan Plan, NodeExecution? Execution, bool DryRun)
{
    /// <summary>How many plans and Events the dashboard keeps per Node.</summary>
    public const int Keep = 10;

    public GrainPhase Phase => this switch
    {
        { Plan.Identity: NodeIdentity.Skipped } => GrainPhase.Skipped,
        { Plan.Warning: not null } => GrainPhase.Failed,
        { Execution.Failure: not null } => GrainPhase.Failed,
        { Execution.Deleted: true } => GrainPhase.Deleting,
        { Plan.Operations.Count: 0 } => GrainPhase.Ready,
        { DryRun: true } => GrainPhase.PlanPending,
        _ => GrainPhase.Progressing,
    };

    public GrainError? Error(DateTimeOffset at) => this switch
    {
        { Plan.Warning: { } warning } => new GrainError(at, warning.Message, warning.Reason),
        { Execution.Failure: { } failure } => new GrainError(at, failure.Message, Execution.Operations.FirstOrDefault(o => o.Outcome == OperationOutcome.Failed)?.ErrorCode),
        _ => null,
    };

    /// <summary>The plan as the dashboard lists it; null for an empty plan (resyncs that found nothing to do).</summary>
    public PlanRecord? Record(DateTimeOffset at, string trigger) => Plan.Operations.Count == 0 ? null : new PlanRecord
    {
        At = at,
        DryRun = DryRun,
        Trigger = trigger,
        Operations = Execution?.Operations
            ?? [.. Plan.Operations.Select(o => new OperationRecord(o.Action, Node.Metadata.Name ?? "", o.Detail, OperationOutcome.NotApplied))],
    };

    /// <summary>The snapshot after this turn: <paramref name="previous"/> with this turn's facts, plan and Events.</summary>
    public NodeGrainState State(NodeGrainState previous, ProviderIdSource source, DateTimeOffset at, string trigger) => previous with
    {
        Phase = Phase,
        Reason = Execution?.Failure is { } failure ? $"{Plan.Reason}; failed: {failure.Message}" : Plan.Reason,
        LastError = Error(at),
        LastReconciledAt = at,
        RecentPlans = Record(at, trigger) is { } plan ? [plan, .. previous.RecentPlans.Take(Keep - 1)] : previous.RecentPlans,
        RecentEvents = Events(at).Aggregate(previous.RecentEvents, Prepend),
        InstanceId = Plan.Instance?.InstanceId ?? (Plan.Identity as NodeIdentity.Known)?.ProviderId.InstanceId,
        ProviderId = NonEmpty(Node.Spec?.ProviderID),
        ProviderIdSource = string.IsNullOrEmpty(Node.Spec?.ProviderID) ? ProviderIdSource.Unknown : source,
        RegionId = Plan.Instance?.RegionId ?? (Plan.Identity as NodeIdentity.Known)?.ProviderId.RegionId,
        ZoneId = Plan.Instance?.ZoneId,
        InstanceType = Plan.Instance?.InstanceType,
        InstanceStatus = Plan.Instance?.Status,
        Initialized = !NodeFacts.HasTaint(Node, NodeLabels.UninitializedTaint),
        ShutdownTaint = NodeFacts.HasTaint(Node, NodeLabels.ShutdownTaint),
        InternalIps = NodeFacts.Addresses(Node, NodeAddresses.InternalIp),
        ExternalIps = NodeFacts.Addresses(Node, NodeAddresses.ExternalIp),
    };

    /// <summary>The Events of this turn; in dry-run none was recorded, but the warning is still listed.</summary>
    private IEnumerable<GrainEventRecord> Events(DateTimeOffset at) =>
        Execution?.Events ?? (DryRun && Plan.Warning is { } warning ? [new GrainEventRecord(at, true, warning.Reason, warning.Message)] : []);

    /// <summary>Newest first; a repeat of the newest Event only moves its time (as the recorder aggregates it).</summary>
    private static IReadOnlyList<GrainEventRecord> Prepend(IReadOnlyList<GrainEventRecord> events, GrainEventRecord next) =>
        events is [var newest, ..] && (newest.Reason, newest.Message) == (next.Reason, next.Message)
            ? [next, .. events.Skip(1)]
            : [next, .. events.Take(Keep - 1)];

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}

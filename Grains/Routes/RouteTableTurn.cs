using System.Collections.Immutable;
using Ccm.GrainInterfaces.State;

namespace Ccm.Grains.Routes;

/// <summary>
/// One finished turn of a route table grain: the plan, how applying it went (null when nothing was applied: dry-run or
/// nothing to do), and what follows from both: each route's final status, the table's coverage and fullness, the
/// Events to record, and the snapshot to publish.
/// </summary>
internal sealed record RouteTableTurn(string RouteTableId, RoutePlan Plan, RouteExecution? Execution, int CustomEntries, int? Quota, bool DryRun)
{
    /// <summary>How many plans and Events the dashboard keeps per table.</summary>
    public const int Keep = 10;

    /// <summary>The quota shown while none was observed (the documented default).</summary>
    public const int DefaultQuota = 200;

    /// <summary>Each desired route after this turn: the plan's view, updated by the create outcomes.</summary>
    public IReadOnlyList<RouteState> Routes { get; } = [.. Plan.Routes.Select(s =>
        Execution?.Created.GetValueOrDefault(s.Route) is { } outcome
            ? s with { Status = outcome.Status, RouteEntryId = outcome.RouteEntryId ?? s.RouteEntryId, Note = outcome.Code is null ? null : $"{outcome.Code}: {outcome.Message}" }
            : s)];

    /// <summary>Custom entries after this turn: those read plus those this turn created.</summary>
    public int EntriesAfter => CustomEntries + (Execution?.Created.Values.Count(o => o.New) ?? 0);

    /// <summary>Some route waits for room in the table (the cloud answered <c>QuotaExceeded</c>).</summary>
    public bool Full => Routes.Any(r => r.Status == RouteStatus.Full);

    public TableCoverage Coverage(DateTimeOffset at) =>
        new(RouteTableId, [.. Routes.Where(r => r.Status == RouteStatus.Present).Select(r => r.Route)], at);

    public GrainPhase Phase => this switch
    {
        { Execution.Failure: not null } => GrainPhase.Failed,
        _ when Routes.Any(r => r.Status is RouteStatus.Full or RouteStatus.Rejected or RouteStatus.Blocked) => GrainPhase.Failed,
        { DryRun: true, Plan.Operations.Count: > 0 } => GrainPhase.PlanPending,
        _ when Plan.Unsettled || Routes.Any(r => r.Status != RouteStatus.Present) => GrainPhase.Progressing,
        _ => GrainPhase.Ready,
    };

    public string Reason
    {
        get
        {
            var counts = Routes.GroupBy(r => r.Status).OrderBy(g => g.Key).Select(g => $"{g.Count()} {g.Key.ToString().ToLowerInvariant()}");
            var summary = Routes.Count == 0 ? "no node needs a route" : $"{Routes.Count} node route(s): {string.Join(", ", counts)}";
            var deleted = Plan.Stale.Count == 0 ? "" : $"; {Plan.Stale.Count} stale route(s) {(DryRun ? "to delete" : "deleted")}";
            var full = Full ? $"; the table is full (quota {Quota})" : "";
            return summary + deleted + full;
        }
    }

    public GrainError? Error(DateTimeOffset at) => this switch
    {
        { Execution.Failure: { } failure } => new GrainError(at, failure.Message, Execution.Operations.FirstOrDefault(o => o.Outcome == OperationOutcome.Failed)?.ErrorCode),
        { Full: true } => new GrainError(at, $"Route table {RouteTableId} is full: quota {Quota} custom entries", RouteErrors.QuotaExceeded),
        _ => Routes.FirstOrDefault(r => r.Status is RouteStatus.Rejected or RouteStatus.Blocked) is { } bad
            ? new GrainError(at, $"{bad.Route}: {bad.Note}")
            : null,
    };

    /// <summary>The plan as the dashboard lists it; null for an empty plan (periods that found nothing to do).</summary>
    public PlanRecord? Record(DateTimeOffset at, string trigger) => Plan.Operations.Count == 0 ? null : new PlanRecord
    {
        At = at,
        DryRun = DryRun,
        Trigger = trigger,
        Operations = Execution?.Operations
            ?? [.. Plan.Operations.Select(o => new OperationRecord(o.Action, o.Target, null, OperationOutcome.NotApplied))],
    };

    /// <summary>The snapshot after this turn: <paramref name="previous"/> with this turn's facts, plan and Events.</summary>
    public RouteTableGrainState State(RouteTableGrainState previous, IReadOnlyList<GrainEventRecord> events, DateTimeOffset at, string trigger, bool period) => previous with
    {
        Phase = Phase,
        Reason = Reason,
        LastError = Error(at),
        LastReconciledAt = at,
        RecentPlans = Record(at, trigger) is { } plan ? [plan, .. previous.RecentPlans.Take(Keep - 1)] : previous.RecentPlans,
        RecentEvents = [.. events, .. previous.RecentEvents.Take(Math.Max(0, Keep - events.Count))],
        RoutesPresent = Routes.Count(r => r.Status is RouteStatus.Present or RouteStatus.Pending),
        RoutesDesired = Routes.Count,
        CustomEntries = EntriesAfter,
        Quota = Quota ?? DefaultQuota,
        Full = Full,
        LastPeriodAt = period ? at : previous.LastPeriodAt,
        Routes = [.. Routes.Select(r => new RouteSummary(r.Route.DestinationCidrBlock, r.Route.InstanceId, r.Route.NodeName, r.Status.ToString()))
            .Concat(Plan.Stale.Where(s => Execution is null || Execution.Deleted.Contains(s))
                .Select(s => new RouteSummary(s.DestinationCidrBlock, s.NextHopId, null, DryRun ? "Stale" : "Deleting")))],
    };
}

using Ccm.GrainInterfaces.State;
using Ccm.Silo.Dashboard.Model;

namespace Ccm.Silo.Dashboard.Local;

/// <summary>Pure mappings from the states grains publish to the rows of the dashboard's tables.</summary>
public static class GrainRows
{
    public static ServiceRow Service(ServiceGrainState s, string silo) => new()
    {
        Key = s.Key,
        Namespace = s.Namespace,
        Name = s.Name,
        Silo = silo,
        Phase = s.Phase,
        Reason = s.Reason,
        LoadBalancerId = s.LoadBalancerId,
        Address = s.Address,
        AddressType = s.AddressType,
        Ownership = s.Ownership,
        Listeners = [.. s.Listeners.Select(l => $"{l.Protocol.ToUpperInvariant()}:{l.Port}")],
        BackendCount = s.BackendCount,
        LastPlan = LastPlan(s),
        LastError = s.LastError,
        LastReconciledAt = s.LastReconciledAt,
        NextReminderAt = s.NextReminderAt,
    };

    public static NodeRow Node(NodeGrainState s, string silo) => new()
    {
        Name = s.Key,
        Silo = silo,
        Phase = s.Phase,
        Reason = s.Reason,
        InstanceId = s.InstanceId,
        ProviderId = s.ProviderId,
        ProviderIdSource = s.ProviderIdSource,
        ZoneId = s.ZoneId,
        InstanceType = s.InstanceType,
        InstanceStatus = s.InstanceStatus,
        Initialized = s.Initialized,
        ShutdownTaint = s.ShutdownTaint,
        LastPlan = LastPlan(s),
        LastError = s.LastError,
        LastReconciledAt = s.LastReconciledAt,
        NextReminderAt = s.NextReminderAt,
    };

    public static RouteTableRow RouteTable(RouteTableGrainState s, string silo) => new()
    {
        Id = s.Key,
        Silo = silo,
        Phase = s.Phase,
        Reason = s.Reason,
        VpcId = s.VpcId,
        RoutesPresent = s.RoutesPresent,
        RoutesDesired = s.RoutesDesired,
        CustomEntries = s.CustomEntries,
        Quota = s.Quota,
        Full = s.Full,
        LastPeriodAt = s.LastPeriodAt,
        LastPlan = LastPlan(s),
        LastError = s.LastError,
        NextReminderAt = s.NextReminderAt,
    };

    /// <summary>The newest plan in one line, or null before the first.</summary>
    public static PlanSummary? LastPlan(GrainState state) => state.RecentPlans.Count == 0 ? null : Summarise(state.RecentPlans[0]);

    public static PlanSummary Summarise(PlanRecord plan)
    {
        int succeeded = 0, failed = 0, notApplied = 0;
        foreach (var operation in plan.Operations)
        {
            switch (operation.Outcome)
            {
                case OperationOutcome.Succeeded: succeeded++; break;
                case OperationOutcome.Failed: failed++; break;
                default: notApplied++; break;
            }
        }

        return new PlanSummary(plan.At, plan.DryRun, plan.Trigger, plan.Operations.Count, succeeded, failed, notApplied);
    }

    /// <summary>
    /// A dry-run plan still waiting, or null: the grain's phase is <see cref="GrainPhase.PlanPending"/> and its newest
    /// plan was only computed.
    /// </summary>
    public static PendingPlan? Pending(string kind, GrainState state, string silo) =>
        state.Phase == GrainPhase.PlanPending && state.RecentPlans is [{ DryRun: true } plan, ..]
            ? new PendingPlan(kind, state.Key, silo, plan.At, [.. plan.Operations.Select(o => $"{o.Action} {o.Target}")])
            : null;
}

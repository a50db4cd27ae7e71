using Ccm.GrainInterfaces;
using Ccm.GrainInterfaces.State;

namespace Ccm.Grains.Services;

/// <summary>Builds and publishes a Service grain's <see cref="ServiceGrainState"/> after every turn.</summary>
public sealed class ServiceStatePublisher(IGrainStateBoard board, TimeProvider time)
{
    /// <summary>What the turn found or made of the load balancer.</summary>
    public sealed record Snapshot(string? LoadBalancerId, string? Address, string? AddressType, LoadBalancerOwnership Ownership, IReadOnlyList<ListenerSummary> Listeners);

    public void Publish(string key, ServiceMemory memory, GrainPhase phase, string? reason, GrainError? error = null, Snapshot? snapshot = null)
    {
        var (ns, name) = GrainKeys.ParseService(key);
        board.Publish(new ServiceGrainState
        {
            Key = key, Namespace = ns, Name = name, Phase = phase, Reason = reason, LastError = error,
            LastReconciledAt = time.GetUtcNow(), NextReminderAt = memory.NextReminderAt,
            RecentPlans = [.. memory.Plans], RecentEvents = [.. memory.Events],
            LoadBalancerId = snapshot?.LoadBalancerId, Address = snapshot?.Address, AddressType = snapshot?.AddressType,
            Ownership = snapshot?.Ownership ?? LoadBalancerOwnership.None, Listeners = snapshot?.Listeners ?? [],
            BackendCount = snapshot?.Listeners.SelectMany(l => l.BackendServers).Select(b => (b.ServerId, b.Port, b.ServerIp)).Distinct().Count() ?? 0,
        });
    }

    public void Remove(string key) => board.Remove<ServiceGrainState>(key);

    public GrainError Error(string message, string? code = null) => new(time.GetUtcNow(), message, code);

    /// <summary>The load balancer as the plan left it (after a clean apply), or as it was found (otherwise).</summary>
    public static Snapshot Describe(DesiredService desired, ActualLoadBalancer? actual, ExecutionContext context, bool applied)
    {
        var ownership = desired.IsAdopted ? LoadBalancerOwnership.Adopted : LoadBalancerOwnership.Owned;
        if (context.LoadBalancerId is null)
        {
            return new Snapshot(null, null, desired.LoadBalancer.AddressType, LoadBalancerOwnership.None, []);
        }

        IReadOnlyList<ListenerSummary> listeners = applied
            ? [.. desired.Listeners.Select(l => Summary(l.Port, l.Protocol, "running", context.GroupIds.GetValueOrDefault(l.VServerGroupKey),
                desired.VServerGroups.First(g => g.Key == l.VServerGroupKey).Backends))]
            : [.. (actual?.Listeners ?? []).Where(l => desired.Identity.Owns(l.Description)).Select(l => Summary(l.ListenerPort, l.ListenerProtocol, l.Status ?? "",
                l.VServerGroupId, actual!.VServerGroups.FirstOrDefault(g => g.VServerGroupId == l.VServerGroupId)?.Backends ?? []))];
        return new Snapshot(context.LoadBalancerId, desired.Hostname ?? context.Address, actual?.LoadBalancer.AddressType ?? desired.LoadBalancer.AddressType,
            ownership, listeners);
    }

    private static ListenerSummary Summary(int port, string protocol, string status, string? groupId, IEnumerable<Backend> backends)
    {
        var members = backends.Select(b => new BackendSummary(b.ServerId, b.Type, b.Port, b.Weight, b.ServerIp, b.NodeName)).ToList();
        return new ListenerSummary(port, protocol, status, groupId, members.Count, members);
    }
}

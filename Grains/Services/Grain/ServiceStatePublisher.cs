using System.Collections.Immutable;
using Ccm.GrainInterfaces;
using Ccm.GrainInterfaces.State;

namespace Ccm.Grains.Services;

/// <summary>Builds and publishes a Service grain's <see cref="ServiceGrainState"/> after every turn.</summary>
public sealed class ServiceStatePublisher(IGrainStateBoard board, TimeProvider time)
{
    /// <summary>
    /// Members listed per listener; the rest are only counted (<see cref="ListenerSummary.Backends"/>). The board keeps
    /// every Service's state for the dashboard, and a full list under <c>externalTrafficPolicy: Cluster</c> is every
    /// node: 5,000 Services on 2,000 nodes would keep 20 million summaries for a page that shows one Service at a time.
    /// </summary>
    public const int BackendsListed = 10;

    /// <summary>What the turn found or made of the load balancer; <paramref name="Backends"/> counts the distinct members of all its listeners.</summary>
    public sealed record Snapshot(string? LoadBalancerId, string? Address, string? AddressType, LoadBalancerOwnership Ownership, IReadOnlyList<ListenerSummary> Listeners, int Backends);

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
            BackendCount = snapshot?.Backends ?? 0,
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
            return new Snapshot(null, null, desired.LoadBalancer.AddressType, LoadBalancerOwnership.None, [], 0);
        }

        List<Shown> listeners = applied
            ? [.. desired.Listeners.Select(l => new Shown(l.Port, l.Protocol, "running", context.GroupIds.GetValueOrDefault(l.VServerGroupKey),
                desired.VServerGroups.First(g => g.Key == l.VServerGroupKey).Backends))]
            : [.. (actual?.Listeners ?? []).Where(l => desired.Identity.Owns(l.Description)).Select(l => new Shown(l.ListenerPort, l.ListenerProtocol, l.Status ?? "",
                l.VServerGroupId, actual!.VServerGroups.FirstOrDefault(g => g.VServerGroupId == l.VServerGroupId)?.Backends ?? []))];
        var backends = listeners.SelectMany(l => l.Backends).Select(b => (b.ServerId, b.Port, b.ServerIp)).Distinct().Count();
        return new Snapshot(context.LoadBalancerId, desired.Hostname ?? context.Address, actual?.LoadBalancer.AddressType ?? desired.LoadBalancer.AddressType,
            ownership, [.. listeners.Select(Summary)], backends);
    }

    private static ListenerSummary Summary(Shown listener) =>
        new(listener.Port, listener.Protocol, listener.Status, listener.GroupId, listener.Backends.Length,
            [.. listener.Backends.Take(BackendsListed).Select(b => new BackendSummary(b.ServerId, b.Type, b.Port, b.Weight, b.ServerIp, b.NodeName))]);

    /// <summary>A listener as described, with all its members (counted) before the list is cut to <see cref="BackendsListed"/>.</summary>
    private sealed record Shown(int Port, string Protocol, string Status, string? GroupId, ImmutableArray<Backend> Backends);
}

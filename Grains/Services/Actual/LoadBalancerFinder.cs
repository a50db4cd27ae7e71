using System.Collections.Immutable;
using Ccm.CloudClients;
using Ccm.CloudClients.Slb;
using Ccm.CloudClients.Transport;
using Ccm.GrainInterfaces.State;

namespace Ccm.Grains.Services;

/// <summary>
/// Finds a Service's load balancer and reads what the planner needs, in as few calls as upstream's rules allow
/// (reference ccm-upstream.md §1.1 "Find CLB"): the <c>...-loadbalancer-id</c> annotation, else our ownership tag,
/// else our default name. An unchanged Service costs one lookup, one DescribeLoadBalancerListeners and one
/// DescribeVServerGroupAttribute per group our listeners use; the groups are listed (DescribeVServerGroups) only when a
/// wanted group is not among those and may exist all the same (<see cref="KnownGroups"/>), or when what the load
/// balancer holds is unknown (cleanup, a new activation, after a turn that did not end clean).
/// </summary>
public sealed class LoadBalancerFinder(ISlbClient slb)
{
    public async Task<(LoadBalancer? LoadBalancer, LoadBalancerOwnership Ownership)> FindAsync(
        ServiceIdentity identity, string? adoptedId, bool mayBeUntagged, CancellationToken cancellationToken)
    {
        if (adoptedId is not null)
        {
            var named = await List(new DescribeLoadBalancersRequest { LoadBalancerIds = [adoptedId] }, cancellationToken);
            return (named.FirstOrDefault(l => l.LoadBalancerId == adoptedId), LoadBalancerOwnership.Adopted);
        }

        var name = identity.DefaultLoadBalancerName;
        var tagged = await List(new DescribeLoadBalancersRequest { Tags = [new Tag(DesiredLoadBalancer.OwnerTagKey, name)] }, cancellationToken);
        if (tagged.Count == 0 && mayBeUntagged)
        {
            // An older CCM may have created it untagged; its name is still "a" + the UID. Only a Service some CCM
            // already handled (it carries the finalizer or shows an address) can have one, so a new Service skips this.
            tagged = await List(new DescribeLoadBalancersRequest { LoadBalancerName = name }, cancellationToken);
            tagged = [.. tagged.Where(l => l.LoadBalancerName == name)];
        }

        return tagged.Count switch
        {
            0 => (null, LoadBalancerOwnership.None),
            1 => (tagged[0], LoadBalancerOwnership.Owned),
            _ => throw new LoadBalancerAmbiguousException(name, [.. tagged.Select(l => l.LoadBalancerId)]),
        };
    }

    /// <param name="wantedKeys">The keys of the groups the Service wants; their members are read.</param>
    /// <param name="known">The names our groups may have; null to list every group (and read every member of ours), e.g. to clean up.</param>
    public async Task<ActualLoadBalancer> ReadAsync(
        LoadBalancer loadBalancer, LoadBalancerOwnership ownership, ServiceIdentity identity, IReadOnlyCollection<string> wantedKeys, KnownGroups? known,
        CancellationToken cancellationToken)
    {
        var listAll = known is null;
        var id = loadBalancer.LoadBalancerId;
        var listeners = await slb.DescribeLoadBalancerListenersAsync(new DescribeLoadBalancerListenersRequest { LoadBalancerIds = [id] }, cancellationToken)
            .ToListAsync(cancellationToken);
        var groups = new Dictionary<string, ActualVServerGroup>(StringComparer.Ordinal);
        foreach (var groupId in listeners.Where(l => identity.Owns(l.Description)).Select(l => l.VServerGroupId).OfType<string>().Distinct())
        {
            if (await ReadGroupAsync(groupId, cancellationToken) is { } group && identity.Owns(group.Name))
            {
                groups[groupId] = group;
            }
        }

        var listed = listAll || wantedKeys.Any(k => !groups.Values.Any(g => g.Name == k) && known!.MayHave(id, k));
        if (listed)
        {
            var all = await slb.DescribeVServerGroupsAsync(new DescribeVServerGroupsRequest { LoadBalancerId = id }, cancellationToken);
            foreach (var group in all.Where(g => identity.Owns(g.VServerGroupName) && !groups.ContainsKey(g.VServerGroupId)))
            {
                var name = group.VServerGroupName!;
                groups[group.VServerGroupId] = listAll || wantedKeys.Contains(name)
                    ? await ReadGroupAsync(group.VServerGroupId, cancellationToken) ?? new ActualVServerGroup(group.VServerGroupId, name, null)
                    : new ActualVServerGroup(group.VServerGroupId, name, null);
            }
        }

        return new ActualLoadBalancer
        {
            LoadBalancer = loadBalancer, Ownership = ownership, Listeners = [.. listeners],
            VServerGroups = [.. groups.Values.OrderBy(g => g.VServerGroupId, StringComparer.Ordinal)], AllGroupsListed = listed,
        };
    }

    private async Task<ActualVServerGroup?> ReadGroupAsync(string groupId, CancellationToken cancellationToken)
    {
        try
        {
            var group = await slb.DescribeVServerGroupAttributeAsync(groupId, cancellationToken);
            return new ActualVServerGroup(group.VServerGroupId, group.VServerGroupName ?? "", [.. group.BackendServers.Select(Backend.FromServer)]);
        }
        catch (OpenApiException ex) when (SlbErrorCodes.IsNotFound(ex))
        {
            return null; // deleted between the listing and now
        }
    }

    private async Task<List<LoadBalancer>> List(DescribeLoadBalancersRequest request, CancellationToken cancellationToken) =>
        await slb.DescribeLoadBalancersAsync(request, cancellationToken).ToListAsync(cancellationToken);
}

/// <summary>More than one load balancer carries this Service's tag or name: a human must say which one is the Service's.</summary>
public sealed class LoadBalancerAmbiguousException(string name, ImmutableArray<string> ids)
    : Exception($"load balancers {string.Join(", ", ids)} all belong to this Service (tag or name {name}); delete or untag all but one")
{
    public ImmutableArray<string> LoadBalancerIds { get; } = ids;
}

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

    /// <summary>
    /// Reads the load balancer's listeners and the groups <paramref name="request"/> needs. Groups our listeners use are
    /// read whatever their name (a user's group we were told to join stays readable after the annotation moves on, so our
    /// members can leave it); the user's groups named by <c>vgroup-port</c> are read by id; the SNI domains only of the
    /// HTTPS listeners whose domains we manage. A Service without those annotations costs not one call more, and a wanted
    /// group that the request's known names say cannot exist is created without listing them all.
    /// </summary>
    public async Task<ActualLoadBalancer> ReadAsync(LoadBalancer loadBalancer, LoadBalancerOwnership ownership, ReadRequest request, CancellationToken cancellationToken)
    {
        var (identity, id) = (request.Identity, loadBalancer.LoadBalancerId);
        var listeners = await slb.DescribeLoadBalancerListenersAsync(new DescribeLoadBalancerListenersRequest { LoadBalancerIds = [id] }, cancellationToken)
            .ToListAsync(cancellationToken);
        var groups = new Dictionary<string, ActualVServerGroup>(StringComparer.Ordinal);
        var ours = listeners.Where(l => identity.Owns(l.Description)).ToList();
        foreach (var groupId in ours.Select(l => l.VServerGroupId).OfType<string>().Concat(request.ReusedGroupIds).Distinct())
        {
            // A vgroup-port id of another load balancer's group is as good as missing (the planner refuses it).
            if (await ReadGroupAsync(groupId, cancellationToken) is { } group && (group.LoadBalancerId ?? id) == id)
            {
                groups[groupId] = group.Group;
            }
        }

        var listed = request.ListAll || request.WantedKeys.Any(k => !groups.Values.Any(g => g.Name == k) && request.Known!.MayHave(id, k));
        if (listed)
        {
            var all = await slb.DescribeVServerGroupsAsync(new DescribeVServerGroupsRequest { LoadBalancerId = id }, cancellationToken);
            foreach (var group in all.Where(g => identity.Owns(g.VServerGroupName) && !groups.ContainsKey(g.VServerGroupId)))
            {
                var name = group.VServerGroupName!;
                groups[group.VServerGroupId] = request.ListAll || request.WantedKeys.Contains(name)
                    ? (await ReadGroupAsync(group.VServerGroupId, cancellationToken))?.Group ?? new ActualVServerGroup(group.VServerGroupId, name, null)
                    : new ActualVServerGroup(group.VServerGroupId, name, null);
            }
        }

        var extensions = ImmutableDictionary.CreateBuilder<int, ImmutableArray<DomainExtension>>();
        foreach (var port in ours.Where(l => l.ListenerProtocol == "https" && request.ExtensionPorts.Contains(l.ListenerPort)).Select(l => l.ListenerPort))
        {
            extensions[port] = [.. await slb.DescribeDomainExtensionsAsync(new DescribeDomainExtensionsRequest(id, port), cancellationToken)];
        }

        return new ActualLoadBalancer
        {
            LoadBalancer = loadBalancer, Ownership = ownership, Listeners = [.. listeners],
            VServerGroups = [.. groups.Values.OrderBy(g => g.VServerGroupId, StringComparer.Ordinal)], AllGroupsListed = listed,
            DomainExtensions = extensions.ToImmutable(),
        };
    }

    private async Task<(ActualVServerGroup Group, string? LoadBalancerId)?> ReadGroupAsync(string groupId, CancellationToken cancellationToken)
    {
        try
        {
            var group = await slb.DescribeVServerGroupAttributeAsync(groupId, cancellationToken);
            return (new ActualVServerGroup(group.VServerGroupId, group.VServerGroupName ?? "", [.. group.BackendServers.Select(Backend.FromServer)]),
                group.LoadBalancerId);
        }
        catch (OpenApiException ex) when (SlbErrorCodes.IsNotFound(ex))
        {
            return null; // deleted between the listing and now, or a vgroup-port id that does not exist
        }
    }

    private async Task<List<LoadBalancer>> List(DescribeLoadBalancersRequest request, CancellationToken cancellationToken) =>
        await slb.DescribeLoadBalancersAsync(request, cancellationToken).ToListAsync(cancellationToken);
}

/// <summary>What <see cref="LoadBalancerFinder.ReadAsync"/> reads besides the listeners.</summary>
/// <param name="WantedKeys">The keys of the groups the Service wants; their members are read.</param>
/// <param name="ReusedGroupIds">The user's groups the Service's members go into (<c>vgroup-port</c>); read by id.</param>
/// <param name="ExtensionPorts">The HTTPS listener ports whose SNI domains we manage (<c>domain-extensions</c>).</param>
/// <param name="Known">The names our groups may have after the last clean turn (<see cref="ServiceMemory.Groups"/>); null when unknown.</param>
public sealed record ReadRequest(
    ServiceIdentity Identity, IReadOnlyCollection<string> WantedKeys, IReadOnlyCollection<string> ReusedGroupIds, IReadOnlyCollection<int> ExtensionPorts, KnownGroups? Known)
{
    /// <summary>Nothing is known of our groups (after activation or a failed turn, or to clean up): list them all and read every member of ours.</summary>
    public bool ListAll => Known is null;

    public static ReadRequest For(DesiredService desired, KnownGroups? known) => new(
        desired.Identity, [.. desired.VServerGroups.Select(g => g.Key)], desired.ReusedGroupIds,
        [.. desired.Listeners.Where(l => l.DomainExtensions is not null).Select(l => l.Port)], known);
}

/// <summary>More than one load balancer carries this Service's tag or name: a human must say which one is the Service's.</summary>
public sealed class LoadBalancerAmbiguousException(string name, ImmutableArray<string> ids)
    : Exception($"load balancers {string.Join(", ", ids)} all belong to this Service (tag or name {name}); delete or untag all but one")
{
    public ImmutableArray<string> LoadBalancerIds { get; } = ids;
}

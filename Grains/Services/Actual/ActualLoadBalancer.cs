using System.Collections.Immutable;
using Ccm.CloudClients.Slb;
using Ccm.GrainInterfaces.State;

namespace Ccm.Grains.Services;

/// <summary>
/// A Service's load balancer as the cloud reported it this turn: the load balancer, every listener on it (ours and
/// the user's, so that we never take a port someone else uses), and the vServer groups that carry our keys.
/// The right-hand input of <see cref="ServicePlanner"/>.
/// </summary>
public sealed record ActualLoadBalancer
{
    public required LoadBalancer LoadBalancer { get; init; }

    /// <summary><see cref="LoadBalancerOwnership.Owned"/> or <see cref="LoadBalancerOwnership.Adopted"/>.</summary>
    public required LoadBalancerOwnership Ownership { get; init; }

    public ImmutableArray<Listener> Listeners { get; init; } = [];

    /// <summary>The groups that were read: those our listeners use, the user's groups we put members in (<c>vgroup-port</c>),
    /// and (after a full listing) every one named with our keys. Only those named with our keys are ours to delete.</summary>
    public ImmutableArray<ActualVServerGroup> VServerGroups { get; init; } = [];

    /// <summary>The SNI domains of our HTTPS listeners, by listener port; read only for listeners whose domains we manage.</summary>
    public ImmutableDictionary<int, ImmutableArray<DomainExtension>> DomainExtensions { get; init; } = ImmutableDictionary<int, ImmutableArray<DomainExtension>>.Empty;

    /// <summary>Whether <see cref="VServerGroups"/> comes from listing every group of the load balancer (so a group
    /// missing from it does not exist), rather than from following our listeners.</summary>
    public bool AllGroupsListed { get; init; }

    public string LoadBalancerId => LoadBalancer.LoadBalancerId;
}

/// <summary>A vServer group (ours by name, or a user's we put members in); <see cref="Backends"/> is null when its members were not read.</summary>
public sealed record ActualVServerGroup(string VServerGroupId, string Name, ImmutableArray<Backend>? Backends);

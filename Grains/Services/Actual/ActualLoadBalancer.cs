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

    /// <summary>Our groups that were read: those our listeners use, and (after a full listing) every one named with our keys.</summary>
    public ImmutableArray<ActualVServerGroup> VServerGroups { get; init; } = [];

    /// <summary>Whether <see cref="VServerGroups"/> comes from listing every group of the load balancer (so a group
    /// missing from it does not exist), rather than from following our listeners.</summary>
    public bool AllGroupsListed { get; init; }

    public string LoadBalancerId => LoadBalancer.LoadBalancerId;
}

/// <summary>A vServer group with one of our keys as its name; <see cref="Backends"/> is null when its members were not read.</summary>
public sealed record ActualVServerGroup(string VServerGroupId, string Name, ImmutableArray<Backend>? Backends);

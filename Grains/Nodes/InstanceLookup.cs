using System.Collections.Immutable;
using Ccm.CloudClients.Ecs;

namespace Ccm.Grains.Nodes;

/// <summary>
/// What one completed DescribeInstances said about one instance id or private IP: the instances that matched (none,
/// one, or for an IP, several). A lookup that failed is an exception, never an empty result: an empty result is the
/// cloud's word that the instance does not exist, and Nodes are deleted on it.
/// </summary>
public sealed record InstanceLookup(IReadOnlyList<Instance> Matches)
{
    public static InstanceLookup None { get; } = new([]);

    public Instance? Single => Matches.Count == 1 ? Matches[0] : null;

    /// <summary>
    /// When the lookup asked for it: whether the primary ENI of each matched instance still has its source/destination
    /// check on, by ENI id (DescribeNetworkInterfaces, read in the same batch). An ENI that was not read is absent.
    /// </summary>
    public IReadOnlyDictionary<string, bool> SourceDestCheck { get; init; } = ImmutableDictionary<string, bool>.Empty;
}

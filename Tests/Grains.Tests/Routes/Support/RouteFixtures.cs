using System.Collections.Immutable;
using System.Net;
using Ccm.CloudClients.Vpc;
using Ccm.Grains.Routes;
using Ccm.Grains.Tests.Support;
using k8s.Models;

namespace Ccm.Grains.Tests.Routes.Support;

/// <summary>Builders for the route planner's inputs: Nodes with tweaks, route entries of every shape, a plan input.</summary>
internal static class RouteFixtures
{
    public const string Table = "vtb-test";
    public static readonly IPNetwork ClusterCidr = IPNetwork.Parse("172.20.0.0/16");
    public static readonly DateTimeOffset ReadAt = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>node-N: pod CIDR 172.20.N.0/24, instance i-N, providerID cn-hangzhou.i-N.</summary>
    public static V1Node Node(int n, params Func<V1Node, V1Node>[] tweaks) =>
        tweaks.Aggregate(new V1Node
        {
            Metadata = new V1ObjectMeta { Name = $"node-{n}", ResourceVersion = "1" },
            Spec = new V1NodeSpec { ProviderID = $"cn-hangzhou.i-{n}", PodCIDR = $"172.20.{n}.0/24", PodCIDRs = [$"172.20.{n}.0/24"] },
        }, (node, tweak) => tweak(node));

    public static Func<V1Node, V1Node> ProviderId(string? value) => n => n.Clone(c => c.Spec.ProviderID = value);

    public static Func<V1Node, V1Node> PodCidrs(params string[] cidrs) => n => n.Clone(c =>
    {
        c.Spec.PodCIDRs = cidrs;
        c.Spec.PodCIDR = cidrs.FirstOrDefault();
    });

    public static Func<V1Node, V1Node> OnlyPodCidr(string? cidr) => n => n.Clone(c =>
    {
        c.Spec.PodCIDRs = null;
        c.Spec.PodCIDR = cidr;
    });

    public static Func<V1Node, V1Node> Label(string key, string value = "") => n => n.Clone(c =>
    {
        c.Metadata.Labels ??= new Dictionary<string, string>();
        c.Metadata.Labels[key] = value;
    });

    public static Func<V1Node, V1Node> Deleting => n => n.Clone(c => c.Metadata.DeletionTimestamp = ReadAt.UtcDateTime);

    public static Func<V1Node, V1Node> Ready(string status) => n => n.Clone(c =>
        c.Status = new V1NodeStatus { Conditions = [new V1NodeCondition { Type = "Ready", Status = status }] });

    public static NodeRoute Route(int n) => new($"node-{n}", $"172.20.{n}.0/24", $"i-{n}");

    public static RouteEntry Entry(string cidr, string hop, string type = "Custom", string hopType = "Instance", string status = "Available") => new()
    {
        RouteEntryId = $"rte-{cidr}-{hop}", RouteTableId = Table, DestinationCidrBlock = cidr, Type = type, Status = status,
        NextHops = [new NextHop { NextHopType = hopType, NextHopId = hop }],
    };

    /// <summary>The entry node-N needs, as the cloud would hold it.</summary>
    public static RouteEntry EntryFor(int n, string status = "Available") => Entry($"172.20.{n}.0/24", $"i-{n}", status: status);

    public static RouteEntry Ecmp(string cidr, params string[] hops) => Entry(cidr, hops[0]) with
    {
        RouteEntryId = $"rte-ecmp-{cidr}", NextHops = [.. hops.Select(h => new NextHop { NextHopType = "Instance", NextHopId = h, Weight = 100 })],
    };

    public static RoutePlanInput Input(IEnumerable<V1Node> nodes, IEnumerable<RouteEntry> entries, bool synced = true, IPNetwork? cluster = null) => new()
    {
        RouteTableId = Table, Nodes = RouteNodeSet.From(nodes), Entries = [.. entries], ClusterCidr = cluster ?? ClusterCidr, CacheSynced = synced,
        ObservedAt = ReadAt,
    };

    public static RoutePlanInput With(this RoutePlanInput input, IReadOnlyDictionary<NodeRoute, string> rejected) => input with { Rejected = rejected.ToImmutableDictionary() };
}

using System.Collections.Immutable;
using Ccm.Grains.Nodes;
using k8s;
using k8s.Models;

namespace Ccm.Grains.Routes;

/// <summary>
/// The cluster's Nodes as the route controller sees them: the routes every table should hold, why the other nodes get
/// none, and what every node claims (<see cref="LiveNodes"/>). Pure; built from the cache at the start of each turn.
/// </summary>
/// <param name="Desired">One route per eligible node, ordered by node name, destinations unique.</param>
/// <param name="Skipped">Node name to the reason it gets no route.</param>
/// <param name="Live">What every node in the cache claims, eligible or not.</param>
public sealed record RouteNodeSet(IReadOnlyList<NodeRoute> Desired, IReadOnlyDictionary<string, string> Skipped, LiveNodes Live)
{
    public static RouteNodeSet Empty { get; } = new([], ImmutableDictionary<string, string>.Empty, LiveNodes.None);

    public static RouteNodeSet From(IEnumerable<V1Node> nodes)
    {
        var all = nodes.OrderBy(n => n.Metadata.Name, StringComparer.Ordinal).ToList();
        var skipped = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        var routes = new List<NodeRoute>();
        foreach (var node in all)
        {
            if (RouteEligibility.RouteOf(node) is { } route)
            {
                routes.Add(route);
            }
            else
            {
                skipped[node.Metadata.Name ?? ""] = RouteEligibility.SkipReason(node)!;
            }
        }

        // Two nodes claiming one pod CIDR is a cluster misconfiguration: routing either would black-hole the other's
        // pods, so neither gets a route (and both CIDRs stay "live", so nothing there is deleted either).
        var desired = new List<NodeRoute>();
        foreach (var group in routes.GroupBy(r => r.DestinationCidrBlock, StringComparer.Ordinal))
        {
            if (group.Count() == 1)
            {
                desired.Add(group.Single());
                continue;
            }

            foreach (var route in group)
            {
                var others = string.Join(", ", group.Where(r => r != route).Select(r => r.NodeName));
                skipped[route.NodeName] = $"pod CIDR {route.DestinationCidrBlock} is also claimed by node {others}";
            }
        }

        return new RouteNodeSet([.. desired.OrderBy(r => r.NodeName, StringComparer.Ordinal)], skipped.ToImmutable(), LiveOf(all));
    }

    private static LiveNodes LiveOf(IReadOnlyList<V1Node> nodes) => new()
    {
        PodCidrs = nodes.SelectMany(n => RouteEligibility.PodCidrs(n).Append(Ipv4Cidr.Canonical(n.Spec?.PodCIDR)).OfType<string>())
            .ToImmutableHashSet(StringComparer.Ordinal),
        InstanceIds = nodes.Select(n => InstanceIdOf(n.Spec?.ProviderID)).OfType<string>().ToImmutableHashSet(StringComparer.Ordinal),
    };

    /// <summary>
    /// The instance a providerID names; for a providerID we cannot parse, its last segment, so that an odd spelling
    /// (a bare <c>i-...</c>) still protects that instance's routes rather than exposing them to collection.
    /// </summary>
    private static string? InstanceIdOf(string? providerId) =>
        string.IsNullOrWhiteSpace(providerId) ? null
        : ProviderId.TryParse(providerId, out var id) ? id.Value.InstanceId
        : providerId.Split('/', '.').LastOrDefault(s => s.Length > 0);
}

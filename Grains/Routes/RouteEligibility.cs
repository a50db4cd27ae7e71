using Ccm.Grains.Nodes;
using Ccm.Kube.Client;
using k8s;
using k8s.Models;

namespace Ccm.Grains.Routes;

/// <summary>
/// Which Nodes get a pod-CIDR route, as upstream's route controller decides (reference ccm-upstream.md §4,
/// <c>needSyncRoute</c>), each rule a named check; the first that applies says why a node gets none, for the dashboard.
/// A node that gets none still counts as live (<see cref="RouteNodeSet.Live"/>), so a route it already has is kept:
/// that is how a node whose kubelet went silent (Ready <c>Unknown</c>) keeps its route but is given no new one.
/// </summary>
public static class RouteEligibility
{
    public const string VirtualKubeletLabel = "type";
    public const string VirtualKubeletValue = "virtual-kubelet";

    /// <summary>Labels whose presence keeps a node out of the CCM's care (upstream's spellings, old and new).</summary>
    public static readonly IReadOnlyList<string> ExcludeLabels = ["service.beta.kubernetes.io/exclude-node", "service.alibabacloud.com/exclude-node"];

    private static readonly (string Reason, Func<V1Node, bool> Applies)[] Rules =
    [
        ("being deleted", n => n.Metadata.DeletionTimestamp is not null),
        ("Ready is Unknown (its kubelet stopped reporting): an existing route is kept, no new one is made", IsReadyUnknown),
        ("excluded by label", n => ExcludeLabels.Any(l => n.Metadata.Labels?.ContainsKey(l) == true)),
        ("virtual-kubelet node (no ECS instance)", n => n.Metadata.Labels.ValueOrNull(VirtualKubeletLabel) == VirtualKubeletValue),
        ("hybrid node (ack-hybrid://): not an ECS instance", n => ProviderId.IsHybrid(n.Spec?.ProviderID)),
        ("no providerID yet", n => string.IsNullOrWhiteSpace(n.Spec?.ProviderID)),
        ("providerID is not <region>.<instance-id>", n => !ProviderId.TryParse(n.Spec?.ProviderID, out _)),
        ("no IPv4 pod CIDR", n => FirstPodCidr(n) is null),
    ];

    /// <summary>Upstream's rule: only an explicit <c>Unknown</c>; a node that has not reported yet (no condition) is routed.</summary>
    public static bool IsReadyUnknown(V1Node node) => node.Status?.Conditions?.FirstOrDefault(c => c.Type == "Ready")?.Status == "Unknown";

    /// <summary>Null when <paramref name="node"/> gets a route, else why not.</summary>
    public static string? SkipReason(V1Node node) => Rules.FirstOrDefault(r => r.Applies(node)).Reason;

    /// <summary>The node's route, or null when it gets none (<see cref="SkipReason"/> says why).</summary>
    public static NodeRoute? RouteOf(V1Node node) =>
        SkipReason(node) is null && ProviderId.TryParse(node.Spec!.ProviderID, out var id)
            ? new NodeRoute(node.Metadata.Name ?? "", FirstPodCidr(node)!, id.Value.InstanceId)
            : null;

    /// <summary>The first IPv4 block of <c>spec.podCIDRs</c> (or of <c>spec.podCIDR</c> when the list is empty); IPv6 is ignored.</summary>
    public static string? FirstPodCidr(V1Node node) => PodCidrs(node).FirstOrDefault();

    /// <summary>Every IPv4 pod CIDR of the node, canonical, in order.</summary>
    public static IEnumerable<string> PodCidrs(V1Node node)
    {
        var blocks = node.Spec?.PodCIDRs is { Count: > 0 } list ? list : Enumerable.Repeat(node.Spec?.PodCIDR, 1);
        return blocks.Select(Ipv4Cidr.Canonical).OfType<string>();
    }
}

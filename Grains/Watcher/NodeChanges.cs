using k8s;
using k8s.Models;

namespace Ccm.Grains.Watcher;

/// <summary>
/// Which parts of a Node a grain depends on. A kubelet rewrites its Node's status every few seconds to minutes
/// (heartbeats), so "the Node changed" is almost always "a heartbeat time moved": each predicate names the fields
/// that matter to one kind of grain, and an Added or Deleted node (either side null) always matters.
/// </summary>
public static class NodeChanges
{
    /// <summary>The label that marks a virtual-kubelet node (no ECS instance behind it).</summary>
    public const string VirtualKubeletLabel = "type";

    /// <summary>Labels that take a node out of routes and load balancers (upstream's node and route controllers).</summary>
    public static readonly IReadOnlyList<string> ExclusionLabels =
    [
        "service.beta.kubernetes.io/exclude-node",
        "service.alibabacloud.com/exclude-node",
        "node.kubernetes.io/exclude-from-external-load-balancers",
        "alpha.service-controller.kubernetes.io/exclude-balancer",
    ];

    /// <summary>The Node grain maps the node to its instance: anything but heartbeat times can matter to it.</summary>
    public static bool MattersToNodeGrain(V1Node? old, V1Node? @new) =>
        old is null || @new is null
        || RouteFactsDiffer(old, @new)
        || BackendFactsDiffer(old, @new)
        || !Same(old.Metadata.Annotations, @new.Metadata.Annotations)
        || !old.Addresses().SequenceEqual(@new.Addresses())
        || !old.Conditions().SequenceEqual(@new.Conditions());

    /// <summary>Whether the node looks initialised (a providerID, no uninitialized taint): it decides a re-check's priority only.</summary>
    public static bool LooksInitialized(V1Node node) =>
        !string.IsNullOrEmpty(node.Spec?.ProviderID) && node.Spec?.Taints?.Any(t => t.Key == "node.cloudprovider.kubernetes.io/uninitialized") != true;

    /// <summary>
    /// Route tables hold one route per eligible node's pod CIDR, next hop its instance. A node that has no pod CIDR
    /// before or after the change has no route to add or remove (a new node's many initialisation writes come before
    /// its CIDR is allocated), so its events wake no route table.
    /// </summary>
    public static bool MattersToRoutes(V1Node? old, V1Node? @new) =>
        ((old is not null && old.PodCidrs().Any()) || (@new is not null && @new.PodCidrs().Any()))
        && (old is null || @new is null || RouteFactsDiffer(old, @new));

    /// <summary>Load balancer backends: node eligibility (Ready, schedulable, labels, taints) and the instance id.</summary>
    public static bool MattersToBackends(V1Node? old, V1Node? @new) => old is null || @new is null || BackendFactsDiffer(old, @new);

    private static bool RouteFactsDiffer(V1Node old, V1Node @new) =>
        old.Spec?.ProviderID != @new.Spec?.ProviderID
        || !old.PodCidrs().SequenceEqual(@new.PodCidrs())
        || old.Metadata.DeletionTimestamp != @new.Metadata.DeletionTimestamp
        || old.Label(VirtualKubeletLabel) != @new.Label(VirtualKubeletLabel)
        || ExclusionLabels.Any(l => old.Label(l) != @new.Label(l))
        || (old.ReadyStatus() == "Unknown") != (@new.ReadyStatus() == "Unknown");

    private static bool BackendFactsDiffer(V1Node old, V1Node @new) =>
        old.Spec?.ProviderID != @new.Spec?.ProviderID
        || old.ReadyStatus() != @new.ReadyStatus()
        || (old.Spec?.Unschedulable ?? false) != (@new.Spec?.Unschedulable ?? false)
        || old.Metadata.DeletionTimestamp != @new.Metadata.DeletionTimestamp
        || !Same(old.Metadata.Labels, @new.Metadata.Labels)
        || !old.Taints().SequenceEqual(@new.Taints());

    private static string? Label(this V1Node node, string name) =>
        node.Metadata.Labels is { } labels && labels.TryGetValue(name, out var value) ? value : null;

    private static string? ReadyStatus(this V1Node node) => node.Status?.Conditions?.FirstOrDefault(c => c.Type == "Ready")?.Status;

    private static IEnumerable<string> PodCidrs(this V1Node node) =>
        node.Spec?.PodCIDRs is { Count: > 0 } cidrs ? cidrs : node.Spec?.PodCIDR is { Length: > 0 } cidr ? [cidr] : [];

    private static IEnumerable<(string, string, string)> Taints(this V1Node node) =>
        (node.Spec?.Taints ?? []).Select(t => (t.Key, t.Value, t.Effect));

    private static IEnumerable<(string, string)> Addresses(this V1Node node) =>
        (node.Status?.Addresses ?? []).Select(a => (a.Type, a.Address));

    // Type, status and reason, not the heartbeat and transition times.
    private static IEnumerable<(string, string, string)> Conditions(this V1Node node) =>
        (node.Status?.Conditions ?? []).Select(c => (c.Type, c.Status, c.Reason));

    private static bool Same(IDictionary<string, string>? a, IDictionary<string, string>? b) =>
        (a?.Count ?? 0) == (b?.Count ?? 0) && (a is null || a.All(kv => b!.TryGetValue(kv.Key, out var v) && v == kv.Value));
}

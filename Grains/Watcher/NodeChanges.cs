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

    /// <summary>
    /// When only labels moved (no other backend fact): the labels that changed, so that a Service is woken only if one of
    /// them can change its backends (<see cref="LabelsThatMatterToEveryService"/>, or its own backend-label selector).
    /// Null when something else changed too (or the node came or went), which can matter to every Service. The node
    /// controller labels each new node (instance type, zone, region) as it initialises it; at 300 nodes and 1,000
    /// Services those labels alone woke every Service 300 times.
    /// </summary>
    public static IReadOnlySet<string>? OnlyLabelsChanged(V1Node? old, V1Node? @new)
    {
        if (old is null || @new is null || BackendFactsBesidesLabelsDiffer(old, @new))
        {
            return null;
        }

        var before = old.Metadata.Labels ?? new Dictionary<string, string>();
        var after = @new.Metadata.Labels ?? new Dictionary<string, string>();
        return before.Keys.Union(after.Keys)
            .Where(k => before.TryGetValue(k, out var a) != after.TryGetValue(k, out var b) || a != b)
            .ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Labels that decide every Service's backends: exclusion, control-plane role and virtual-kubelet.</summary>
    public static readonly IReadOnlySet<string> LabelsThatMatterToEveryService =
        new HashSet<string>([.. ExclusionLabels, "node-role.kubernetes.io/master", "node-role.kubernetes.io/control-plane", VirtualKubeletLabel], StringComparer.Ordinal);

    private static bool RouteFactsDiffer(V1Node old, V1Node @new) =>
        old.Spec?.ProviderID != @new.Spec?.ProviderID
        || !old.PodCidrs().SequenceEqual(@new.PodCidrs())
        || old.Metadata.DeletionTimestamp != @new.Metadata.DeletionTimestamp
        || old.Label(VirtualKubeletLabel) != @new.Label(VirtualKubeletLabel)
        || ExclusionLabels.Any(l => old.Label(l) != @new.Label(l))
        || (old.ReadyStatus() == "Unknown") != (@new.ReadyStatus() == "Unknown");

    private static bool BackendFactsDiffer(V1Node old, V1Node @new) =>
        BackendFactsBesidesLabelsDiffer(old, @new) || !Same(old.Metadata.Labels, @new.Metadata.Labels);

    private static bool BackendFactsBesidesLabelsDiffer(V1Node old, V1Node @new) =>
        old.Spec?.ProviderID != @new.Spec?.ProviderID
        || old.ReadyStatus() != @new.ReadyStatus()
        || (old.Spec?.Unschedulable ?? false) != (@new.Spec?.Unschedulable ?? false)
        || old.Metadata.DeletionTimestamp != @new.Metadata.DeletionTimestamp
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

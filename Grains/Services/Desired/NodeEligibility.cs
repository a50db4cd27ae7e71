using Ccm.Kube.Client;
using k8s;
using k8s.Models;

namespace Ccm.Grains.Services;

/// <summary>
/// Which Nodes may be <c>ecs</c> backends, as upstream decides (reference ccm-upstream.md §1.1 "Candidate nodes" and
/// cloud-provider's node predicates). Each rule is a named predicate; the first that excludes a node names why, so the
/// dashboard can say it.
/// </summary>
public static class NodeEligibility
{
    public const string VirtualKubeletLabel = "type";
    public const string VirtualKubeletValue = "virtual-kubelet";
    public const string ToBeDeletedTaint = "ToBeDeletedByClusterAutoscaler";
    public const string UninitializedTaint = "node.cloudprovider.kubernetes.io/uninitialized";

    /// <summary>Labels that keep a node out of every load balancer (Kubernetes' and Alibaba's spellings).</summary>
    public static readonly IReadOnlyList<string> ExcludeLabels =
    [
        "node.kubernetes.io/exclude-from-external-load-balancers",
        "alpha.service-controller.kubernetes.io/exclude-balancer",
        "service.beta.kubernetes.io/exclude-node",
        "service.alibabacloud.com/exclude-node",
    ];

    /// <summary>Control-plane role labels: masters do not serve Services (upstream excludes the master role).</summary>
    public static readonly IReadOnlyList<string> ControlPlaneLabels = ["node-role.kubernetes.io/master", "node-role.kubernetes.io/control-plane"];

    private static readonly (string Reason, Func<V1Node, ServiceAnnotations, bool> Excludes)[] Rules =
    [
        ("excluded by label", (n, _) => ExcludeLabels.Any(l => HasLabel(n, l))),
        ("control-plane node", (n, _) => ControlPlaneLabels.Any(l => HasLabel(n, l))),
        ("being deleted by the cluster autoscaler", (n, _) => HasTaint(n, ToBeDeletedTaint)),
        ("not Ready", (n, _) => !IsReady(n)),
        ("unschedulable with remove-unscheduled-backend: on", (n, a) => n.Spec?.Unschedulable == true && a.GetSwitch(AnnotationCatalog.RemoveUnscheduledBackend) == true),
        ("not selected by backend-label", (n, a) => !MatchesBackendLabel(n, a)),
        ("hybrid node (ack-hybrid://)", (n, _) => n.Spec?.ProviderID?.StartsWith("ack-hybrid://", StringComparison.Ordinal) == true),
        // Until the node controller sets providerID (and lifts the uninitialized taint) we do not know its instance.
        ("no instance id yet (providerID unset)", (n, _) => InstanceId(n) is null),
    ];

    public static bool IsVirtualKubelet(V1Node node) => node.Metadata.Labels.ValueOrNull(VirtualKubeletLabel) == VirtualKubeletValue;

    /// <summary>Null when <paramref name="node"/> may be an <c>ecs</c> backend of this Service, else why not.</summary>
    public static string? ExclusionReason(V1Node node, ServiceAnnotations annotations) =>
        IsVirtualKubelet(node) ? "virtual-kubelet node (its pods are ENI backends)"
        : Rules.FirstOrDefault(r => r.Excludes(node, annotations)).Reason;

    public static bool IsEligible(V1Node node, ServiceAnnotations annotations) => ExclusionReason(node, annotations) is null;

    /// <summary>
    /// The ECS instance id from <c>spec.providerID</c>: <c>&lt;region&gt;.&lt;instance-id&gt;</c>, also with the
    /// <c>alicloud://</c> prefix some installations use (upstream #298), or a bare <c>i-...</c>.
    /// </summary>
    public static string? InstanceId(V1Node node)
    {
        var providerId = node.Spec?.ProviderID;
        if (string.IsNullOrWhiteSpace(providerId) || (providerId.Contains("://", StringComparison.Ordinal) && !providerId.StartsWith("alicloud://", StringComparison.Ordinal)))
        {
            return null;
        }

        var id = providerId.StartsWith("alicloud://", StringComparison.Ordinal) ? providerId["alicloud://".Length..] : providerId;
        var dot = id.IndexOf('.', StringComparison.Ordinal);
        id = dot >= 0 ? id[(dot + 1)..] : id;
        return id.Length > 0 && !id.Contains('.', StringComparison.Ordinal) ? id : null;
    }

    /// <summary>Ready is True; a node with no conditions at all has never reported and is not ready either.</summary>
    private static bool IsReady(V1Node node) =>
        node.Status?.Conditions?.Any(c => c.Type == "Ready" && c.Status == "True") == true;

    private static bool MatchesBackendLabel(V1Node node, ServiceAnnotations annotations) =>
        annotations.Get(AnnotationCatalog.BackendLabel) is not { } selector
        || AnnotationValues.LabelSelector(selector)!.All(l => node.Metadata.Labels.ValueOrNull(l.Key) == l.Value);

    private static bool HasLabel(V1Node node, string label) => node.Metadata.Labels?.ContainsKey(label) == true;

    private static bool HasTaint(V1Node node, string key) => node.Spec?.Taints?.Any(t => t.Key == key) == true;
}

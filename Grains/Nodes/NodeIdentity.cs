using k8s;
using k8s.Models;

namespace Ccm.Grains.Nodes;

/// <summary>
/// How a Node maps to an ECS instance, decided from the Node alone: not ours (skipped), unusable (a warning), known by
/// its providerID, or to be found by its private IP.
/// </summary>
public abstract record NodeIdentity
{
    private NodeIdentity()
    {
    }

    /// <summary>Not an ECS node, or excluded by the user: nothing is read or written.</summary>
    public sealed record Skipped(string Reason) : NodeIdentity;

    /// <summary>The Node says something we cannot act on.</summary>
    public sealed record Invalid(NodeWarning Warning) : NodeIdentity;

    /// <summary><c>spec.providerID</c> is set and names an instance of our region.</summary>
    public sealed record Known(ProviderId ProviderId) : NodeIdentity;

    /// <summary><c>spec.providerID</c> is empty: find the instance by this private IP in the cluster's VPC.</summary>
    public sealed record Unknown(string PrivateIp) : NodeIdentity;

    /// <summary>Classifies <paramref name="node"/> for a cluster in <paramref name="regionId"/>.</summary>
    public static NodeIdentity Of(V1Node node, string regionId)
    {
        if (SkipReason(node) is { } reason)
        {
            return new Skipped(reason);
        }

        var value = node.Spec?.ProviderID;
        if (string.IsNullOrEmpty(value))
        {
            return NodeFacts.LookupIp(node) is { } ip ? new Unknown(ip) : new Invalid(NodeWarnings.NoInternalIp());
        }

        if (!ProviderId.TryParse(value, out var id))
        {
            return new Invalid(NodeWarnings.InvalidProviderId(value));
        }

        // Our ECS client speaks to one region; "not found" there proves nothing about an instance elsewhere, and must
        // never lead to deleting its Node.
        return id.Value.RegionId == regionId ? new Known(id.Value) : new Invalid(NodeWarnings.OtherRegion(value, id.Value.RegionId, regionId));
    }

    /// <summary>Why the node is not ours to manage, or null when it is (upstream's exclusions, plus nodes that are not ECS).</summary>
    public static string? SkipReason(V1Node node)
    {
        if (NodeFacts.Label(node, NodeLabels.Type) == NodeLabels.VirtualKubeletType)
        {
            return $"virtual-kubelet node (label {NodeLabels.Type}={NodeLabels.VirtualKubeletType}): no ECS instance behind it";
        }

        if (NodeLabels.Exclude.FirstOrDefault(l => NodeFacts.Label(node, l) is not null) is { } exclude)
        {
            return $"excluded by label {exclude}";
        }

        if (ProviderId.IsHybrid(node.Spec?.ProviderID))
        {
            return $"hybrid node (providerID {node.Spec!.ProviderID}): not an ECS instance";
        }

        return NodeFacts.Label(node, NodeLabels.LingJunWorker) == "true"
            ? $"LingJun node (label {NodeLabels.LingJunWorker}=true): an EFLO machine, not an ECS instance"
            : null;
    }
}

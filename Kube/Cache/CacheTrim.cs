using k8s;
using k8s.Models;

namespace Ccm.Kube.Cache;

/// <summary>What the informers drop before caching: fields that are large and that no grain reads.</summary>
public static class CacheTrim
{
    private const string LastApplied = "kubectl.kubernetes.io/last-applied-configuration";

    /// <summary>managedFields (often the largest part of an object) and kubectl's copy of the last applied manifest.</summary>
    public static T Default<T>(T obj)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        if (obj.Metadata is { } metadata)
        {
            metadata.ManagedFields = null;
            metadata.Annotations?.Remove(LastApplied);
        }

        return obj;
    }

    /// <summary>Also a node's image list (tens of KB per node on a real cluster) and its volume bookkeeping.</summary>
    public static V1Node Node(V1Node node)
    {
        Default(node);
        if (node.Status is { } status)
        {
            status.Images = null;
            status.VolumesAttached = null;
            status.VolumesInUse = null;
        }

        return node;
    }
}

using k8s;
using k8s.Models;

namespace Ccm.Kube.Cache;

/// <summary>Index functions the CCM's informers use. Index values are namespaced where the objects are.</summary>
public static class KubeIndexes
{
    /// <summary>The label the EndpointSlice controller sets to the slice's Service name.</summary>
    public const string ServiceNameLabel = "kubernetes.io/service-name";

    /// <summary>Index name for <see cref="EndpointSliceService"/>.</summary>
    public const string EndpointSlicesByService = "service";

    /// <summary>Index name for <see cref="PodNode"/>.</summary>
    public const string PodsByNode = "node";

    /// <summary>
    /// A slice's Service as <c>namespace/service-name</c>, from the <c>kubernetes.io/service-name</c> label (slices
    /// without it belong to no Service).
    /// </summary>
    public static IEnumerable<string> EndpointSliceService(V1EndpointSlice slice) =>
        slice.Metadata?.Labels?.TryGetValue(ServiceNameLabel, out var service) == true && service.Length > 0
            ? [ObjectKey.For(slice.Metadata.NamespaceProperty, service)]
            : [];

    /// <summary>A pod's node name, for pods that are scheduled.</summary>
    public static IEnumerable<string> PodNode(V1Pod pod) =>
        pod.Spec?.NodeName is { Length: > 0 } node ? [node] : [];
}

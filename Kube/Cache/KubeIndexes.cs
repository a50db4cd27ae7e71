using Ccm.Kube.Models;

namespace Ccm.Kube.Cache;

/// <summary>Index functions the CCM's informers use. Index values are namespaced where the objects are.</summary>
public static class KubeIndexes
{
    /// <summary>Index name for <see cref="EndpointSliceService"/>.</summary>
    public const string EndpointSlicesByService = "service";

    /// <summary>Index name for <see cref="PodNode"/>.</summary>
    public const string PodsByNode = "node";

    /// <summary>Index name for <see cref="ObjectNamespace"/>.</summary>
    public const string ByNamespace = "namespace";

    /// <summary>
    /// A slice's Service as <c>namespace/service-name</c>, from the <c>kubernetes.io/service-name</c> label (the
    /// EndpointSlice controller sets it; slices without it belong to no Service).
    /// </summary>
    public static IEnumerable<string> EndpointSliceService(EndpointSlice slice) =>
        slice.Metadata.Labels?.TryGetValue(EndpointSlice.ServiceNameLabel, out var service) == true && service.Length > 0
            ? [ObjectKey.For(slice.Metadata.Namespace, service)]
            : [];

    /// <summary>The node a Pod is bound to (unscheduled Pods are not indexed).</summary>
    public static IEnumerable<string> PodNode(Pod pod) =>
        pod.Spec?.NodeName is { Length: > 0 } node ? [node] : [];

    public static IEnumerable<string> ObjectNamespace(IKubeObject obj) =>
        obj.Metadata.Namespace is { Length: > 0 } ns ? [ns] : [];
}

using k8s;
using k8s.Models;

namespace Ccm.Kube.Watch;

/// <summary>List and watch, over KubernetesClient, for the kinds the CCM caches (across all namespaces).</summary>
public static class KubeListWatch
{
    public static IListWatch<V1Service> Services(IKubernetes kube) => new ListWatch<V1Service, V1ServiceList>(
        "services",
        (r, ct) => kube.CoreV1.ListServiceForAllNamespacesAsync(
            continueParameter: r.Continue, fieldSelector: r.FieldSelector, labelSelector: r.LabelSelector, limit: r.Limit, resourceVersion: r.NotOlderThan,
            resourceVersionMatch: r.NotOlderThan is null ? null : "NotOlderThan", cancellationToken: ct),
        (r, onError, ct) => kube.CoreV1.WatchListServiceForAllNamespacesAsync(
            allowWatchBookmarks: true, fieldSelector: r.FieldSelector, labelSelector: r.LabelSelector, resourceVersion: r.ResourceVersion,
            timeoutSeconds: r.TimeoutSeconds, onError: onError, cancellationToken: ct));

    public static IListWatch<V1EndpointSlice> EndpointSlices(IKubernetes kube) => new ListWatch<V1EndpointSlice, V1EndpointSliceList>(
        "endpointslices",
        (r, ct) => kube.DiscoveryV1.ListEndpointSliceForAllNamespacesAsync(
            continueParameter: r.Continue, fieldSelector: r.FieldSelector, labelSelector: r.LabelSelector, limit: r.Limit, resourceVersion: r.NotOlderThan,
            resourceVersionMatch: r.NotOlderThan is null ? null : "NotOlderThan", cancellationToken: ct),
        (r, onError, ct) => kube.DiscoveryV1.WatchListEndpointSliceForAllNamespacesAsync(
            allowWatchBookmarks: true, fieldSelector: r.FieldSelector, labelSelector: r.LabelSelector, resourceVersion: r.ResourceVersion,
            timeoutSeconds: r.TimeoutSeconds, onError: onError, cancellationToken: ct));

    public static IListWatch<V1Node> Nodes(IKubernetes kube) => new ListWatch<V1Node, V1NodeList>(
        "nodes",
        (r, ct) => kube.CoreV1.ListNodeAsync(
            continueParameter: r.Continue, fieldSelector: r.FieldSelector, labelSelector: r.LabelSelector, limit: r.Limit, resourceVersion: r.NotOlderThan,
            resourceVersionMatch: r.NotOlderThan is null ? null : "NotOlderThan", cancellationToken: ct),
        (r, onError, ct) => kube.CoreV1.WatchListNodeAsync(
            allowWatchBookmarks: true, fieldSelector: r.FieldSelector, labelSelector: r.LabelSelector, resourceVersion: r.ResourceVersion,
            timeoutSeconds: r.TimeoutSeconds, onError: onError, cancellationToken: ct));

    public static IListWatch<V1Pod> Pods(IKubernetes kube) => new ListWatch<V1Pod, V1PodList>(
        "pods",
        (r, ct) => kube.CoreV1.ListPodForAllNamespacesAsync(
            continueParameter: r.Continue, fieldSelector: r.FieldSelector, labelSelector: r.LabelSelector, limit: r.Limit, resourceVersion: r.NotOlderThan,
            resourceVersionMatch: r.NotOlderThan is null ? null : "NotOlderThan", cancellationToken: ct),
        (r, onError, ct) => kube.CoreV1.WatchListPodForAllNamespacesAsync(
            allowWatchBookmarks: true, fieldSelector: r.FieldSelector, labelSelector: r.LabelSelector, resourceVersion: r.ResourceVersion,
            timeoutSeconds: r.TimeoutSeconds, onError: onError, cancellationToken: ct));
}

using System.Text.Json.Nodes;
using Ccm.Kube.Client;
using k8s;
using k8s.Models;

namespace Ccm.Grains.Services;

/// <summary>
/// The Service grain's Kubernetes writes, all patches (never a PUT of a Service): our finalizer, added before any
/// cloud write and removed after the cloud side is clean (merge patches carrying the resourceVersion, so a concurrent
/// change of the list fails with 409 instead of being overwritten), our bookkeeping annotations,
/// <c>status.loadBalancer.ingress</c> through the <c>/status</c> subresource, and upstream's labels
/// (<see cref="ServiceLabels"/>), each written only when it changes.
/// </summary>
public sealed class ServiceStatusWriter(IKubernetes kube)
{
    /// <summary>The ingress a Service should show: the <c>hostname</c> annotation, else its EIPs (<c>external-ip-type: eip</c>),
    /// else the load balancer's address (upstream's order; no EIP bound yet shows the load balancer's address too).</summary>
    public static IReadOnlyList<V1LoadBalancerIngress> Ingress(string? address, string? hostname, IReadOnlyList<string>? eips = null) =>
        hostname is not null ? [new V1LoadBalancerIngress { Hostname = hostname }]
        : eips is { Count: > 0 } ? [.. eips.Select(ip => new V1LoadBalancerIngress { Ip = ip })]
        : string.IsNullOrEmpty(address) ? []
        : [new V1LoadBalancerIngress { Ip = address }];

    /// <summary>
    /// Writes the ingress when the Service shows something else. Returns the Service as the server has it afterwards
    /// (a status write changes the resourceVersion a later finalizer patch must carry).
    /// </summary>
    public async Task<V1Service> EnsureIngressAsync(V1Service service, IReadOnlyList<V1LoadBalancerIngress> ingress, CancellationToken cancellationToken)
    {
        var current = service.Status?.LoadBalancer?.Ingress ?? [];
        if (current.Select(i => (i.Ip, i.Hostname)).SequenceEqual(ingress.Select(i => (i.Ip, i.Hostname))))
        {
            return service;
        }

        var list = new JsonArray([.. ingress.Select(i => (JsonNode)(i.Hostname is { } h ? new JsonObject { ["hostname"] = h } : new JsonObject { ["ip"] = i.Ip }))]);
        var patch = new JsonObject { ["status"] = new JsonObject { ["loadBalancer"] = new JsonObject { ["ingress"] = ingress.Count == 0 ? null : list } } };
        return await IgnoreNotFoundAsync(service,
            () => kube.CoreV1.PatchNamespacedServiceStatusAsync(KubePatch.Merge(patch), service.Metadata.Name, service.Metadata.NamespaceProperty, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Writes our bookkeeping annotations (<see cref="ServiceRecords"/>) when they change; a plain merge patch of our two
    /// keys, which nobody else writes. Returns the Service as the server has it afterwards.
    /// </summary>
    public async Task<V1Service> WriteRecordsAsync(V1Service service, ServiceRecords records, CancellationToken cancellationToken)
    {
        var changes = records.ChangesFrom(ServiceRecords.Of(service));
        if (changes.Count == 0)
        {
            return service;
        }

        return await IgnoreNotFoundAsync(service,
            () => kube.CoreV1.PatchNamespacedServiceAsync(KubePatch.Annotations(changes), service.Metadata.Name, service.Metadata.NamespaceProperty, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Sets upstream's id and hash labels when they differ. A plain metadata patch: upstream writes them through the
    /// status subresource, which an API server may not persist for labels. Returns the Service as the server has it.
    /// </summary>
    public Task<V1Service> EnsureLabelsAsync(V1Service service, string? loadBalancerId, CancellationToken cancellationToken) =>
        PatchLabelsAsync(service, ServiceLabels.ToSet(service, loadBalancerId), cancellationToken);

    /// <summary>Removes upstream's id and hash labels when the Service gives its load balancer up.</summary>
    public Task<V1Service> RemoveLabelsAsync(V1Service service, CancellationToken cancellationToken) =>
        PatchLabelsAsync(service, ServiceLabels.ToRemove(service), cancellationToken);

    public async Task<bool> AddFinalizerAsync(V1Service service, CancellationToken cancellationToken)
    {
        if (KubePatch.AddFinalizer(service.Metadata, ServicePredicates.Finalizer) is not { } patch)
        {
            return false;
        }

        await kube.CoreV1.PatchNamespacedServiceAsync(patch, service.Metadata.Name, service.Metadata.NamespaceProperty, cancellationToken: cancellationToken);
        return true;
    }

    public async Task<bool> RemoveFinalizerAsync(V1Service service, CancellationToken cancellationToken)
    {
        if (KubePatch.RemoveFinalizer(service.Metadata, ServicePredicates.Finalizer) is not { } patch)
        {
            return false;
        }

        await IgnoreNotFoundAsync(service, () => kube.CoreV1.PatchNamespacedServiceAsync(patch, service.Metadata.Name, service.Metadata.NamespaceProperty, cancellationToken: cancellationToken));
        return true;
    }

    private async Task<V1Service> PatchLabelsAsync(V1Service service, IReadOnlyDictionary<string, string?>? labels, CancellationToken cancellationToken) =>
        labels is null ? service
        : await IgnoreNotFoundAsync(service,
            () => kube.CoreV1.PatchNamespacedServiceAsync(KubePatch.Labels(labels), service.Metadata.Name, service.Metadata.NamespaceProperty, cancellationToken: cancellationToken));

    /// <summary>A Service that is gone needs no status and holds no finalizer: a 404 is success.</summary>
    private static async Task<V1Service> IgnoreNotFoundAsync(V1Service service, Func<Task<V1Service>> send)
    {
        try
        {
            return await send();
        }
        catch (Exception ex) when (ex.IsNotFound())
        {
            return service; // deleted meanwhile: nothing left to write to
        }
    }
}

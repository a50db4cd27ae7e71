using System.Text.Json.Nodes;
using Ccm.Kube.Api;
using Ccm.Kube.Models;

namespace Ccm.Grains.Services;

/// <summary>
/// The Service grain's Kubernetes writes, all patches (never a PUT of a Service): our finalizer, added before any
/// cloud write and removed after the cloud side is clean (merge patches carrying the resourceVersion, so a concurrent
/// change of the list fails with 409 instead of being overwritten), and <c>status.loadBalancer.ingress</c> through the
/// <c>/status</c> subresource, written only when it changes.
/// </summary>
public sealed class ServiceStatusWriter(IKubeApi kube)
{
    /// <summary>The ingress a Service should show: the <c>hostname</c> annotation, else the load balancer's address.</summary>
    public static IReadOnlyList<LoadBalancerIngress> Ingress(string? address, string? hostname) =>
        hostname is not null ? [new LoadBalancerIngress { Hostname = hostname }]
        : string.IsNullOrEmpty(address) ? []
        : [new LoadBalancerIngress { Ip = address }];

    /// <summary>
    /// Writes the ingress when the Service shows something else. Returns the Service as the server has it afterwards
    /// (a status write changes the resourceVersion a later finalizer patch must carry).
    /// </summary>
    public async Task<Service> EnsureIngressAsync(Service service, IReadOnlyList<LoadBalancerIngress> ingress, CancellationToken cancellationToken)
    {
        var current = service.Status?.LoadBalancer?.Ingress ?? [];
        if (current.Select(i => (i.Ip, i.Hostname)).SequenceEqual(ingress.Select(i => (i.Ip, i.Hostname))))
        {
            return service;
        }

        var list = new JsonArray([.. ingress.Select(i => (JsonNode)(i.Hostname is { } h ? new JsonObject { ["hostname"] = h } : new JsonObject { ["ip"] = i.Ip }))]);
        var patch = new JsonObject { ["status"] = new JsonObject { ["loadBalancer"] = new JsonObject { ["ingress"] = ingress.Count == 0 ? null : list } } };
        return await IgnoreNotFoundAsync(service,
            () => kube.PatchStatusAsync<Service>(service.Metadata.Namespace, service.Metadata.Name!, KubePatch.Merge(patch), null, cancellationToken));
    }

    public async Task<bool> AddFinalizerAsync(Service service, CancellationToken cancellationToken)
    {
        if (KubePatches.AddFinalizer(service, ServicePredicates.Finalizer) is not { } patch)
        {
            return false;
        }

        await kube.PatchAsync<Service>(service.Metadata.Namespace, service.Metadata.Name!, patch, null, cancellationToken);
        return true;
    }

    public async Task<bool> RemoveFinalizerAsync(Service service, CancellationToken cancellationToken)
    {
        if (KubePatches.RemoveFinalizer(service, ServicePredicates.Finalizer) is not { } patch)
        {
            return false;
        }

        await IgnoreNotFoundAsync(service, () => kube.PatchAsync<Service>(service.Metadata.Namespace, service.Metadata.Name!, patch, null, cancellationToken));
        return true;
    }

    /// <summary>A Service that is gone needs no status and holds no finalizer: a 404 is success.</summary>
    private static async Task<Service> IgnoreNotFoundAsync(Service service, Func<Task<Service>> send)
    {
        try
        {
            return await send();
        }
        catch (KubeApiException ex) when (ex.IsNotFound)
        {
            return service; // deleted meanwhile: nothing left to write to
        }
    }
}

using k8s;
using k8s.Models;

namespace Ccm.Kube.Cache;

/// <summary>
/// What the informers do to an object before caching it: drop fields that are large and that no grain reads, and share
/// the strings that many objects repeat (<see cref="CacheStrings"/>). Nothing is written back from the cache (the
/// grains patch), so a dropped field is never lost on the server.
/// </summary>
public static class CacheTrim
{
    private const string LastApplied = "kubectl.kubernetes.io/last-applied-configuration";

    private static CacheStrings Strings => CacheStrings.Shared;

    /// <summary>
    /// managedFields (often the largest part of an object) and kubectl's copy of the last applied manifest; its
    /// apiVersion and kind shared.
    /// </summary>
    public static T Default<T>(T obj)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        (obj.ApiVersion, obj.Kind) = (Strings.Share(obj.ApiVersion), Strings.Share(obj.Kind));
        if (obj.Metadata is { } metadata)
        {
            metadata.ManagedFields = null;
            metadata.Annotations?.Remove(LastApplied);
            metadata.NamespaceProperty = Strings.Share(metadata.NamespaceProperty);
            metadata.Labels = Strings.Share(metadata.Labels);
            metadata.Annotations = Strings.Share(metadata.Annotations);
            Strings.ShareEach(metadata.Finalizers);
            foreach (var owner in metadata.OwnerReferences ?? [])
            {
                (owner.ApiVersion, owner.Kind) = (Strings.Share(owner.ApiVersion), Strings.Share(owner.Kind));
            }
        }

        return obj;
    }

    /// <summary>A Service: its spec's, ports' and load balancer ingress' enumerated values shared.</summary>
    public static V1Service Service(V1Service service)
    {
        Default(service);
        if (service.Spec is { } spec)
        {
            spec.Type = Strings.Share(spec.Type);
            spec.ExternalTrafficPolicy = Strings.Share(spec.ExternalTrafficPolicy);
            spec.InternalTrafficPolicy = Strings.Share(spec.InternalTrafficPolicy);
            spec.SessionAffinity = Strings.Share(spec.SessionAffinity);
            spec.IpFamilyPolicy = Strings.Share(spec.IpFamilyPolicy);
            Strings.ShareEach(spec.IpFamilies);
            spec.Selector = Strings.Share(spec.Selector);
            foreach (var port in spec.Ports ?? [])
            {
                (port.Name, port.Protocol, port.AppProtocol) = (Strings.Share(port.Name), Strings.Share(port.Protocol), Strings.Share(port.AppProtocol));
            }
        }

        foreach (var ingress in service.Status?.LoadBalancer?.Ingress ?? [])
        {
            ingress.IpMode = Strings.Share(ingress.IpMode);
        }

        return service;
    }

    /// <summary>An EndpointSlice: its endpoints' node names, zones and pod references' kinds and namespaces shared.</summary>
    public static V1EndpointSlice EndpointSlice(V1EndpointSlice slice)
    {
        Default(slice);
        slice.AddressType = Strings.Share(slice.AddressType);
        foreach (var endpoint in slice.Endpoints ?? [])
        {
            (endpoint.NodeName, endpoint.Zone) = (Strings.Share(endpoint.NodeName), Strings.Share(endpoint.Zone));
            if (endpoint.TargetRef is { } target)
            {
                (target.Kind, target.NamespaceProperty) = (Strings.Share(target.Kind), Strings.Share(target.NamespaceProperty));
            }
        }

        foreach (var port in slice.Ports ?? [])
        {
            (port.Name, port.Protocol, port.AppProtocol) = (Strings.Share(port.Name), Strings.Share(port.Protocol), Strings.Share(port.AppProtocol));
        }

        return slice;
    }

    /// <summary>
    /// A Node: also its image list (tens of KB per node on a real cluster), volume bookkeeping, capacity, allocatable
    /// and node info (kubelet and OS versions), none of which a grain or the dashboard reads; its conditions' and
    /// taints' texts shared.
    /// </summary>
    public static V1Node Node(V1Node node)
    {
        Default(node);
        if (node.Status is { } status)
        {
            status.Images = null;
            status.VolumesAttached = null;
            status.VolumesInUse = null;
            status.Capacity = null;
            status.Allocatable = null;
            status.NodeInfo = null;
            status.DaemonEndpoints = null;
            foreach (var condition in status.Conditions ?? [])
            {
                (condition.Type, condition.Status) = (Strings.Share(condition.Type), Strings.Share(condition.Status));
                (condition.Reason, condition.Message) = (Strings.Share(condition.Reason), Strings.ShareShort(condition.Message));
            }

            foreach (var address in status.Addresses ?? [])
            {
                address.Type = Strings.Share(address.Type);
            }
        }

        foreach (var taint in node.Spec?.Taints ?? [])
        {
            (taint.Key, taint.Value, taint.Effect) = (Strings.Share(taint.Key), Strings.ShareShort(taint.Value), Strings.Share(taint.Effect));
        }

        return node;
    }
}

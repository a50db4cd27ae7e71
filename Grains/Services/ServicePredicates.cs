using k8s;
using k8s.Models;

namespace Ccm.Grains.Services;

/// <summary>
/// Which Services are ours, as the upstream CCM decides (<c>helper.NeedCLB</c>, cloud-provider's
/// <c>wantsLoadBalancer</c>/<c>needsCleanup</c>). The watcher uses these to decide whom to signal and the Service grain
/// to decide what to do; keeping them in one place keeps the two in agreement.
/// </summary>
public static class ServicePredicates
{
    /// <summary>Our finalizer, added before any cloud write and removed once the cloud side is clean (upstream's name,
    /// so a cluster can switch controllers without a Service losing its cleanup).</summary>
    public const string Finalizer = "service.k8s.alibaba/resources";

    public const string AnnotationPrefix = "service.beta.kubernetes.io/alibaba-cloud-loadbalancer-";

    /// <summary>Upstream reads this older prefix too; the new one wins when both are set.</summary>
    public const string LegacyAnnotationPrefix = "service.beta.kubernetes.io/alicloud-loadbalancer-";

    /// <summary>Another controller's class: such Services are not ours.</summary>
    public const string ClassAnnotation = "service.beta.kubernetes.io/class";

    /// <summary>
    /// A CLB is wanted: <c>type: LoadBalancer</c>, no <c>spec.loadBalancerClass</c>, no class annotation, no tunnel
    /// (upstream leaves tunnel Services to another component), and not being deleted. With the
    /// <c>LoadBalancerTypeAnnotation</c> gate on, a Service whose <c>...-loadbalancer-type</c> annotation names any type
    /// (nlb, ...) belongs to that type's controller, as upstream's <c>NeedCLB</c> rules.
    /// </summary>
    public static bool WantsLoadBalancer(V1Service service, bool typeAnnotationGate = false) =>
        service.Spec?.Type == "LoadBalancer"
        && service.Spec.LoadBalancerClass is null
        && string.IsNullOrEmpty(Annotation(service, ClassAnnotation))
        && string.IsNullOrEmpty(LoadBalancerAnnotation(service, "tunnel-type"))
        && !(typeAnnotationGate && !string.IsNullOrEmpty(LoadBalancerAnnotation(service, "type")))
        && service.Metadata.DeletionTimestamp is null;

    public static bool HasFinalizer(V1Service service) => service.Metadata.Finalizers?.Contains(Finalizer) == true;

    /// <summary>Our finalizer is on a Service that no longer wants a CLB (deleted, retyped, reclassed): clean up.</summary>
    public static bool NeedsCleanup(V1Service service, bool typeAnnotationGate = false) => HasFinalizer(service) && !WantsLoadBalancer(service, typeAnnotationGate);

    /// <summary>The grain has work: it wants a CLB or must clean one up.</summary>
    public static bool IsManaged(V1Service service, bool typeAnnotationGate = false) => WantsLoadBalancer(service, typeAnnotationGate) || HasFinalizer(service);

    /// <summary>
    /// Whether the Service looks done from Kubernetes alone: it wants a load balancer, carries our finalizer and shows
    /// an address. Only a guess (backends may have drifted): it decides the priority of a re-check, never whether one runs.
    /// </summary>
    public static bool LooksConverged(V1Service service, bool typeAnnotationGate = false) =>
        WantsLoadBalancer(service, typeAnnotationGate) && HasFinalizer(service) && service.Metadata.DeletionTimestamp is null
        && service.Status?.LoadBalancer?.Ingress is { Count: > 0 };

    /// <summary>
    /// Whether a Node change can change this Service's backends: with <c>externalTrafficPolicy: Cluster</c> every
    /// eligible node is a backend; <c>backend-label</c> and <c>remove-unscheduled-backend</c> select nodes whatever the
    /// policy. ENI backends are pod IPs and depend on endpoints only. (Upstream's <c>FilterServiceOnNodeChange</c>.)
    /// </summary>
    public static bool BackendsDependOnNodes(V1Service service, bool eniByDefault, bool typeAnnotationGate = false)
    {
        if (!IsManaged(service, typeAnnotationGate) || UsesEniBackends(service, eniByDefault))
        {
            return false;
        }

        return service.Spec?.ExternalTrafficPolicy is null or "Cluster"
            || !string.IsNullOrEmpty(LoadBalancerAnnotation(service, "backend-label"))
            || LoadBalancerAnnotation(service, "remove-unscheduled-backend") == "on";
    }

    /// <summary>
    /// Whether the Service's backends are the eligible nodes its endpoints run on (<c>externalTrafficPolicy: Local</c>
    /// with ECS backends): a change of one of those nodes' eligibility changes them, though the endpoints stay.
    /// </summary>
    public static bool BackendsFollowEndpointNodes(V1Service service, bool eniByDefault, bool typeAnnotationGate = false) =>
        IsManaged(service, typeAnnotationGate) && !UsesEniBackends(service, eniByDefault) && service.Spec?.ExternalTrafficPolicy == "Local";

    /// <summary><c>service.beta.kubernetes.io/backend-type: eni</c>, or the cloud-config default when unset.</summary>
    public static bool UsesEniBackends(V1Service service, bool eniByDefault) =>
        Annotation(service, "service.beta.kubernetes.io/backend-type") switch
        {
            "eni" => true,
            "ecs" => false,
            _ => eniByDefault,
        };

    /// <summary>A load-balancer annotation by suffix, new prefix first, then the legacy one.</summary>
    public static string? LoadBalancerAnnotation(V1Service service, string suffix) =>
        Annotation(service, AnnotationPrefix + suffix) ?? Annotation(service, LegacyAnnotationPrefix + suffix);

    private static string? Annotation(V1Service service, string name) =>
        service.Metadata.Annotations is { } annotations && annotations.TryGetValue(name, out var value) ? value : null;
}

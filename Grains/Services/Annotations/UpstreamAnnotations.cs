namespace Ccm.Grains.Services;

/// <summary>One upstream annotation and what this controller does with it, for the compatibility table.</summary>
/// <param name="Name">The full name users write.</param>
/// <param name="Supported">Whether it has an effect here.</param>
/// <param name="Note">What it takes (supported), or why it has no effect here (ignored).</param>
public sealed record AnnotationSupport(string Name, bool Supported, string Note);

/// <summary>
/// Every Service annotation upstream (v2.14.0, <c>reconcile/annotation/annotations.go</c> and <c>helper/service_utils.go</c>)
/// declares, beyond <see cref="AnnotationCatalog"/>: the two that choose a controller (read by
/// <see cref="ServicePredicates"/>) and the NLB controller's, which mean nothing to a CLB. Together with the catalogue
/// this is the set of known names: anything else under the load-balancer prefixes is unknown or misspelt
/// (<see cref="AnnotationNotices"/>).
/// </summary>
public static class UpstreamAnnotations
{
    public const string NlbOnly = "NLB only: this CCM provides no NLB controller, and a Classic Load Balancer has no such setting";

    /// <summary>Read by <see cref="ServicePredicates"/> to decide whether the Service is ours at all.</summary>
    public static readonly IReadOnlyList<AnnotationSupport> Selectors =
    [
        new(ServicePredicates.AnnotationPrefix + "type", true,
            "with the LoadBalancerTypeAnnotation gate, a Service that names a load balancer type (nlb, ...) is left to that type's controller"),
        new(ServicePredicates.AnnotationPrefix + "tunnel-type", true, "a Service with it is left to the tunnel component, as upstream leaves it"),
        new(ServicePredicates.ClassAnnotation, true, "a Service with a class is another controller's, as upstream decides"),
    ];

    /// <summary>The NLB controller's annotation suffixes (reference ccm-upstream.md §2 "NLB-only").</summary>
    public static readonly IReadOnlyList<string> NlbSuffixes =
    [
        "zone-maps", "security-group-ids", "bandwidth-package-id", "ipv6-address-type", "cross-zone-enabled", "cacert-id", "cacert", "cps",
        "preserve-client-ip", "server-group-type", "ppv2-pvl-ep-id-enabled", "ppv2-pvl-eps-id-enabled", "ppv2-pvl-vpc-id-enabled", "alpn",
        "alpn-policy", "listener-port-range", "additional-cert-ids",
    ];

    /// <summary>Every upstream annotation with its support, catalogue first, in table order.</summary>
    public static IReadOnlyList<AnnotationSupport> All { get; } =
    [
        .. AnnotationCatalog.All.Select(spec => new AnnotationSupport(spec.Name, true, (spec.Immutable ? "fixed at creation; " : "") + spec.Allowed)),
        .. Selectors,
        .. NlbSuffixes.Select(suffix => new AnnotationSupport(ServicePredicates.AnnotationPrefix + suffix, false, NlbOnly)),
    ];

    /// <summary>The suffixes (after either load-balancer prefix) that are known, handled here or not.</summary>
    public static IReadOnlyCollection<string> KnownSuffixes { get; } =
        All.Where(a => a.Name.StartsWith(ServicePredicates.AnnotationPrefix, StringComparison.Ordinal))
            .Select(a => a.Name[ServicePredicates.AnnotationPrefix.Length..])
            .ToHashSet(StringComparer.Ordinal);
}

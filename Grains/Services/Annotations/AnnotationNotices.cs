using k8s.Models;

namespace Ccm.Grains.Services;

/// <summary>An annotation that is set and has no effect: the Warning Event's reason and message.</summary>
public sealed record AnnotationNotice(string Reason, string Message);

/// <summary>
/// Annotations that are set and do nothing, said once so a migrating user does not lose a setting without knowing
/// (upstream ignores them silently): names under the load-balancer prefixes that no upstream version knows (a typo
/// such as <c>persistence-time</c>, named with the closest known annotation), and known ones whose companion is missing,
/// which upstream ignores the same way (pure; the grain remembers what it already said).
/// </summary>
public static class AnnotationNotices
{
    public const string UnknownReason = "UnknownAnnotation";
    public const string IgnoredReason = "IgnoredAnnotation";

    private static readonly string[] Prefixes = [ServicePredicates.AnnotationPrefix, ServicePredicates.LegacyAnnotationPrefix];

    /// <param name="addressType">The load balancer's address type (found, or to be created).</param>
    public static IReadOnlyList<AnnotationNotice> Of(V1Service service, DesiredService desired, string addressType, CcmOptions options) =>
        [.. Unknown(service), .. Ignored(desired, addressType, options)];

    private static IEnumerable<AnnotationNotice> Unknown(V1Service service)
    {
        foreach (var name in (service.Metadata.Annotations?.Keys ?? []).Order(StringComparer.Ordinal))
        {
            var prefix = Prefixes.FirstOrDefault(p => name.StartsWith(p, StringComparison.Ordinal));
            if (prefix is null || UpstreamAnnotations.KnownSuffixes.Contains(name[prefix.Length..]))
            {
                continue;
            }

            var closest = EditDistance.Nearest(name[prefix.Length..], UpstreamAnnotations.KnownSuffixes)!.Value.Candidate;
            yield return new AnnotationNotice(UnknownReason,
                $"{name} is not an annotation this controller (or upstream's) knows, and is ignored; the closest known one is {prefix}{closest}");
        }
    }

    private static IEnumerable<AnnotationNotice> Ignored(DesiredService desired, string addressType, CcmOptions options)
    {
        var a = desired.Annotations;
        AnnotationNotice Notice(AnnotationSpec spec, string why) => new(IgnoredReason, $"{spec.Name} is ignored: {why}");

        if (!desired.IsAdopted)
        {
            foreach (var spec in new[] { AnnotationCatalog.VServerGroupPort, AnnotationCatalog.Weight }.Where(a.IsSet))
            {
                yield return Notice(spec, $"it applies only to a reused load balancer ({AnnotationCatalog.LoadBalancerId.Name})");
            }
        }
        else if (a.IsSet(AnnotationCatalog.Weight) && !a.IsSet(AnnotationCatalog.VServerGroupPort))
        {
            yield return Notice(AnnotationCatalog.Weight, $"it applies only with {AnnotationCatalog.VServerGroupPort.Name}");
        }

        if (a.Get(AnnotationCatalog.BackendIpVersion) == "ipv6" && !desired.Ipv6Backends)
        {
            yield return Notice(AnnotationCatalog.BackendIpVersion,
                $"IPv6 backends need the IPv6DualStack feature gate (now {(options.Gate("IPv6DualStack") ? "on" : "off")}) and {AnnotationCatalog.IpVersion.Name}: ipv6; the backends stay IPv4");
        }

        if (desired.WantsEip && addressType != "intranet")
        {
            yield return Notice(AnnotationCatalog.ExternalIpType,
                $"an EIP binds to an intranet load balancer ({AnnotationCatalog.AddressType.Name}: intranet); the Service shows the load balancer's own address");
        }

        if (a.Get(AnnotationCatalog.NetworkType) == "classic" && a.IsSet(AnnotationCatalog.VSwitchId))
        {
            yield return Notice(AnnotationCatalog.VSwitchId, $"a classic-network load balancer ({AnnotationCatalog.NetworkType.Name}: classic) has no vSwitch");
        }

        if (a.IsSet(AnnotationCatalog.DomainExtensions) && !desired.Listeners.Any(l => l.Protocol == "https"))
        {
            yield return Notice(AnnotationCatalog.DomainExtensions, $"the Service has no https listener ({AnnotationCatalog.ProtocolPort.Name}) to add domains to");
        }
    }
}

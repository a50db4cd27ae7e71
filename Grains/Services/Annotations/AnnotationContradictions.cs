namespace Ccm.Grains.Services;

/// <summary>
/// Annotations that are each valid but ask for contradictory things together. Upstream passes both to the cloud, which
/// quietly honours one: <c>address-type: internet</c> with a <c>vswitch-id</c> makes a public load balancer and drops
/// the vSwitch, so a user who asked for something private gets something public. Each pair is refused before any write,
/// with an Event that names both annotations and how to resolve them.
/// </summary>
public static class AnnotationContradictions
{
    private const string Internet = "internet";

    /// <param name="annotations">The Service's valid annotations.</param>
    /// <param name="adopted">The Service names an existing load balancer (<c>…-id</c>): nothing is created, so an unset
    /// address type means "whatever that load balancer is", not the default <c>internet</c>.</param>
    public static IEnumerable<AnnotationError> Find(ServiceAnnotations annotations, bool adopted)
    {
        var addressType = annotations.Get(AnnotationCatalog.AddressType) ?? (adopted ? null : Internet);
        if (addressType == Internet)
        {
            foreach (var privateOnly in new[] { AnnotationCatalog.VSwitchId, AnnotationCatalog.Address })
            {
                if (annotations.Get(privateOnly) is { } value)
                {
                    yield return NeedsIntranet(privateOnly, value, annotations.IsSet(AnnotationCatalog.AddressType));
                }
            }
        }

        if (annotations.Get(AnnotationCatalog.Spec) is { } spec && annotations.Get(AnnotationCatalog.InstanceChargeType) == "PayByCLCU")
        {
            yield return AnnotationError.Contradiction(AnnotationCatalog.Spec, spec, AnnotationCatalog.InstanceChargeType, "PayByCLCU",
                "a pay-by-capacity-unit load balancer has no spec; set instance-charge-type to PayBySpec to use this spec, or remove the spec annotation");
        }

        if (annotations.Get(AnnotationCatalog.SlaveZoneId) is { } slave
            && string.Equals(slave, annotations.Get(AnnotationCatalog.MasterZoneId), StringComparison.OrdinalIgnoreCase))
        {
            yield return AnnotationError.Contradiction(AnnotationCatalog.SlaveZoneId, slave, AnnotationCatalog.MasterZoneId, slave,
                "the backup zone must differ from the primary zone; name another zone in slave-zoneid, or remove it");
        }
    }

    private static AnnotationError NeedsIntranet(AnnotationSpec privateOnly, string value, bool addressTypeSet)
    {
        var fix = $"a {(privateOnly == AnnotationCatalog.VSwitchId ? "vSwitch" : "private address")} belongs to a private (intranet) load balancer, " +
            $"and an internet one would ignore it and be public. Nothing is created: set {AnnotationCatalog.AddressType.Name}: intranet " +
            $"for a private load balancer, or remove {privateOnly.Name} for a public one";
        return AnnotationError.Contradiction(privateOnly, value, AnnotationCatalog.AddressType, addressTypeSet ? Internet : "(unset, so internet)", fix);
    }
}

using System.Collections.Immutable;
using Ccm.CloudClients;
using Ccm.GrainInterfaces.State;

namespace Ccm.Grains.Services;

/// <summary>
/// The load balancer itself: create it, or correct what may change (name, protections, billing, tags). On our own every
/// value we chose is kept true; on a reused one (<c>...-loadbalancer-id</c>) only what the user annotated, as upstream
/// (its defaults are applied at creation only, and we never create a reused one), and it is marked
/// <c>kubernetes.reused.by.user</c>. Attributes fixed at creation are compared and a difference refuses the whole plan.
/// </summary>
public static class LoadBalancerPlanner
{
    /// <summary>Upstream adds its mark tags only while a load balancer has fewer tags than this.</summary>
    public const int MarkTagLimit = 10;

    private static readonly string[] MarkKeys = [DesiredLoadBalancer.OwnerTagKey, DesiredLoadBalancer.ClusterTagKey, DesiredLoadBalancer.ReusedTagKey];

    public static IEnumerable<ServiceOperation> Plan(DesiredService desired, ActualLoadBalancer? actual)
    {
        var want = desired.LoadBalancer;
        if (actual is null)
        {
            yield return new CreateLoadBalancerOperation(want);
            yield break;
        }

        var a = desired.Annotations;
        var have = actual.LoadBalancer;
        var id = actual.LoadBalancerId;
        var owned = actual.Ownership == LoadBalancerOwnership.Owned;
        if ((owned ? want.Name : a.Get(AnnotationCatalog.Name)) is { } name && have.LoadBalancerName != name)
        {
            yield return new SetLoadBalancerNameOperation(id, name);
        }

        if ((owned ? want.DeleteProtection : a.Get(AnnotationCatalog.DeleteProtection)) is { } deleteProtection && !Same(have.DeleteProtection, deleteProtection))
        {
            yield return new SetDeleteProtectionOperation(id, deleteProtection);
        }

        if ((owned ? want.ModificationProtection : a.Get(AnnotationCatalog.ModificationProtection)) is { } modification
            && !Same(have.ModificationProtectionStatus, modification))
        {
            yield return new SetModificationProtectionOperation(id, modification, modification == "ConsoleProtection" ? DesiredLoadBalancer.ProtectionReason : null);
        }

        var charge = a.Get(AnnotationCatalog.ChargeType);
        var bandwidth = a.GetInt(AnnotationCatalog.Bandwidth);
        var chargeDrift = charge is not null && !Same(have.InternetChargeType, charge);
        var bandwidthDrift = bandwidth is { } b && b != have.Bandwidth && (charge ?? have.InternetChargeType) == "paybybandwidth";
        if (have.AddressType == "internet" && (chargeDrift || bandwidthDrift))
        {
            yield return new ModifyInternetSpecOperation(id, charge, bandwidth);
        }

        // Only an annotated charge type changes an existing load balancer (upstream's rule: our default for new ones is
        // not forced on older ones); PayByCLCU back to PayBySpec is refused by ChargeTypeConflicts before any write.
        if (a.Get(AnnotationCatalog.InstanceChargeType) == "PayByCLCU" && !Same(have.InstanceChargeType, "PayByCLCU"))
        {
            yield return new ModifyInstanceChargeTypeOperation(id, "PayByCLCU");
        }
        else if ((owned ? want.Spec : a.Get(AnnotationCatalog.Spec)) is { } spec && have.InstanceChargeType == "PayBySpec" && !Same(have.LoadBalancerSpec, spec))
        {
            yield return new ModifyInstanceSpecOperation(id, spec);
        }

        foreach (var operation in Tags(desired, actual))
        {
            yield return operation;
        }
    }

    /// <summary>
    /// Tags: the marks (our two on our own load balancer, also on one an older CCM created untagged; the reuse mark on a
    /// reused one), the annotated tags, and the removal of tags we added that left the annotation. A tag is removed only
    /// if we recorded adding it and it still has our value (<see cref="ServiceRecords"/>). AddTags/RemoveTags take 10 a call.
    /// </summary>
    private static IEnumerable<ServiceOperation> Tags(DesiredService desired, ActualLoadBalancer actual)
    {
        var have = actual.LoadBalancer.Tags;
        var wanted = desired.LoadBalancer.AdditionalTags;
        var stale = desired.Records.AddedTags
            .Where(t => !wanted.Any(w => w.Key == t.Key) && have.Contains(t) && !MarkKeys.Contains(t.Key))
            .ToList();
        foreach (var batch in stale.Chunk(10))
        {
            yield return new RemoveTagsOperation(actual.LoadBalancerId, [.. batch]);
        }

        IEnumerable<Tag> marks = actual.Ownership == LoadBalancerOwnership.Owned ? desired.LoadBalancer.OwnershipTags
            : have.Any(t => t.Key == DesiredLoadBalancer.ReusedTagKey) || have.Count >= MarkTagLimit ? []
            : [new Tag(DesiredLoadBalancer.ReusedTagKey, "true")];
        foreach (var missing in marks.Concat(wanted).Where(t => !have.Contains(t)).Chunk(10))
        {
            yield return new AddTagsOperation(actual.LoadBalancerId, [.. missing]);
        }
    }

    /// <summary>
    /// The <c>additional-resource-tags</c> we will have added once the plan is applied: those we create the load balancer
    /// with, those we had added before, and those it lacks now; a wanted tag the load balancer already carried with the
    /// same value, unrecorded, was put there by someone else and stays theirs.
    /// </summary>
    public static ImmutableArray<Tag> AddedTags(DesiredService desired, ActualLoadBalancer? actual) =>
        [.. desired.LoadBalancer.AdditionalTags.Where(t => actual is null || desired.Records.AddedTags.Contains(t) || !actual.LoadBalancer.Tags.Contains(t))];

    /// <summary>What was fixed at creation and is now asked differently: nothing may be written until it is resolved.</summary>
    public static IEnumerable<AnnotationError> ImmutableConflicts(DesiredService desired, ActualLoadBalancer actual)
    {
        var a = desired.Annotations;
        var have = actual.LoadBalancer;
        var owned = actual.Ownership == LoadBalancerOwnership.Owned;
        var checks = new (AnnotationSpec Spec, string? Wanted, string? Have)[]
        {
            (AnnotationCatalog.AddressType, owned ? desired.LoadBalancer.AddressType : a.Get(AnnotationCatalog.AddressType), have.AddressType),
            (AnnotationCatalog.MasterZoneId, a.Get(AnnotationCatalog.MasterZoneId), have.MasterZoneId),
            (AnnotationCatalog.SlaveZoneId, a.Get(AnnotationCatalog.SlaveZoneId), have.SlaveZoneId),
            (AnnotationCatalog.IpVersion, a.Get(AnnotationCatalog.IpVersion), have.AddressIPVersion ?? "ipv4"),
            (AnnotationCatalog.ResourceGroupId, a.Get(AnnotationCatalog.ResourceGroupId), have.ResourceGroupId),
            (AnnotationCatalog.VSwitchId, a.Get(AnnotationCatalog.VSwitchId), have.VSwitchId),
            (AnnotationCatalog.Address, a.Get(AnnotationCatalog.Address), have.Address),

            // Only an intranet load balancer has a network to choose (an internet one reports "classic" whatever was asked).
            (AnnotationCatalog.NetworkType, have.AddressType == "intranet" ? a.Get(AnnotationCatalog.NetworkType) : null, have.NetworkType),
        };
        foreach (var (spec, wanted, current) in checks)
        {
            if (wanted is not null && current is not null && !Same(wanted, current))
            {
                var shown = current.Length > 0 ? current : $"none (load balancer {have.LoadBalancerId} has no {spec.Key})";
                yield return new AnnotationError(spec.Name, wanted, $"{shown} (fixed when the load balancer was created; recreate the Service to change it)");
            }
        }

        if (a.Get(AnnotationCatalog.InstanceChargeType) == "PayBySpec" && Same(have.InstanceChargeType, "PayByCLCU"))
        {
            yield return new AnnotationError(AnnotationCatalog.InstanceChargeType.Name, "PayBySpec",
                "PayByCLCU: the load balancer is billed by capacity unit, and the API moves load balancers from PayBySpec to PayByCLCU only");
        }
    }

    /// <summary>
    /// A load balancer named by <c>...-loadbalancer-id</c> is refused, as upstream refuses it, when a CCM created it (it
    /// carries upstream's ownership or cluster tag: adopting it would let two Services fight over it), or when the
    /// Service already shows another address (it would silently move the Service's clients elsewhere); a hostname
    /// alone, or the EIP of <c>external-ip-type: eip</c>, is not an address of the load balancer and does not count.
    /// </summary>
    public static IEnumerable<AnnotationError> AdoptionConflicts(DesiredService desired, ActualLoadBalancer actual)
    {
        if (actual.Ownership != LoadBalancerOwnership.Adopted)
        {
            yield break;
        }

        var id = desired.AdoptedLoadBalancerId!;
        if (actual.LoadBalancer.Tags.FirstOrDefault(t => t.Key is DesiredLoadBalancer.OwnerTagKey or DesiredLoadBalancer.ClusterTagKey) is { } tag)
        {
            yield return new AnnotationError(AnnotationCatalog.LoadBalancerId.Name, id,
                $"a load balancer created outside Kubernetes (this one carries the CCM tag {tag.Key}={tag.Value})");
        }

        var shown = desired.ShownIngress;
        if (!desired.WantsEip && !shown.IsEmpty && !shown.Any(i => i.Ip == actual.LoadBalancer.Address || (i.Ip is null && i.Hostname is not null)))
        {
            yield return new AnnotationError(AnnotationCatalog.LoadBalancerId.Name, id,
                $"a load balancer whose address the Service can show: it already shows {shown[0].Ip}, not {actual.LoadBalancer.Address}; "
                + "a Service moves to a reused load balancer only from no address (recreate the Service to move it)");
        }

        foreach (var group in desired.VServerGroups.Where(g => g.ReusedId is not null))
        {
            var found = actual.VServerGroups.FirstOrDefault(g => g.VServerGroupId == group.ReusedId);
            if (found is null || OwnershipKey.TryParse(found.Name, out _))
            {
                yield return new AnnotationError(AnnotationCatalog.VServerGroupPort.Name, group.ReusedId!, found is null
                    ? $"vServer groups of load balancer {id} ({group.ReusedId} is not one of them)"
                    : $"a vServer group created outside Kubernetes ({group.ReusedId} is named {found.Name} by a CCM)");
            }
        }
    }

    private static bool Same(string? a, string? b) => string.Equals(a ?? "", b ?? "", StringComparison.OrdinalIgnoreCase);
}

using Ccm.CloudClients;
using Ccm.GrainInterfaces.State;

namespace Ccm.Grains.Services;

/// <summary>
/// The load balancer itself: create it, or correct what may change (name, protections, billing, tags) on our own; an
/// adopted one is never changed. Attributes fixed at creation are compared and a difference refuses the whole plan.
/// </summary>
public static class LoadBalancerPlanner
{

    public static IEnumerable<ServiceOperation> Plan(DesiredService desired, ActualLoadBalancer? actual)
    {
        var want = desired.LoadBalancer;
        if (actual is null)
        {
            yield return new CreateLoadBalancerOperation(want);
            yield break;
        }

        if (actual.Ownership != LoadBalancerOwnership.Owned)
        {
            yield break;
        }

        var have = actual.LoadBalancer;
        var id = actual.LoadBalancerId;
        if (have.LoadBalancerName != want.Name)
        {
            yield return new SetLoadBalancerNameOperation(id, want.Name);
        }

        if (!Same(have.DeleteProtection, want.DeleteProtection))
        {
            yield return new SetDeleteProtectionOperation(id, want.DeleteProtection);
        }

        if (!Same(have.ModificationProtectionStatus, want.ModificationProtection))
        {
            yield return new SetModificationProtectionOperation(id, want.ModificationProtection,
                want.ModificationProtection == "ConsoleProtection" ? DesiredLoadBalancer.ProtectionReason : null);
        }

        var chargeDrift = want.InternetChargeType is { } charge && !Same(have.InternetChargeType, charge);
        var bandwidthDrift = want.Bandwidth is { } bandwidth && bandwidth != have.Bandwidth
            && (want.InternetChargeType ?? have.InternetChargeType) == "paybybandwidth";
        if (want.AddressType == "internet" && (chargeDrift || bandwidthDrift))
        {
            yield return new ModifyInternetSpecOperation(id, want.InternetChargeType, want.Bandwidth);
        }

        if (want.Spec is { } spec && have.InstanceChargeType == "PayBySpec" && !Same(have.LoadBalancerSpec, spec))
        {
            yield return new ModifyInstanceSpecOperation(id, spec);
        }

        // A load balancer found by its default name alone (an older CCM's) gets our tags too; AddTags takes 10 per call.
        foreach (var missing in want.OwnershipTags.Concat(want.AdditionalTags).Where(t => !have.Tags.Contains(t)).Chunk(10))
        {
            yield return new AddTagsOperation(id, [.. missing]);
        }
    }

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
        };
        foreach (var (spec, wanted, current) in checks)
        {
            if (wanted is not null && current is not null && !Same(wanted, current))
            {
                var shown = current.Length > 0 ? current : $"none (load balancer {have.LoadBalancerId} has no {spec.Key})";
                yield return new AnnotationError(spec.Name, wanted, $"{shown} (fixed when the load balancer was created; recreate the Service to change it)");
            }
        }
    }

    /// <summary>
    /// A load balancer named by <c>...-loadbalancer-id</c> that a CCM created (it carries upstream's ownership or cluster
    /// tag) is refused, as upstream refuses it: adopting it would let two Services fight over one load balancer.
    /// </summary>
    public static IEnumerable<AnnotationError> AdoptionConflicts(DesiredService desired, ActualLoadBalancer actual)
    {
        if (actual.Ownership == LoadBalancerOwnership.Adopted
            && actual.LoadBalancer.Tags.FirstOrDefault(t => t.Key is DesiredLoadBalancer.OwnerTagKey or DesiredLoadBalancer.ClusterTagKey) is { } tag)
        {
            yield return new AnnotationError(AnnotationCatalog.LoadBalancerId.Name, desired.AdoptedLoadBalancerId!,
                $"a load balancer created outside Kubernetes (this one carries the CCM tag {tag.Key}={tag.Value})");
        }
    }

    private static bool Same(string? a, string? b) => string.Equals(a ?? "", b ?? "", StringComparison.OrdinalIgnoreCase);
}

using Ccm.Sandbox.Aliyun.Protocol;
using Ccm.Sandbox.Aliyun.State;

namespace Ccm.Sandbox.Aliyun.Vpc;

/// <summary>
/// AssociateEipAddress and UnassociateEipAddress, both idempotent by <c>ClientToken</c> and asynchronous: the EIP is
/// <c>Associating</c> (already bound, so <c>AssociatedInstanceId</c> finds it) then <c>InUse</c>, or <c>Unassociating</c>
/// (still bound) then <c>Available</c>; meanwhile any other change answers <c>IncorrectEipStatus</c>. Modelled targets:
/// <c>EcsInstance</c> (the default), <c>SlbInstance</c> (a CLB in a VPC: the <c>external-ip-type: eip</c> case) and
/// <c>NetworkInterface</c>; NAT gateways and HaVips are not modelled.
/// </summary>
internal static class EipAssociationActions
{
    private static readonly string[] ModelledTargets = ["EcsInstance", "SlbInstance", "NetworkInterface"];

    public static ApiResult Associate(ActionContext c)
    {
        c.CheckRegion(required: true);
        var p = c.Parameters;
        var id = p.Required("AllocationId");
        var instanceId = p.Required("InstanceId");
        var type = p.NonEmpty("InstanceType") ?? "EcsInstance";
        if (!ModelledTargets.Contains(type))
        {
            throw VpcErrors.InstanceTypeNotSupported();
        }

        EipWrites.Once(c, s =>
        {
            var eip = EipWrites.Find(s, id, c.Now);
            if (eip.Status(c.Now) != "Available")
            {
                throw VpcErrors.IncorrectEipStatus();
            }

            CheckTarget(s, type, instanceId);
            if (s.EipAddresses.Values.Any(e => e.InstanceId == instanceId && e.InstanceType == type))
            {
                throw VpcErrors.AssociationDuplicated();
            }

            c.ThrowIfDryRun();
            var bound = eip with { InstanceId = instanceId, InstanceType = type, Transition = EipWrites.Transition(c, EipTransition.Associating) };
            return (EipWrites.Put(s, bound), true);
        });
        return ApiResult.Of(new RequestIdResponse(c.RequestId), WireJson.Default.RequestIdResponse);
    }

    /// <summary><c>InstanceId</c>/<c>InstanceType</c> are optional, but when given must name what the EIP is bound to.</summary>
    public static ApiResult Unassociate(ActionContext c)
    {
        c.CheckRegion(required: true);
        var p = c.Parameters;
        var id = p.Required("AllocationId");
        var instanceId = p.NonEmpty("InstanceId");
        var type = p.NonEmpty("InstanceType");
        EipWrites.Once(c, s =>
        {
            var eip = EipWrites.Find(s, id, c.Now);
            if (eip.Status(c.Now) != "InUse")
            {
                throw VpcErrors.IncorrectEipStatus();
            }

            if ((instanceId is not null && instanceId != eip.InstanceId) || (type is not null && type != eip.InstanceType))
            {
                throw VpcErrors.BindingStatus();
            }

            var unbound = EipWrites.Transition(c, EipTransition.Unassociating) is { } transition
                ? eip with { Transition = transition }
                : eip with { InstanceId = null, InstanceType = null };
            return (EipWrites.Put(s, unbound), true);
        });
        return ApiResult.Of(new RequestIdResponse(c.RequestId), WireJson.Default.RequestIdResponse);
    }

    private static void CheckTarget(CloudSnapshot s, string type, string instanceId)
    {
        switch (type)
        {
            case "SlbInstance":
                var lb = s.LoadBalancers.GetValueOrDefault(instanceId) ?? throw VpcErrors.AssociateTargetNotFound();
                if (lb.NetworkType != "vpc")
                {
                    throw VpcErrors.NotInVpc();
                }

                break;
            case "EcsInstance":
                var instance = s.Instances.GetValueOrDefault(instanceId) ?? throw VpcErrors.AssociateTargetNotFound();
                if (instance.Status is not ("Running" or "Stopped"))
                {
                    throw VpcErrors.IncorrectInstanceStatus();
                }

                break;
            default:
                _ = s.NetworkInterfaces.GetValueOrDefault(instanceId) ?? throw VpcErrors.AssociateTargetNotFound();
                break;
        }
    }
}

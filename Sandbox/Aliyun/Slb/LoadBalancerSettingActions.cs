using Ccm.Sandbox.Aliyun.Protocol;
using Ccm.Sandbox.Aliyun.State;

namespace Ccm.Sandbox.Aliyun.Slb;

/// <summary>
/// The CLB attribute setters: protections, name, internet and instance spec, instance charge type. ModificationProtection
/// guards the console only, so it blocks no API call here either.
/// </summary>
internal static class LoadBalancerSettingActions
{
    public static ApiResult SetDeleteProtection(ActionContext c)
    {
        c.CheckRegion(required: true);
        var value = SlbValues.OneOf(c.Parameters, "DeleteProtection", "on", "off") ?? throw CommonErrors.Missing("DeleteProtection");
        return Change(c, lb => lb with { DeleteProtection = value });
    }

    public static ApiResult SetModificationProtection(ActionContext c)
    {
        c.CheckRegion(required: true);
        var status = SlbValues.OneOf(c.Parameters, "ModificationProtectionStatus", "NonProtection", "ConsoleProtection")
            ?? throw CommonErrors.Missing("ModificationProtectionStatus");
        var reason = status == "ConsoleProtection" ? c.Parameters.NonEmpty("ModificationProtectionReason") ?? "" : "";
        return Change(c, lb => lb with { ModificationProtectionStatus = status, ModificationProtectionReason = reason });
    }

    public static ApiResult SetName(ActionContext c)
    {
        c.CheckRegion();
        var name = c.Parameters.Required("LoadBalancerName");
        return Change(c, lb => lb with { LoadBalancerName = name });
    }

    public static ApiResult ModifyInternetSpec(ActionContext c)
    {
        c.CheckRegion();
        var chargeType = SlbValues.OneOf(c.Parameters, "InternetChargeType", "paybytraffic", "paybybandwidth");
        var bandwidth = SlbValues.Bandwidth(c.Parameters, allowUnlimited: false);
        return ChangeWithOrder(c, lb => lb with
        {
            InternetChargeType = chargeType ?? lb.InternetChargeType,
            Bandwidth = bandwidth ?? lb.Bandwidth,
        });
    }

    public static ApiResult ModifyInstanceSpec(ActionContext c)
    {
        c.CheckRegion();
        var spec = SlbValues.Spec(c.Parameters) ?? throw CommonErrors.Missing("LoadBalancerSpec");
        return ChangeWithOrder(c, lb => lb with { LoadBalancerSpec = spec, InstanceChargeType = "PayBySpec" });
    }

    /// <summary>
    /// ModifyLoadBalancerInstanceChargeType: pay-as-you-go CLBs move from PayBySpec to PayByCLCU only ("Valid value:
    /// PayByCLCU"; the way back is refused), and a PayByCLCU CLB has no spec. <c>LoadBalancerSpec</c> and
    /// <c>Bandwidth</c> "need not be set" and change nothing; <c>InternetChargeType</c> may only be <c>paybytraffic</c>.
    /// Answers <c>{RequestId}</c> (no order); a CLB already on PayByCLCU stays as it is.
    /// </summary>
    public static ApiResult ModifyInstanceChargeType(ActionContext c)
    {
        c.CheckRegion(required: true);
        var p = c.Parameters;
        var chargeType = SlbValues.OneOf(p, "InstanceChargeType", "PayByCLCU") ?? throw CommonErrors.Missing("InstanceChargeType");
        var internetChargeType = SlbValues.OneOf(p, "InternetChargeType", "paybytraffic");
        SlbValues.Spec(p);
        SlbValues.Bandwidth(p, allowUnlimited: false);
        return Change(c, lb => lb with
        {
            InstanceChargeType = chargeType,
            LoadBalancerSpec = null,
            InternetChargeType = internetChargeType ?? lb.InternetChargeType,
        });
    }

    private static ApiResult Change(ActionContext c, Func<LoadBalancer, LoadBalancer> change)
    {
        Apply(c, change);
        return ApiResult.Of(new RequestIdResponse(c.RequestId), WireJson.Default.RequestIdResponse);
    }

    /// <summary>Spec changes are orders in the real service; the answer carries an OrderId.</summary>
    private static ApiResult ChangeWithOrder(ActionContext c, Func<LoadBalancer, LoadBalancer> change)
    {
        var order = Apply(c, change);
        return ApiResult.Of(new ModifyLoadBalancerSpecResponse(c.RequestId, 200_000_000_000L + order), SlbJson.Default.ModifyLoadBalancerSpecResponse);
    }

    private static int Apply(ActionContext c, Func<LoadBalancer, LoadBalancer> change)
    {
        var id = c.Parameters.Required("LoadBalancerId");
        return c.Store.Update(s =>
        {
            var lb = change(SlbLookup.LoadBalancer(s, id));
            var (order, next) = s.NextNumber("order");
            return (next.With(lb), order);
        });
    }
}

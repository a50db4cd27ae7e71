using System.Globalization;
using Ccm.Sandbox.Aliyun.Protocol;
using Ccm.Sandbox.Aliyun.State;

namespace Ccm.Sandbox.Aliyun.Slb;

/// <summary>
/// CreateLoadBalancer. The only SLB action with a <c>ClientToken</c>: a repeated token returns the first call's CLB
/// (with a new RequestId) and creates nothing, whatever the other parameters say, so a retry after a lost response is safe.
/// </summary>
internal static class CreateLoadBalancerAction
{
    public static ApiResult Handle(ActionContext c)
    {
        c.CheckRegion(required: true);
        var p = c.Parameters;
        var token = p.NonEmpty("ClientToken");
        var request = Read(p);
        var response = c.Store.Update(s =>
        {
            var key = token is null ? null : CloudSnapshot.ClientTokenKey(c.Action, token);
            if (key is not null && s.ClientTokens.TryGetValue(key, out var earlier))
            {
                return (s, (CreateLoadBalancerResponse)earlier);
            }

            (var lb, s) = Build(s, request, c.Now);
            var created = new CreateLoadBalancerResponse(c.RequestId, lb.LoadBalancerId, lb.Address, lb.LoadBalancerName,
                lb.VpcId, lb.VSwitchId, lb.NetworkType, lb.AddressIPVersion, lb.ResourceGroupId);
            s = s.With(lb);
            return (key is null ? s : s with { ClientTokens = s.ClientTokens.SetItem(key, created) }, created);
        });
        return ApiResult.Of(response with { RequestId = c.RequestId }, SlbJson.Default.CreateLoadBalancerResponse);
    }

    private static LoadBalancer Read(ApiParameters p)
    {
        var vSwitchId = p.NonEmpty("VSwitchId") ?? "";
        var chargeType = SlbValues.OneOf(p, "InstanceChargeType", "PayBySpec", "PayByCLCU") ?? "PayBySpec";
        return new LoadBalancer
        {
            LoadBalancerId = "",
            LoadBalancerName = p.NonEmpty("LoadBalancerName") ?? "",
            Address = p.NonEmpty("Address") ?? "",
            // A vSwitch makes the CLB intranet whatever AddressType says.
            AddressType = vSwitchId.Length > 0 ? "intranet" : SlbValues.OneOf(p, "AddressType", "internet", "intranet") ?? "internet",
            NetworkType = vSwitchId.Length > 0 ? "vpc" : "classic",
            CreateTime = default,
            VpcId = p.NonEmpty("VpcId") ?? "",
            VSwitchId = vSwitchId,
            MasterZoneId = p.NonEmpty("MasterZoneId") ?? "",
            SlaveZoneId = p.NonEmpty("SlaveZoneId") ?? "",
            InstanceChargeType = chargeType,
            LoadBalancerSpec = chargeType == "PayByCLCU" ? null : SlbValues.Spec(p) ?? "slb.s1.small",
            InternetChargeType = SlbValues.OneOf(p, "InternetChargeType", "paybytraffic", "paybybandwidth") ?? "paybytraffic",
            Bandwidth = SlbValues.Bandwidth(p, allowUnlimited: false),
            PayType = SlbValues.OneOf(p, "PayType", "PayOnDemand", "PrePay") ?? "PayOnDemand",
            AddressIPVersion = SlbValues.OneOf(p, "AddressIPVersion", "ipv4", "ipv6") ?? "ipv4",
            DeleteProtection = SlbValues.OneOf(p, "DeleteProtection", "on", "off") ?? "off",
            ModificationProtectionStatus = SlbValues.OneOf(p, "ModificationProtectionStatus", "NonProtection", "ConsoleProtection") ?? "NonProtection",
            ModificationProtectionReason = p.NonEmpty("ModificationProtectionReason") ?? "",
            ResourceGroupId = p.NonEmpty("ResourceGroupId") ?? "rg-acfmsandbox0000001",
            Tags = [.. p.Tags().Select(t => new ResourceTag(t.Key, t.Value ?? ""))],
        };
    }

    private static (LoadBalancer, CloudSnapshot) Build(CloudSnapshot s, LoadBalancer lb, DateTimeOffset now)
    {
        (var id, s) = s.NextId("lb");
        lb = lb with { LoadBalancerId = id, CreateTime = now, LoadBalancerName = lb.LoadBalancerName.Length > 0 ? lb.LoadBalancerName : "auto_named_slb" };
        if (lb.VSwitchId.Length > 0)
        {
            var vSwitch = s.VSwitches.GetValueOrDefault(lb.VSwitchId)
                ?? throw new OpenApiException(400, "InvalidVSwitchId.NotFound", "The specified VSwitchId does not exist.");
            if (lb.VpcId.Length > 0 && lb.VpcId != vSwitch.VpcId)
            {
                throw CommonErrors.InvalidParameter("VpcId", "The specified VSwitchId does not belong to the specified VpcId.");
            }

            var otherZone = s.VSwitches.Values.Select(v => v.ZoneId).FirstOrDefault(z => z != vSwitch.ZoneId) ?? vSwitch.ZoneId;
            lb = lb with
            {
                VpcId = vSwitch.VpcId,
                MasterZoneId = lb.MasterZoneId.Length > 0 ? lb.MasterZoneId : vSwitch.ZoneId,
                SlaveZoneId = lb.SlaveZoneId.Length > 0 ? lb.SlaveZoneId : otherZone,
                // Intranet CLBs take the first free address from .100 of their vSwitch.
                Address = lb.Address.Length > 0 ? lb.Address : AddressAllocator.Free(s, vSwitch, firstHost: 100)
                    ?? throw new OpenApiException(400, "InvalidVSwitchId.IpNotEnough", "The specified VSwitch has no free IP address."),
            };
            return (lb, s);
        }

        // Internet addresses come from TEST-NET-3 (RFC 5737): clearly fake, never routable. An intranet CLB without a
        // vSwitch is in the classic network (upstream's network-type: classic) and takes a classic private address.
        var intranet = lb.AddressType == "intranet";
        (var n, s) = s.NextNumber(intranet ? "classic-address" : "internet-address");
        var host = (((n - 1) % 254) + 1).ToString(CultureInfo.InvariantCulture);
        var address = lb.Address.Length > 0 ? lb.Address : (intranet ? "10.128.0." : "203.0.113.") + host;
        var zones = s.VSwitches.Values.Select(v => v.ZoneId).Distinct().ToList();
        return (lb with
        {
            Address = address,
            MasterZoneId = lb.MasterZoneId.Length > 0 ? lb.MasterZoneId : zones.FirstOrDefault() ?? s.RegionId + "-h",
            SlaveZoneId = lb.SlaveZoneId.Length > 0 ? lb.SlaveZoneId : zones.Skip(1).FirstOrDefault() ?? s.RegionId + "-i",
        }, s);
    }
}

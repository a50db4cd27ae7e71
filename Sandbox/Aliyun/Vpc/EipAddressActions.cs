using System.Globalization;
using Ccm.Sandbox.Aliyun.Protocol;
using Ccm.Sandbox.Aliyun.State;

namespace Ccm.Sandbox.Aliyun.Vpc;

/// <summary>
/// AllocateEipAddress (idempotent by <c>ClientToken</c>), ReleaseEipAddress (Available, pay-as-you-go EIPs only;
/// asynchronous: <c>Releasing</c>, then gone) and DescribeEipAddresses (how upstream finds the EIPs bound to a CLB:
/// <c>AssociatedInstanceType=SlbInstance</c> + <c>AssociatedInstanceId</c>, page size 10).
/// </summary>
internal static class EipAddressActions
{
    /// <summary>Addresses come from TEST-NET-2 (RFC 5737): fake, never routable, and apart from the CLBs' TEST-NET-3.</summary>
    private const string AddressPool = "198.51.100.";

    public static ApiResult Allocate(ActionContext c)
    {
        c.CheckRegion(required: true);
        var p = c.Parameters;
        var chargeType = p.OneOf("InstanceChargeType", "PostPaid", "PrePaid") ?? "PostPaid";
        var internetChargeType = p.OneOf("InternetChargeType", "PayByBandwidth", "PayByTraffic") ?? "PayByBandwidth";
        if (chargeType == "PrePaid" && internetChargeType != "PayByBandwidth")
        {
            throw CommonErrors.InvalidParameter("InternetChargeType", "Specified value of \"InternetChargeType\" is not valid");
        }

        var bandwidth = Bandwidth(p);
        var response = EipWrites.Once(c, s =>
        {
            var address = FreeAddress(s) ?? throw VpcErrors.EipQuota();
            (var id, s) = s.NextId("eip");
            long? order = null;
            if (chargeType == "PrePaid")
            {
                (var n, s) = s.NextNumber("order");
                order = 210_000_000_000L + n;
            }

            var eip = new EipAddress
            {
                AllocationId = id, IpAddress = address, AllocationTime = c.Now, Bandwidth = bandwidth, InternetChargeType = internetChargeType,
                InstanceChargeType = chargeType, Name = p.NonEmpty("Name") ?? "", Description = p.NonEmpty("Description") ?? "",
                ISP = p.NonEmpty("ISP") ?? "BGP", ResourceGroupId = p.NonEmpty("ResourceGroupId") ?? VpcMapper.ResourceGroupId,
                Tags = [.. p.Tags().Select(t => new ResourceTag(t.Key, t.Value ?? ""))],
            };
            return (EipWrites.Put(s, eip), new AllocateEipAddressResponse(c.RequestId, id, address, eip.ResourceGroupId, order));
        });
        return ApiResult.Of(response with { RequestId = c.RequestId }, VpcJson.Default.AllocateEipAddressResponse);
    }

    public static ApiResult Release(ActionContext c)
    {
        c.CheckRegion();
        var id = c.Parameters.Required("AllocationId");
        c.Store.Update(s =>
        {
            s = EipWrites.Settle(s, c.Now);
            var eip = EipWrites.Find(s, id, c.Now);
            if (eip.Status(c.Now) != "Available")
            {
                throw VpcErrors.IncorrectEipStatus();
            }

            if (eip.InstanceChargeType == "PrePaid")
            {
                throw VpcErrors.ReleasePrepaid();
            }

            return EipWrites.Transition(c, EipTransition.Releasing) is { } releasing
                ? EipWrites.Put(s, eip with { Transition = releasing })
                : s with { EipAddresses = s.EipAddresses.Remove(id) };
        });
        return ApiResult.Of(new RequestIdResponse(c.RequestId), WireJson.Default.RequestIdResponse);
    }

    /// <summary><c>AllocationId</c> and <c>EipAddress</c> take comma lists of at most 50; the other filters one value each.</summary>
    public static ApiResult Describe(ActionContext c)
    {
        c.CheckRegion(required: true);
        var p = c.Parameters;
        var s = c.Store.Current;
        var ids = List(p, "AllocationId");
        var addresses = List(p, "EipAddress");
        var tags = p.Tags();
        var eips = s.EipAddresses.Values.Select(e => e.At(c.Now)).OfType<EipAddress>()
            .Where(e => (ids is null || ids.Contains(e.AllocationId)) && (addresses is null || addresses.Contains(e.IpAddress))
                && p.Matches("Status", e.Status(c.Now)) && p.Matches("EipName", e.Name) && p.Matches("ChargeType", e.InstanceChargeType)
                && p.Matches("AssociatedInstanceId", e.InstanceId ?? "") && p.Matches("AssociatedInstanceType", e.InstanceType ?? "")
                && p.Matches("ISP", e.ISP) && p.Matches("ResourceGroupId", e.ResourceGroupId))
            .Where(e => e.Tags.HasAll(tags))
            .ToList();
        var page = Paging.ByPage(eips, p, defaultSize: 10, maxSize: 100);
        return ApiResult.Of(
            new DescribeEipAddressesResponse(c.RequestId, page.PageNumber, page.PageSize, page.TotalCount,
                new EipAddressSet([.. page.Items.Select(e => VpcMapper.Eip(e, s.RegionId, c.Now))])),
            VpcJson.Default.DescribeEipAddressesResponse);
    }

    /// <summary>1–500 Mbit/s as a string, default 5 (the reference gives 500 for pay-by-bandwidth, 200 for pay-by-traffic; we accept either).</summary>
    private static string Bandwidth(ApiParameters p)
    {
        var text = p.NonEmpty("Bandwidth") ?? "5";
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value is >= 1 and <= 500
            ? value.ToString(CultureInfo.InvariantCulture)
            : throw CommonErrors.InvalidParameter("Bandwidth", "Specified value of \"Bandwidth\" is not valid.");
    }

    private static string? FreeAddress(CloudSnapshot s)
    {
        var used = s.EipAddresses.Values.Select(e => e.IpAddress).ToHashSet(StringComparer.Ordinal);
        return Enumerable.Range(1, 254).Select(n => AddressPool + n.ToString(CultureInfo.InvariantCulture)).FirstOrDefault(a => !used.Contains(a));
    }

    private static string[]? List(ApiParameters p, string name)
    {
        var values = p.NonEmpty(name)?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return values is { Length: > 50 } ? throw CommonErrors.InvalidParameter(name, $"At most 50 values of {name} are accepted.") : values;
    }
}

using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.CompilerServices;
using Ccm.Sandbox.Aliyun.Protocol;
using Ccm.Sandbox.Aliyun.State;

namespace Ccm.Sandbox.Aliyun.Ecs;

/// <summary>Maps state to ECS wire records.</summary>
internal static class EcsMapper
{
    public static EcsTagSet Tags(ImmutableArray<ResourceTag> tags) => new([.. tags.Select(t => new EcsTag(t.Key, t.Value))]);

    /// <summary>
    /// Mapped instances by state record: records are immutable and replaced on change, so an item built for one stays
    /// right while its instance, ENI and bound-EIP records are the same objects. DescribeInstances is the CCM's most
    /// frequent call.
    /// </summary>
    private static readonly ConditionalWeakTable<Instance, Mapped> Cache = [];

    private sealed record Mapped(NetworkInterface? Eni, EipAddress? Eip, string RegionId, bool TokenRequired, InstanceItem Item);

    public static InstanceItem Instance(CloudSnapshot s, Instance i, bool metadataTokenRequired, DateTimeOffset now)
    {
        var eni = s.NetworkInterfaces.GetValueOrDefault(i.NetworkInterfaceId);
        var eip = BoundEip(s, i.InstanceId, now);
        if (Cache.TryGetValue(i, out var cached) && ReferenceEquals(cached.Eni, eni) && ReferenceEquals(cached.Eip, eip)
            && cached.RegionId == s.RegionId
            && cached.TokenRequired == metadataTokenRequired)
        {
            return cached.Item;
        }

        var item = Map(s.RegionId, i, eni, eip, metadataTokenRequired);
        Cache.AddOrUpdate(i, new Mapped(eni, eip, s.RegionId, metadataTokenRequired, item));
        return item;
    }

    private static InstanceItem Map(string regionId, Instance i, NetworkInterface? eni, EipAddress? eip, bool metadataTokenRequired)
    {
        var (cpu, memory) = Size(i.InstanceType);
        return new InstanceItem
        {
            InstanceId = i.InstanceId, InstanceName = i.InstanceName, HostName = i.HostName.Length > 0 ? i.HostName : i.InstanceName,
            InstanceType = i.InstanceType, InstanceTypeFamily = Family(i.InstanceType), Cpu = cpu, Memory = memory,
            RegionId = regionId, ZoneId = i.ZoneId, Status = i.Status, InstanceChargeType = i.InstanceChargeType, SpotStrategy = i.SpotStrategy,
            CreationTime = WireTime.Minutes(i.CreationTime), StartTime = WireTime.Minutes(i.CreationTime),
            SerialNumber = SerialNumber(i.InstanceId),
            StoppedMode = i.Status == "Stopped" ? "KeepCharging" : null,
            VpcAttributes = new VpcAttributes(i.VpcId, i.VSwitchId, "", new IpAddressSet([i.PrivateIpAddress])),
            PublicIpAddress = new IpAddressSet([]),
            InnerIpAddress = new IpAddressSet([]),
            EipAddress = eip is not null
                ? new EipAddressInfo(eip.IpAddress, eip.AllocationId, Bandwidth(eip), eip.InternetChargeType, true)
                : new EipAddressInfo("", "", 0, "", false),
            NetworkInterfaces = new InstanceNetworkInterfaceList(eni is null ? [] :
            [
                new InstanceNetworkInterface(eni.NetworkInterfaceId, "Primary", eni.MacAddress, eni.PrimaryIpAddress, PrivateIps(eni), Ipv6s(eni)),
            ]),
            SecurityGroupIds = new SecurityGroupIdSet([i.SecurityGroupId]),
            Tags = Tags(i.Tags),
            OperationLocks = new OperationLockSet([]),
            MetadataOptions = new MetadataOptions("enabled", metadataTokenRequired ? "required" : "optional", 1),
        };
    }

    public static NetworkInterfaceSetItem NetworkInterface(NetworkInterface e) => new()
    {
        NetworkInterfaceId = e.NetworkInterfaceId, NetworkInterfaceName = e.NetworkInterfaceName, Status = e.Status, Type = e.Type,
        VpcId = e.VpcId, VSwitchId = e.VSwitchId, ZoneId = e.ZoneId, PrivateIpAddress = e.PrimaryIpAddress, MacAddress = e.MacAddress,
        InstanceId = e.InstanceId ?? "", CreationTime = WireTime.Seconds(e.CreationTime), Description = e.Description,
        SourceDestCheck = e.SourceDestCheck,
        Attachment = e.InstanceId is null ? null : new NetworkInterfaceAttachment(e.InstanceId, e.Type == "Primary" ? 0 : 1),
        PrivateIpSets = PrivateIps(e), Ipv6Sets = Ipv6s(e),
        SecurityGroupIds = new SecurityGroupIdSet([e.SecurityGroupId]), Tags = Tags(e.Tags),
    };

    /// <summary>
    /// The EIP bound to the instance itself (not to one of its secondary ENIs) at <paramref name="now"/>, as
    /// DescribeInstances reports it; an EIP still Associating counts, one whose unassociation has settled does not.
    /// </summary>
    public static EipAddress? BoundEip(CloudSnapshot s, string instanceId, DateTimeOffset now) =>
        s.EipAddresses.Values.Select(e => e.At(now)).FirstOrDefault(e => e?.InstanceId == instanceId && e.InstanceType == "EcsInstance");

    private static int Bandwidth(EipAddress eip) =>
        int.TryParse(eip.Bandwidth, NumberStyles.None, CultureInfo.InvariantCulture, out var bandwidth) ? bandwidth : 0;

    private static PrivateIpSetList PrivateIps(NetworkInterface e) =>
        new([.. e.AllIpAddresses.Select((ip, index) => new PrivateIpSetItem(ip, Primary: index == 0))]);

    private static Ipv6SetList Ipv6s(NetworkInterface e) => new([.. e.Ipv6Addresses.Select(a => new Ipv6SetItem(a))]);

    /// <summary><c>ecs.g7.large</c> → <c>ecs.g7</c>.</summary>
    private static string Family(string type) => type.LastIndexOf('.') is > 0 and var dot ? type[..dot] : type;

    /// <summary>vCPUs from the size (large = 2, xlarge = 4, Nxlarge = 4N) and MiB from the family's ratio (c 1:2, g 1:4, r 1:8).</summary>
    private static (int Cpu, int Memory) Size(string type)
    {
        var size = type[(type.LastIndexOf('.') + 1)..];
        var cpu = size switch
        {
            "small" or "medium" => 1,
            "large" => 2,
            "xlarge" => 4,
            _ when size.EndsWith("xlarge", StringComparison.Ordinal)
                && int.TryParse(size[..^6], NumberStyles.None, CultureInfo.InvariantCulture, out var n) => 4 * n,
            _ => 2,
        };
        var family = Family(type);
        var ratio = family.Length > 4 ? family[4] switch { 'c' => 2, 'r' => 8, _ => 4 } : 4;
        return (cpu, cpu * ratio * 1024);
    }

    /// <summary>A stable GUID-shaped serial number derived from the instance id.</summary>
    private static string SerialNumber(string instanceId) =>
        new Guid(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(instanceId)).AsSpan(0, 16)).ToString();
}

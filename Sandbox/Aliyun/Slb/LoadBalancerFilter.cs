using System.Text.Json;
using Ccm.Sandbox.Aliyun.Protocol;
using Ccm.Sandbox.Aliyun.State;

namespace Ccm.Sandbox.Aliyun.Slb;

/// <summary>
/// DescribeLoadBalancers' filters. <c>LoadBalancerId</c> and <c>LoadBalancerName</c> are comma lists of at most 10;
/// <c>Tags</c> is a JSON array <c>[{"TagKey":"k","TagValue":"v"}]</c> (the CCM finds its CLBs this way) and every tag must
/// match; a tag without a value matches on the key alone.
/// </summary>
internal sealed record LoadBalancerFilter(
    IReadOnlySet<string>? Ids, IReadOnlySet<string>? Names, IReadOnlyDictionary<string, string?> Fields,
    IReadOnlyList<(string Key, string? Value)> Tags, string? ServerId)
{
    private static readonly string[] FieldNames =
    [
        "VpcId", "VSwitchId", "AddressType", "NetworkType", "Address", "LoadBalancerStatus", "InternetChargeType",
        "AddressIPVersion", "ResourceGroupId", "MasterZoneId", "SlaveZoneId", "PayType",
    ];

    public static LoadBalancerFilter From(ApiParameters p) => new(
        CommaList(p, "LoadBalancerId"),
        CommaList(p, "LoadBalancerName"),
        FieldNames.Where(n => p.NonEmpty(n) is not null).ToDictionary(n => n, p.NonEmpty),
        [.. JsonTags(p), .. p.Tags()],
        p.NonEmpty("ServerId"));

    public bool Matches(LoadBalancer lb, CloudSnapshot s) =>
        (Ids is null || Ids.Contains(lb.LoadBalancerId))
        && (Names is null || Names.Contains(lb.LoadBalancerName))
        && Fields.All(f => string.Equals(Field(lb, f.Key), f.Value, StringComparison.OrdinalIgnoreCase))
        && lb.Tags.HasAll(Tags)
        && (ServerId is null || SlbLookup.GroupsOf(s, lb.LoadBalancerId).Any(g => g.BackendServers.Any(b => b.ServerId == ServerId)));

    private static string Field(LoadBalancer lb, string name) => name switch
    {
        "VpcId" => lb.VpcId,
        "VSwitchId" => lb.VSwitchId,
        "AddressType" => lb.AddressType,
        "NetworkType" => lb.NetworkType,
        "Address" => lb.Address,
        "LoadBalancerStatus" => lb.LoadBalancerStatus,
        "InternetChargeType" => lb.InternetChargeType,
        "AddressIPVersion" => lb.AddressIPVersion,
        "ResourceGroupId" => lb.ResourceGroupId,
        "MasterZoneId" => lb.MasterZoneId,
        "SlaveZoneId" => lb.SlaveZoneId,
        _ => lb.PayType,
    };

    private static HashSet<string>? CommaList(ApiParameters p, string name)
    {
        var text = p.NonEmpty(name);
        if (text is null)
        {
            return null;
        }

        var values = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        return values.Count <= 10 ? values : throw CommonErrors.InvalidParameter(name, $"The parameter {name} accepts at most 10 values.");
    }

    private static IEnumerable<(string Key, string? Value)> JsonTags(ApiParameters p) =>
        p.NonEmpty("Tags") is { } text ? SlbTagsParameter.Parse("Tags", text) : [];
}

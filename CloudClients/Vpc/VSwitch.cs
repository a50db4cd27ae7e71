using System.Text.Json.Serialization;
using Ccm.CloudClients.Json;
using Ccm.CloudClients.Transport;

namespace Ccm.CloudClients.Vpc;

/// <summary>DescribeVSwitches filters; paged by PageNumber/PageSize (max 50).</summary>
public sealed record DescribeVSwitchesRequest : IRpcRequest
{
    public string? VpcId { get; init; }

    public string? VSwitchId { get; init; }

    public string? ZoneId { get; init; }

    public string? VSwitchName { get; init; }

    public string? RouteTableId { get; init; }

    public int PageSize { get; init; } = 50;

    void IRpcRequest.WriteTo(RpcParameters p) => p.Add("VpcId", VpcId).Add("VSwitchId", VSwitchId).Add("ZoneId", ZoneId)
        .Add("VSwitchName", VSwitchName).Add("RouteTableId", RouteTableId);
}

public sealed record VSwitch
{
    public string VSwitchId { get; init; } = "";

    public string? VSwitchName { get; init; }

    public string? VpcId { get; init; }

    public string? ZoneId { get; init; }

    public string? CidrBlock { get; init; }

    public string? Status { get; init; }

    /// <summary>The CCM skips vSwitches without free addresses when it creates an intranet load balancer.</summary>
    public long? AvailableIpAddressCount { get; init; }

    public VSwitchRouteTable? RouteTable { get; init; }

    [JsonConverter(typeof(WrappedListConverter<Tag>))]
    public IReadOnlyList<Tag> Tags { get; init; } = [];
}

public sealed record VSwitchRouteTable
{
    public string? RouteTableId { get; init; }

    public string? RouteTableType { get; init; }
}

public sealed record DescribeVSwitchesResponse : OpenApiResponse
{
    public int PageNumber { get; init; }

    public int PageSize { get; init; }

    public int TotalCount { get; init; }

    [JsonConverter(typeof(WrappedListConverter<VSwitch>))]
    public IReadOnlyList<VSwitch> VSwitches { get; init; } = [];
}

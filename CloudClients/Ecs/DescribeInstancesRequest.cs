using Ccm.CloudClients.Transport;

namespace Ccm.CloudClients.Ecs;

/// <summary>
/// DescribeInstances filters; paged by MaxResults (max 100) + NextToken. <c>InstanceIds</c> and
/// <c>PrivateIpAddresses</c> travel as JSON-array strings of at most 100 each.
/// </summary>
public sealed record DescribeInstancesRequest : IRpcRequest
{
    public const int MaxIdsPerCall = 100;

    public IReadOnlyList<string>? InstanceIds { get; init; }

    /// <summary>The API requires <c>InstanceNetworkType=vpc</c> with this filter; the request adds it.</summary>
    public IReadOnlyList<string>? PrivateIpAddresses { get; init; }

    public string? VpcId { get; init; }

    public string? VSwitchId { get; init; }

    public string? ZoneId { get; init; }

    public string? InstanceName { get; init; }

    public string? InstanceType { get; init; }

    /// <summary><c>Pending</c> | <c>Running</c> | <c>Starting</c> | <c>Stopping</c> | <c>Stopped</c>.</summary>
    public string? Status { get; init; }

    public IReadOnlyList<Tag>? Tags { get; init; }

    /// <summary><c>AdditionalAttributes.N</c>; the CCM sends <c>NETWORK_PRIMARY_ENI_IP</c>.</summary>
    public IReadOnlyList<string>? AdditionalAttributes { get; init; }

    public int MaxResults { get; init; } = 100;

    void IRpcRequest.WriteTo(RpcParameters p)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(InstanceIds?.Count ?? 0, MaxIdsPerCall, nameof(InstanceIds));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(PrivateIpAddresses?.Count ?? 0, MaxIdsPerCall, nameof(PrivateIpAddresses));
        p.Add("InstanceIds", JsonParameters.StringArray(InstanceIds))
            .Add("PrivateIpAddresses", JsonParameters.StringArray(PrivateIpAddresses))
            .Add("InstanceNetworkType", PrivateIpAddresses is null ? null : "vpc")
            .Add("VpcId", VpcId).Add("VSwitchId", VSwitchId).Add("ZoneId", ZoneId).Add("InstanceName", InstanceName)
            .Add("InstanceType", InstanceType).Add("Status", Status).AddTags(Tags).AddRepeated("AdditionalAttributes", AdditionalAttributes);
    }
}

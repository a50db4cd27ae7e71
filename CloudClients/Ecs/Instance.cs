using System.Text.Json.Serialization;
using Ccm.CloudClients.Json;
using Ccm.CloudClients.Transport;

namespace Ccm.CloudClients.Ecs;

/// <summary>An ECS instance: the fields the node controller maps onto a Kubernetes Node.</summary>
public sealed record Instance
{
    public string InstanceId { get; init; } = "";

    public string? InstanceName { get; init; }

    public string? HostName { get; init; }

    public string? InstanceType { get; init; }

    public string? InstanceTypeFamily { get; init; }

    public string? RegionId { get; init; }

    public string? ZoneId { get; init; }

    /// <summary><c>Pending</c> | <c>Running</c> | <c>Starting</c> | <c>Stopping</c> | <c>Stopped</c>.</summary>
    public string? Status { get; init; }

    public string? InstanceNetworkType { get; init; }

    /// <summary><c>PostPaid</c> | <c>PrePaid</c>; upstream copies it to the label <c>node.alibabacloud.com/instance-charge-type</c>.</summary>
    public string? InstanceChargeType { get; init; }

    /// <summary><c>NoSpot</c> | <c>SpotWithPriceLimit</c> | <c>SpotAsPriceGo</c>; upstream's label <c>node.alibabacloud.com/spot-strategy</c>.</summary>
    public string? SpotStrategy { get; init; }

    public string? CreationTime { get; init; }

    public int? Cpu { get; init; }

    public int? Memory { get; init; }

    public VpcAttributes? VpcAttributes { get; init; }

    public InstanceEipAddress? EipAddress { get; init; }

    [JsonConverter(typeof(WrappedListConverter<string>))]
    public IReadOnlyList<string> PublicIpAddress { get; init; } = [];

    [JsonConverter(typeof(WrappedListConverter<string>))]
    public IReadOnlyList<string> InnerIpAddress { get; init; } = [];

    [JsonConverter(typeof(WrappedListConverter<InstanceNetworkInterface>))]
    public IReadOnlyList<InstanceNetworkInterface> NetworkInterfaces { get; init; } = [];

    /// <summary>Upstream reads the node pool from the tag <see cref="NodePoolIdTagKey"/> (label <c>node.alibabacloud.com/nodepool-id</c>).</summary>
    [JsonConverter(typeof(WrappedListConverter<Tag>))]
    public IReadOnlyList<Tag> Tags { get; init; } = [];

    /// <summary>The ECS tag ACK puts on a node pool's instances; upstream <c>pkg/controller/node/manager.go</c>.</summary>
    public const string NodePoolIdTagKey = "ack.alibabacloud.com/nodepool-id";

    /// <summary>The value of <see cref="NodePoolIdTagKey"/>, or null when the instance belongs to no node pool.</summary>
    public string? NodePoolId => Tags.FirstOrDefault(t => t.Key == NodePoolIdTagKey)?.Value;

    /// <summary>The id of the ENI of <c>Type == "Primary"</c>, whose SourceDestCheck the node controller turns off.</summary>
    public string? PrimaryNetworkInterfaceId => NetworkInterfaces.FirstOrDefault(n => n.Type == "Primary")?.NetworkInterfaceId;
}

public sealed record VpcAttributes
{
    public string? VpcId { get; init; }

    public string? VSwitchId { get; init; }

    public string? NatIpAddress { get; init; }

    /// <summary><c>PrivateIpAddress{IpAddress[]}</c>: the node's InternalIP comes from here.</summary>
    [JsonConverter(typeof(WrappedListConverter<string>))]
    public IReadOnlyList<string> PrivateIpAddress { get; init; } = [];
}

public sealed record InstanceEipAddress
{
    public string? IpAddress { get; init; }

    public string? AllocationId { get; init; }
}

public sealed record InstanceNetworkInterface
{
    public string? NetworkInterfaceId { get; init; }

    /// <summary><c>Primary</c> | <c>Secondary</c>.</summary>
    public string? Type { get; init; }

    public string? MacAddress { get; init; }

    public string? PrimaryIpAddress { get; init; }

    [JsonConverter(typeof(WrappedListConverter<PrivateIpSet>))]
    public IReadOnlyList<PrivateIpSet> PrivateIpSets { get; init; } = [];
}

public sealed record PrivateIpSet
{
    public string? PrivateIpAddress { get; init; }

    public bool? Primary { get; init; }
}

public sealed record DescribeInstancesResponse : OpenApiResponse
{
    public string? NextToken { get; init; }

    public int? PageSize { get; init; }

    public int? TotalCount { get; init; }

    [JsonConverter(typeof(WrappedListConverter<Instance>))]
    public IReadOnlyList<Instance> Instances { get; init; } = [];
}

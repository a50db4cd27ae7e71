using System.Collections.Immutable;

namespace Ccm.Sandbox.Aliyun.State;

/// <summary>
/// An ENI: the primary one of an instance, or a secondary one (e.g. an ECI pod's, which the CCM adds as an <c>eni</c>
/// backend). <see cref="Status"/> is <c>InUse</c> or <c>Available</c>; <see cref="Type"/> is <c>Primary</c> or <c>Secondary</c>.
/// </summary>
public sealed record NetworkInterface
{
    public required string NetworkInterfaceId { get; init; }

    public required string VpcId { get; init; }

    public required string VSwitchId { get; init; }

    public required string ZoneId { get; init; }

    public required string PrimaryIpAddress { get; init; }

    public required string MacAddress { get; init; }

    public required DateTimeOffset CreationTime { get; init; }

    public string? InstanceId { get; init; }

    public string Type { get; init; } = "Primary";

    public string Status { get; init; } = "InUse";

    public string NetworkInterfaceName { get; init; } = "";

    public string Description { get; init; } = "";

    /// <summary>
    /// Whether the VPC drops traffic whose source or destination is not this ENI's own address. On by default, as for
    /// a real ENI; a node that forwards pod traffic needs it off (upstream turns it off before removing the cloud taint).
    /// </summary>
    public bool SourceDestCheck { get; init; } = true;

    public ImmutableArray<string> SecondaryIpAddresses { get; init; } = [];

    /// <summary>IPv6 addresses (an ENI backend of an IPv6 CLB with <c>backend-ip-version: ipv6</c> is found by one).</summary>
    public ImmutableArray<string> Ipv6Addresses { get; init; } = [];

    public string SecurityGroupId { get; init; } = "sg-bp1sandbox0000000001";

    public ImmutableArray<ResourceTag> Tags { get; init; } = [];

    public IEnumerable<string> AllIpAddresses => SecondaryIpAddresses.Prepend(PrimaryIpAddress);
}

using System.Text.Json.Serialization;
using Ccm.CloudClients.Json;

namespace Ccm.CloudClients.Slb;

/// <summary>A Classic Load Balancer as DescribeLoadBalancers lists it (field names as the API spells them).</summary>
public record LoadBalancer
{
    public string LoadBalancerId { get; init; } = "";

    public string? LoadBalancerName { get; init; }

    /// <summary><c>inactive</c> | <c>active</c> | <c>locked</c>.</summary>
    public string? LoadBalancerStatus { get; init; }

    public string? Address { get; init; }

    /// <summary><c>internet</c> | <c>intranet</c>.</summary>
    public string? AddressType { get; init; }

    public string? AddressIPVersion { get; init; }

    public string? NetworkType { get; init; }

    public string? VpcId { get; init; }

    public string? VSwitchId { get; init; }

    public string? RegionId { get; init; }

    public string? MasterZoneId { get; init; }

    public string? SlaveZoneId { get; init; }

    public string? LoadBalancerSpec { get; init; }

    public string? InternetChargeType { get; init; }

    public string? InstanceChargeType { get; init; }

    public int? Bandwidth { get; init; }

    public string? PayType { get; init; }

    public string? CreateTime { get; init; }

    public long? CreateTimeStamp { get; init; }

    /// <summary><c>on</c> | <c>off</c>.</summary>
    public string? DeleteProtection { get; init; }

    /// <summary><c>NonProtection</c> | <c>ConsoleProtection</c>.</summary>
    public string? ModificationProtectionStatus { get; init; }

    public string? ModificationProtectionReason { get; init; }

    public string? ResourceGroupId { get; init; }

    [JsonConverter(typeof(WrappedListConverter<Tag>))]
    public IReadOnlyList<Tag> Tags { get; init; } = [];
}

using System.Collections.Immutable;

namespace Ccm.Sandbox.Aliyun.State;

/// <summary>
/// A Classic Load Balancer. Its listeners live inside it (keyed by <see cref="Listener.KeyOf"/>); its vServer groups
/// live at the top of <see cref="CloudSnapshot"/> because the API addresses them by VServerGroupId alone.
/// </summary>
public sealed record LoadBalancer
{
    public required string LoadBalancerId { get; init; }

    public required string LoadBalancerName { get; init; }

    public required string Address { get; init; }

    /// <summary><c>internet</c> or <c>intranet</c>.</summary>
    public required string AddressType { get; init; }

    /// <summary><c>vpc</c> for an intranet CLB in a vSwitch, else <c>classic</c>.</summary>
    public required string NetworkType { get; init; }

    public required DateTimeOffset CreateTime { get; init; }

    public string LoadBalancerStatus { get; init; } = "active";

    public string AddressIPVersion { get; init; } = "ipv4";

    public string VpcId { get; init; } = "";

    public string VSwitchId { get; init; } = "";

    public string MasterZoneId { get; init; } = "";

    public string SlaveZoneId { get; init; } = "";

    public string? LoadBalancerSpec { get; init; }

    public string InstanceChargeType { get; init; } = "PayBySpec";

    public string InternetChargeType { get; init; } = "paybytraffic";

    public int? Bandwidth { get; init; }

    public string PayType { get; init; } = "PayOnDemand";

    /// <summary><c>on</c> or <c>off</c>; <c>on</c> makes DeleteLoadBalancer fail with <c>OperationDenied.DeleteProtectionIsOn</c>.</summary>
    public string DeleteProtection { get; init; } = "off";

    /// <summary><c>NonProtection</c> or <c>ConsoleProtection</c> (the latter guards the console only, not the API).</summary>
    public string ModificationProtectionStatus { get; init; } = "NonProtection";

    public string ModificationProtectionReason { get; init; } = "";

    public string ResourceGroupId { get; init; } = "rg-acfmsandbox0000001";

    public ImmutableArray<ResourceTag> Tags { get; init; } = [];

    public ImmutableSortedDictionary<string, Listener> Listeners { get; init; } =
        ImmutableSortedDictionary.Create<string, Listener>(StringComparer.Ordinal);
}

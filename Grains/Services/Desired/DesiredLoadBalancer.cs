using System.Collections.Immutable;

namespace Ccm.Grains.Services;

/// <summary>
/// The load balancer a Service asks for: what CreateLoadBalancer is sent, and what later turns keep true. Null means
/// "the service's default"; the defaults we choose ourselves (upstream's) are filled in by
/// <see cref="DesiredStateBuilder"/>.
/// </summary>
public sealed record DesiredLoadBalancer
{
    public const string DeleteProtectionOn = "on";
    public const string ProtectionReason = "managed.by.ack";

    /// <summary>Upstream's ownership tag: <c>kubernetes.do.not.delete=&lt;default name&gt;</c>.</summary>
    public const string OwnerTagKey = "kubernetes.do.not.delete";

    /// <summary>Upstream's cluster tag: <c>ack.aliyun.com=&lt;clusterID&gt;</c>.</summary>
    public const string ClusterTagKey = "ack.aliyun.com";

    /// <summary>Upstream's mark on a reused load balancer: <c>kubernetes.reused.by.user=true</c>.</summary>
    public const string ReusedTagKey = "kubernetes.reused.by.user";

    public required string ClientToken { get; init; }

    public required string Name { get; init; }

    /// <summary><c>internet</c> (upstream's default) or <c>intranet</c>.</summary>
    public required string AddressType { get; init; }

    public string? VpcId { get; init; }

    public string? VSwitchId { get; init; }

    /// <summary><c>network-type</c> as annotated (<c>vpc</c> or <c>classic</c>; a classic intranet CLB has no VPC or vSwitch).</summary>
    public string? NetworkType { get; init; }

    /// <summary><c>PayByCLCU</c> unless annotated.</summary>
    public required string InstanceChargeType { get; init; }

    /// <summary>Only for <c>PayBySpec</c> (<c>slb.s1.small</c> unless annotated).</summary>
    public string? Spec { get; init; }

    public string? InternetChargeType { get; init; }

    public int? Bandwidth { get; init; }

    public string? MasterZoneId { get; init; }

    public string? SlaveZoneId { get; init; }

    public string? AddressIPVersion { get; init; }

    public string? Address { get; init; }

    public string? ResourceGroupId { get; init; }

    /// <summary><c>on</c> while the Service exists, unless annotated off.</summary>
    public required string DeleteProtection { get; init; }

    /// <summary><c>ConsoleProtection</c> (reason <c>managed.by.ack</c>) unless annotated.</summary>
    public required string ModificationProtection { get; init; }

    /// <summary>The two ownership tags.</summary>
    public required ImmutableArray<CloudClients.Tag> OwnershipTags { get; init; }

    /// <summary><c>additional-resource-tags</c>.</summary>
    public ImmutableArray<CloudClients.Tag> AdditionalTags { get; init; } = [];

    public bool Equals(DesiredLoadBalancer? other) =>
        other is not null && ClientToken == other.ClientToken && Name == other.Name && AddressType == other.AddressType
        && VSwitchId == other.VSwitchId && InstanceChargeType == other.InstanceChargeType && Spec == other.Spec
        && InternetChargeType == other.InternetChargeType && Bandwidth == other.Bandwidth && DeleteProtection == other.DeleteProtection
        && ModificationProtection == other.ModificationProtection && AdditionalTags.SequenceEqual(other.AdditionalTags)
        && OwnershipTags.SequenceEqual(other.OwnershipTags) && MasterZoneId == other.MasterZoneId && SlaveZoneId == other.SlaveZoneId
        && AddressIPVersion == other.AddressIPVersion && Address == other.Address && ResourceGroupId == other.ResourceGroupId && VpcId == other.VpcId
        && NetworkType == other.NetworkType;

    public override int GetHashCode() => HashCode.Combine(ClientToken, Name, AddressType);
}

using System.Collections.Immutable;
using Ccm.Silo.Options;

namespace Ccm.Silo.CloudConfiguration;

/// <summary>
/// The upstream cloud-config's <c>Global</c> section, parsed and checked by <see cref="CloudConfigReader"/> and
/// completed from the instance metadata service by <see cref="CloudConfigCompletion"/>. Field names follow the file.
/// </summary>
public sealed record CloudConfig
{
    /// <summary>Upstream's default cluster id; it becomes the <c>ack.aliyun.com</c> tag value and part of description keys.</summary>
    public const string DefaultClusterId = "clusterid";

    public const string DefaultKubernetesClusterTag = "ack.aliyun.com";

    /// <summary><c>accessKeyID</c>/<c>accessKeySecret</c>, base64-decoded; null when the file has none.</summary>
    public CloudCredentials? AccessKey { get; init; }

    /// <summary><c>uid</c>: the account id upstream pairs with the AccessKey for its service-token flow.</summary>
    public string? Uid { get; init; }

    public string? Region { get; init; }

    public string? ZoneId { get; init; }

    public string? VpcId { get; init; }

    /// <summary><c>vswitchid</c>: <c>zone:vsw-id</c> pairs; the zone may be empty.</summary>
    public ImmutableArray<VSwitch> VSwitches { get; init; } = [];

    public string ClusterId { get; init; } = DefaultClusterId;

    public string KubernetesClusterTag { get; init; } = DefaultKubernetesClusterTag;

    public string? ResourceGroupId { get; init; }

    /// <summary><c>routeTableIDs</c>: trimmed, without duplicates, each <c>vtb-...</c>. Empty means the VPC's only route table.</summary>
    public ImmutableArray<string> RouteTableIds { get; init; } = [];

    /// <summary>Null when the file does not say; upstream then uses ECS backends unless a Service's annotation differs.</summary>
    public ServiceBackendType? ServiceBackendType { get; init; }

    public bool DisablePublicSlb { get; init; }

    public int ServiceMaxConcurrentReconciles { get; init; } = 3;

    public int NodeMaxConcurrentReconciles { get; init; } = 1;

    public int RouteMaxConcurrentReconciles { get; init; } = 1;

    /// <summary><c>featureGates</c>; <c>--feature-gates</c> overrides them (<see cref="FeatureGates.Overriding"/>).</summary>
    public FeatureGates FeatureGates { get; init; } = FeatureGates.Empty;

    /// <summary><c>cloudAPIRateLimits</c>: the client-side budget per product/action (overridden by <c>--cloud-api-rate-limits</c>).</summary>
    public string? CloudApiRateLimits { get; init; }
}

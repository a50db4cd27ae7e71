using System.Collections.Immutable;
using Ccm.Grains;
using Ccm.Silo.CloudConfiguration;
using Ccm.Silo.Options;

namespace Ccm.Silo.Composition;

/// <summary>What the grains need, from the validated flags and the completed cloud-config (grains never read either).</summary>
public static class CcmOptionsFactory
{
    public static CcmOptions Create(SiloOptions options, CloudConfig cloud)
    {
        var gates = cloud.FeatureGates.Overriding(options.FeatureGates);
        return new CcmOptions
        {
            ClusterId = cloud.ClusterId,
            RegionId = cloud.Region ?? throw new ArgumentException("the cloud-config has no region; complete it first", nameof(cloud)),
            VpcId = cloud.VpcId ?? throw new ArgumentException("the cloud-config has no vpcid; complete it first", nameof(cloud)),
            VSwitches = [.. cloud.VSwitches.Select(v => new ZoneVSwitch(v.ZoneId.Length == 0 ? null : v.ZoneId, v.VSwitchId))],
            Controllers = [.. options.Controllers],
            ConfigureCloudRoutes = options.ConfigureCloudRoutes,
            ClusterCidr = options.ClusterCidr,
            RouteTableIds = cloud.RouteTableIds,
            ResourceGroupId = cloud.ResourceGroupId,
            DefaultEniBackends = cloud.ServiceBackendType == ServiceBackendType.Eni,
            DisablePublicSlb = cloud.DisablePublicSlb,
            DryRun = options.DryRun,
            BackendBatchSize = options.SgBatchSize,
            MaxConcurrentActions = options.MaxConcurrentActions,
            RouteBatchSize = options.RouteReconcileBatchSize,
            NodeBatchSize = options.NodeReconcileBatchSize,
            DisableSourceDestCheck = !options.SkipDisableSourceDestCheck,
            CollectUnclaimedRoutes = options.CollectUnclaimedRoutes,
            ServiceResyncPeriod = options.ServiceResyncPeriod,
            NodeResyncPeriod = options.NodeResyncPeriod,
            RouteReconciliationPeriod = options.RouteReconciliationPeriod,
            StartedAt = options.StartedAt,
            FeatureGates = FeatureGates.Defaults.Keys.ToImmutableDictionary(name => name, gates.IsEnabled),
        };
    }
}

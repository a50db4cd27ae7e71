using System.Net;
using Ccm.Silo.CloudConfiguration;
using Ccm.Silo.Composition;
using Ccm.Silo.Tests.Support;

namespace Ccm.Silo.Tests.Composition;

public sealed class CcmOptionsFactoryTests : IDisposable
{
    private readonly TestFiles files = new();

    public void Dispose() => files.Dispose();

    [Fact]
    public void Grains_get_the_flags_and_the_cloud_config_they_need()
    {
        var options = SiloTestOptions.Parse(files, "--configure-cloud-routes=true", "--cluster-cidr=172.20.0.0/16", "--controllers=service,route",
            "--dry-run", "--sg-batch-size=20", "--route-reconcile-batch-size=10", "--node-reconcile-batch-size=30", "--route-reconciliation-period=2m",
            "--service-resync-period=3m", "--node-resync-period=4m", "--feature-gates=IPv6DualStack=true");
        var cloud = new CloudConfig
        {
            Region = "cn-beijing",
            VpcId = "vpc-1",
            ClusterId = "c-42",
            VSwitches = [new VSwitch("cn-beijing-a", "vsw-a"), new VSwitch("", "vsw-b")],
            RouteTableIds = ["vtb-1", "vtb-2"],
            ServiceBackendType = ServiceBackendType.Eni,
            DisablePublicSlb = true,
            ResourceGroupId = "rg-1",
        };

        var ccm = CcmOptionsFactory.Create(options, cloud);

        Assert.Equal(("c-42", "cn-beijing", "vpc-1", "rg-1"), (ccm.ClusterId, ccm.RegionId, ccm.VpcId, ccm.ResourceGroupId));
        Assert.Equal<Grains.ZoneVSwitch>([new("cn-beijing-a", "vsw-a"), new(null, "vsw-b")], ccm.VSwitches.ToArray());
        Assert.Equal(["route", "service"], ccm.Controllers.Order());
        Assert.True(ccm.ConfigureCloudRoutes);
        Assert.Equal(IPNetwork.Parse("172.20.0.0/16"), ccm.ClusterCidr);
        Assert.Equal(["vtb-1", "vtb-2"], ccm.RouteTableIds.ToArray());
        Assert.True(ccm.DefaultEniBackends && ccm.DisablePublicSlb && ccm.DryRun);
        Assert.Equal((20, 10, 30), (ccm.BackendBatchSize, ccm.RouteBatchSize, ccm.NodeBatchSize));
        Assert.Equal((TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(3), TimeSpan.FromMinutes(4)), (ccm.RouteReconciliationPeriod, ccm.ServiceResyncPeriod, ccm.NodeResyncPeriod));
        Assert.True(ccm.FeatureGates["IPv6DualStack"]);
        Assert.True(ccm.FeatureGates["EndpointSlice"]);
        Assert.True(ccm.FeatureGates["FilterServiceOnNodeChange"]); // locked on: the filter is exact
        Assert.False(ccm.FeatureGates["LoadBalancerTypeAnnotation"]);
    }

    [Fact]
    public void Grains_learn_when_the_process_started()
    {
        var started = new DateTimeOffset(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);
        var options = SiloTestOptions.Parse(files) with { StartedAt = started };

        Assert.Equal(started, CcmOptionsFactory.Create(options, new CloudConfig { Region = "cn-beijing", VpcId = "vpc-1" }).StartedAt);
        Assert.Null(SiloTestOptions.Parse(files).StartedAt); // set by SiloApp, never from a flag
    }

    [Theory]
    [InlineData(new string[0], true)]
    [InlineData(new[] { "--skip-disable-source-dest-check" }, false)]
    [InlineData(new[] { "--skip-disable-source-dest-check=false" }, true)]
    public void New_nodes_ENIs_lose_their_source_destination_check_unless_the_flag_says_to_skip(string[] args, bool disable)
    {
        var ccm = CcmOptionsFactory.Create(SiloTestOptions.Parse(files, args), new CloudConfig { Region = "cn-beijing", VpcId = "vpc-1" });

        Assert.Equal(disable, ccm.DisableSourceDestCheck);
    }

    [Fact]
    public void An_incomplete_cloud_config_is_a_programming_error()
    {
        var options = SiloTestOptions.Parse(files);
        var error = Assert.Throws<ArgumentException>(() => CcmOptionsFactory.Create(options, new CloudConfig { VpcId = "vpc-1" }));
        Assert.Contains("no region", error.Message, StringComparison.Ordinal);
    }
}

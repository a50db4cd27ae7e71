using Ccm.Grains.Cluster;
using Ccm.Grains.Routes;
using Ccm.Grains.Tests.Routes.Support;
using Ccm.Sandbox.Demo;

namespace Ccm.Grains.Tests.Routes;

public sealed class RouteTableSetTests
{
    private static readonly CcmOptions Options = new()
    {
        ClusterId = DemoWorld.ClusterId, RegionId = DemoWorld.RegionId, VpcId = DemoWorld.VpcId, ConfigureCloudRoutes = true,
    };

    [Fact]
    public async Task Configured_tables_are_used_trimmed_and_once_without_asking_the_cloud()
    {
        await using var cloud = await RouteCloud.StartAsync();
        var (vpc, provider) = RouteCloud.VpcClient(cloud);
        await using var _ = provider;
        var catalog = new RouteTableSet(Options with { RouteTableIds = ["vtb-a", " vtb-b", "vtb-a", " "] }, () => vpc);
        Assert.True(catalog.IsResolved);
        Assert.Equal(["vtb-a", "vtb-b"], (await catalog.ResolveAsync(CancellationToken.None)).ToArray());
        Assert.Empty(cloud.Calls.Counts);
    }

    [Fact]
    public async Task Without_routes_there_are_no_tables()
    {
        await using var cloud = await RouteCloud.StartAsync();
        var (vpc, provider) = RouteCloud.VpcClient(cloud);
        await using var _ = provider;
        var catalog = new RouteTableSet(Options with { ConfigureCloudRoutes = false, RouteTableIds = ["vtb-a"] }, () => vpc);
        Assert.Empty(await catalog.ResolveAsync(CancellationToken.None));
        Assert.Empty(new RouteTableSet(Options with { Controllers = ["service", "node"], RouteTableIds = ["vtb-a"] }, () => vpc).Ids);
    }

    [Fact]
    public async Task A_VPC_with_several_tables_and_none_configured_is_a_clear_error()
    {
        await using var cloud = await RouteCloud.StartAsync();
        var (vpc, provider) = RouteCloud.VpcClient(cloud);
        await using var _ = provider;
        var catalog = new RouteTableSet(Options, () => vpc);
        Assert.False(catalog.IsResolved);
        var error = await Assert.ThrowsAsync<RouteTableConfigurationException>(() => catalog.ResolveAsync(CancellationToken.None));
        Assert.Contains($"VPC {DemoWorld.VpcId} has 3 route tables", error.Message, StringComparison.Ordinal);
        Assert.All([DemoWorld.SystemRouteTableId, .. DemoWorld.CustomRouteTableIds], id => Assert.Contains(id, error.Message, StringComparison.Ordinal));
        Assert.Contains("routeTableIDs", error.Message, StringComparison.Ordinal);
        Assert.False(catalog.IsResolved);
    }

    [Fact]
    public async Task A_VPC_with_one_table_has_it_discovered_once()
    {
        await using var cloud = await RouteCloud.StartAsync();
        var vSwitch = cloud.Cloud.AddVpc("10.0.0.0/16", "10.0.0.0/24", "cn-hangzhou-j");
        var (vpc, provider) = RouteCloud.VpcClient(cloud);
        await using var _ = provider;
        var catalog = new RouteTableSet(Options with { VpcId = vSwitch.VpcId }, () => vpc);
        var resolved = 0;
        catalog.Resolved += (_, _) => resolved++;

        Assert.Equal([vSwitch.RouteTableId], (await catalog.ResolveAsync(CancellationToken.None)).ToArray());
        Assert.Equal([vSwitch.RouteTableId], (await catalog.ResolveAsync(CancellationToken.None)).ToArray());
        Assert.Equal((1, 1L, true), (resolved, cloud.Calls.CountOf("DescribeRouteTableList"), catalog.IsResolved));
    }
}

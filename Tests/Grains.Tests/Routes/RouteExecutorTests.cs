using Ccm.GrainInterfaces.State;
using Ccm.Grains.Routes;
using Ccm.Grains.Tests.Routes.Support;
using Ccm.Sandbox.Aliyun;
using Ccm.Sandbox.Demo;

namespace Ccm.Grains.Tests.Routes;

public sealed class RouteExecutorTests
{
    private static readonly string Table = DemoWorld.CustomRouteTableIds[0];
    private static readonly CcmOptions Options = new() { ClusterId = DemoWorld.ClusterId, RegionId = DemoWorld.RegionId, VpcId = DemoWorld.VpcId };

    /// <summary>Entries settle fast, so a write that follows another is refused (TaskConflict) only briefly.</summary>
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(10);

    private static NodeRoute Demo(int i) => new(DemoWorld.Nodes[i].Name, DemoWorld.Nodes[i].PodCidr, DemoWorld.Nodes[i].InstanceId);

    [Fact]
    public async Task A_batch_creates_every_entry_and_a_duplicate_with_the_right_next_hop_is_success()
    {
        await using var cloud = await RouteCloud.StartAsync(Settle);
        cloud.Cloud.AddForeignRouteEntry(Table, Demo(0).DestinationCidrBlock, Demo(0).InstanceId);

        var run = await ApplyAsync(cloud, new RouteOperation.CreateBatch([Demo(0), Demo(1), Demo(2)]));

        Assert.Null(run.Failure);
        Assert.Equal(OperationOutcome.Succeeded, Assert.Single(run.Operations).Outcome);
        Assert.Equal((RouteStatus.Present, false), (run.Created[Demo(0)].Status, run.Created[Demo(0)].New));
        Assert.Equal((RouteStatus.Pending, true), (run.Created[Demo(1)].Status, run.Created[Demo(1)].New));
        Assert.Equal(3, cloud.Cloud.RouteEntries(Table).Count(e => e.Entry.IsCustom));
    }

    [Fact]
    public async Task A_duplicate_with_another_next_hop_is_left_for_the_next_plan()
    {
        await using var cloud = await RouteCloud.StartAsync(Settle);
        cloud.Cloud.AddForeignRouteEntry(Table, Demo(0).DestinationCidrBlock, Demo(2).InstanceId);
        var run = await ApplyAsync(cloud, new RouteOperation.CreateOne(Demo(0), "token-1"));
        Assert.Null(run.Failure);
        Assert.Equal(RouteStatus.Waiting, run.Created[Demo(0)].Status);
    }

    [Fact]
    public async Task QuotaExceeded_ends_the_creates_of_the_turn_without_failing_it()
    {
        await using var cloud = await RouteCloud.StartAsync(Settle);
        cloud.Cloud.SetRouteEntryQuota(Table, 1);
        var extra = new NodeRoute("extra", "172.20.9.0/24", Demo(0).InstanceId);

        var run = await ApplyAsync(cloud, new RouteOperation.CreateBatch([Demo(0), Demo(1)]), new RouteOperation.CreateOne(extra, "token-2"));

        Assert.Null(run.Failure);
        Assert.True(run.QuotaExceeded);
        Assert.Equal((RouteStatus.Pending, RouteStatus.Full), (run.Created[Demo(0)].Status, run.Created[Demo(1)].Status));
        Assert.Equal([(OperationOutcome.Failed, "QuotaExceeded"), (OperationOutcome.NotApplied, null)], run.Operations.Select(o => (o.Outcome, o.ErrorCode)));
        Assert.Equal(0, cloud.Calls.CountOf("CreateRouteEntry"));
    }

    [Fact]
    public async Task A_route_to_an_instance_that_is_gone_is_refused_alone()
    {
        await using var cloud = await RouteCloud.StartAsync(Settle);
        var gone = new NodeRoute("gone", "172.20.9.0/24", "i-bp1terminated00000001");
        var run = await ApplyAsync(cloud, new RouteOperation.CreateBatch([Demo(0), gone]), new RouteOperation.CreateOne(Demo(1), "token-3"));
        Assert.Null(run.Failure);
        Assert.Equal((RouteStatus.Rejected, "InvalidNextHop.NotFound"), (run.Created[gone].Status, run.Created[gone].Code));
        Assert.Equal(RouteStatus.Pending, run.Created[Demo(0)].Status);
        Assert.Equal(RouteStatus.Pending, run.Created[Demo(1)].Status); // the plan went on
    }

    [Fact]
    public async Task Deleting_an_entry_that_is_already_gone_counts_as_deleted()
    {
        await using var cloud = await RouteCloud.StartAsync(TimeSpan.FromMinutes(5));
        var entry = cloud.Cloud.AddForeignRouteEntry(Table, "172.20.9.0/24", Demo(0).InstanceId);
        var stale = new StaleRoute(entry.RouteEntryId, "172.20.9.0/24", Demo(0).InstanceId, "no live node");
        var vanished = new StaleRoute("rte-bp1vanished000000001", "172.20.8.0/24", Demo(0).InstanceId, "no live node");

        var run = await ApplyAsync(cloud, new RouteOperation.DeleteBatch([stale, vanished]), new RouteOperation.DeleteOne(vanished));

        Assert.Null(run.Failure);
        Assert.Equal([stale, vanished, vanished], run.Deleted);
        Assert.Equal("Deleting", Assert.Single(cloud.Cloud.RouteEntries(Table), e => e.Entry.IsCustom).Status);
    }

    [Fact]
    public async Task A_failed_call_stops_the_plan()
    {
        await using var cloud = await RouteCloud.StartAsync(Settle);
        cloud.Faults.SetErrorRate(1, "CreateRouteEntries");
        var run = await ApplyAsync(cloud, new RouteOperation.CreateBatch([Demo(0), Demo(1)]), new RouteOperation.CreateOne(Demo(2), "token-4"));
        Assert.NotNull(run.Failure);
        Assert.Equal([OperationOutcome.Failed, OperationOutcome.NotApplied], run.Operations.Select(o => o.Outcome));
        Assert.Equal(0, cloud.Calls.CountOf("CreateRouteEntry"));
    }

    private static async Task<RouteExecution> ApplyAsync(AliyunEmulator cloud, params RouteOperation[] operations)
    {
        var (vpc, provider) = RouteCloud.VpcClient(cloud);
        await using var _ = provider;
        return await new RouteExecutor(vpc, new VpcWriteGate(TimeProvider.System), Options).ApplyAsync(Table, operations, CancellationToken.None);
    }
}

using Ccm.Grains.Nodes;
using Ccm.Grains.Tests.Nodes.Support;
using Ccm.Sandbox.Aliyun;
using Ccm.Sandbox.Aliyun.Control;
using Ccm.Sandbox.Demo;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ccm.Grains.Tests.Nodes;

/// <summary>The silo's batched instance lookup against the OpenAPI emulator: how many calls, and what each waiter gets.</summary>
public sealed class InstanceBatcherTests : IAsyncLifetime
{
    private AliyunEmulator cloud = null!;
    private ServiceProvider clients = null!;

    public async Task InitializeAsync() => cloud = await AliyunEmulator.StartAsync(EmulatedCloud.Options());

    public async Task DisposeAsync()
    {
        if (clients is not null)
        {
            await clients.DisposeAsync();
        }

        await cloud.DisposeAsync();
    }

    [Fact]
    public async Task Three_hundred_lookups_by_id_take_three_calls_and_each_gets_its_instance()
    {
        var ids = Enumerable.Range(0, 300).Select(i => cloud.Cloud.AddInstance(new NewInstance()).InstanceId).ToList();
        using var batcher = Batcher();

        var lookups = await Task.WhenAll(ids.Select(id => Task.Run(() => batcher.FindByIdAsync(id, false, default))));

        Assert.Equal(ids, lookups.Select(l => l.Single?.InstanceId));
        Assert.Equal(3, cloud.Calls.CountOf("DescribeInstances"));
    }

    [Fact]
    public async Task Concurrent_lookups_coalesce_into_one_call_per_kind_and_equal_keys_share_an_answer()
    {
        using var batcher = Batcher();
        var byIp = DemoWorld.Nodes.Select(n => batcher.FindByPrivateIpAsync(n.PrivateIp, false, default)).ToList();
        var twice = batcher.FindByPrivateIpAsync(DemoWorld.Nodes[0].PrivateIp, false, default);
        var byId = DemoWorld.Nodes.Select(n => batcher.FindByIdAsync(n.InstanceId, false, default)).ToList();
        var unknown = batcher.FindByPrivateIpAsync("192.168.9.9", false, default);
        var gone = batcher.FindByIdAsync("i-bp1nosuchinstance", false, default);

        var found = await Task.WhenAll([.. byIp, .. byId]);

        Assert.Equal([.. DemoWorld.Nodes.Select(n => n.InstanceId), .. DemoWorld.Nodes.Select(n => n.InstanceId)], found.Select(l => l.Single?.InstanceId));
        Assert.Same(await byIp[0], await twice);
        Assert.Empty((await unknown).Matches);
        Assert.Empty((await gone).Matches);
        Assert.Equal(2, cloud.Calls.CountOf("DescribeInstances"));
    }

    [Fact]
    public async Task Lookups_by_IP_search_the_cluster_VPC_only_and_report_every_instance_with_the_IP()
    {
        var vSwitch = cloud.Cloud.AddVpc("10.0.0.0/16", "10.0.0.0/24", "cn-hangzhou-h");
        cloud.Cloud.AddInstance(new NewInstance { VSwitchId = vSwitch.VSwitchId, PrivateIpAddress = "10.0.0.7" });
        var twin = cloud.Cloud.AddInstance(new NewInstance { VSwitchId = DemoWorld.Nodes[1].VSwitchId, PrivateIpAddress = DemoWorld.Nodes[1].PrivateIp });
        using var batcher = Batcher();

        var otherVpc = batcher.FindByPrivateIpAsync("10.0.0.7", false, default);
        var ambiguous = batcher.FindByPrivateIpAsync(DemoWorld.Nodes[1].PrivateIp, false, default);

        Assert.Empty((await otherVpc).Matches);
        Assert.Equal(new[] { DemoWorld.Nodes[1].InstanceId, twin.InstanceId }.Order(), (await ambiguous).Matches.Select(i => i.InstanceId).Order());
    }

    [Fact]
    public async Task A_batch_is_never_larger_than_the_configured_size()
    {
        using var batcher = Batcher(batchSize: 2);

        await Task.WhenAll(DemoWorld.Nodes.Select(n => batcher.FindByIdAsync(n.InstanceId, false, default)));

        Assert.Equal(2, cloud.Calls.CountOf("DescribeInstances"));
    }

    [Fact]
    public async Task A_failed_batch_fails_each_waiter_and_a_later_request_starts_a_new_batch()
    {
        using var batcher = Batcher();
        cloud.Faults.SetErrorRate(1.0, "DescribeInstances");

        var waiters = DemoWorld.Nodes.Select(n => batcher.FindByIdAsync(n.InstanceId, false, default)).ToList();

        foreach (var waiter in waiters)
        {
            await Assert.ThrowsAnyAsync<Exception>(() => waiter);
        }

        cloud.Faults.Clear();
        var retried = await batcher.FindByIdAsync(DemoWorld.Nodes[0].InstanceId, false, default);
        Assert.Equal(DemoWorld.Nodes[0].InstanceId, retried.Single?.InstanceId);
    }

    [Fact]
    public async Task Lookups_that_ask_for_the_source_destination_check_share_one_ENI_read_and_the_others_get_none()
    {
        var off = DemoWorld.Nodes[1];
        var (ecs, provider) = EmulatedCloud.EcsClient(cloud);
        await using (provider)
        {
            await ecs.ModifyNetworkInterfaceAttributeAsync(new() { NetworkInterfaceId = EniOf(off.InstanceId), SourceDestCheck = false }, default);
        }

        cloud.Calls.Clear();
        using var batcher = Batcher();

        var asking = DemoWorld.Nodes.Take(2).Select(n => batcher.FindByPrivateIpAsync(n.PrivateIp, true, default)).ToList();
        var plain = batcher.FindByIdAsync(DemoWorld.Nodes[2].InstanceId, false, default);
        var lookups = await Task.WhenAll(asking);

        Assert.Equal(new Dictionary<string, bool> { [EniOf(DemoWorld.Nodes[0].InstanceId)] = true }, lookups[0].SourceDestCheck);
        Assert.Equal(new Dictionary<string, bool> { [EniOf(off.InstanceId)] = false }, lookups[1].SourceDestCheck);
        Assert.Empty((await plain).SourceDestCheck);
        Assert.Equal((2, 1), (cloud.Calls.CountOf("DescribeInstances"), cloud.Calls.CountOf("DescribeNetworkInterfaces")));
    }

    [Fact]
    public async Task A_failed_ENI_read_fails_only_the_lookups_that_asked_for_it()
    {
        using var batcher = Batcher();
        cloud.Faults.SetErrorRate(1.0, "DescribeNetworkInterfaces");

        var asking = batcher.FindByIdAsync(DemoWorld.Nodes[0].InstanceId, true, default);
        var plain = batcher.FindByIdAsync(DemoWorld.Nodes[1].InstanceId, false, default);

        await Assert.ThrowsAnyAsync<Exception>(() => asking);
        Assert.Equal(DemoWorld.Nodes[1].InstanceId, (await plain).Single?.InstanceId);
        Assert.Equal(1, cloud.Calls.CountOf("DescribeInstances"));
    }

    [Fact]
    public async Task A_waiter_that_gives_up_does_not_cancel_the_others()
    {
        cloud.Faults.SetLatency(TimeSpan.FromMilliseconds(500), "DescribeInstances");
        using var batcher = Batcher();
        using var impatient = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        var cancelled = batcher.FindByIdAsync(DemoWorld.Nodes[0].InstanceId, false, impatient.Token);
        var patient = batcher.FindByIdAsync(DemoWorld.Nodes[1].InstanceId, false, default);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        Assert.Equal(DemoWorld.Nodes[1].InstanceId, (await patient).Single?.InstanceId);
    }

    private string EniOf(string instanceId) => cloud.Cloud.Instances.Single(i => i.InstanceId == instanceId).NetworkInterfaceId;

    private InstanceBatcher Batcher(int batchSize = 100)
    {
        (var ecs, clients) = EmulatedCloud.EcsClient(cloud);
        var options = new CcmOptions { ClusterId = DemoWorld.ClusterId, RegionId = DemoWorld.RegionId, VpcId = DemoWorld.VpcId, NodeBatchSize = batchSize };
        // A long quiet period: requests started together must land in one batch even on a loaded machine.
        var window = new InstanceBatchOptions { Quiet = TimeSpan.FromMilliseconds(300), MaxWait = TimeSpan.FromSeconds(5) };
        return new InstanceBatcher(ecs, options, window, TimeProvider.System, NullLogger<InstanceBatcher>.Instance);
    }
}

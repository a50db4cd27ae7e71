using Ccm.CloudClients.Slb;
using Ccm.TestSupport;
using static Ccm.EndToEnd.Tests.Services.UpstreamExample;

namespace Ccm.EndToEnd.Tests.Services;

/// <summary>
/// The real silo never makes a second load balancer and never deletes what is not its own: a create whose answer
/// the emulator drops still leaves exactly one CLB, and a user's CLB adopted with the <c>-id</c> annotation keeps
/// itself and its user listener when the Service goes.
/// </summary>
public sealed class LoadBalancerOwnershipTests : IAsyncLifetime
{
    private SandboxWorld world = null!;
    private InProcessSilo silo = null!;

    public async Task InitializeAsync()
    {
        world = await SandboxWorld.StartAsync(deployDemoApp: false);
        silo = await world.StartSiloAsync("ownership", ["--leader-elect=false"]);
        await SetProviderIdsAsync(world.Kubectl);
    }

    public Task DisposeAsync() => world.DisposeAsync();

    [Fact]
    public async Task A_create_whose_responses_are_dropped_leaves_exactly_one_load_balancer()
    {
        var before = world.Cloud.Cloud.LoadBalancers.Count;
        world.Cloud.Faults.DropResponses("CreateLoadBalancer", 2);

        await world.Kubectl.ApplyAsync(Manifest);
        await Eventually.TrueAsync(() => IngressIp(world) is not null, "the Service shows its address", TestTimings.Generous);

        var creates = world.Cloud.Calls.Of("CreateLoadBalancer");
        Assert.Equal(2, creates.Count(c => c.Fault == "dropped"));
        Assert.Equal(before + 1, world.Cloud.Cloud.LoadBalancers.Count);
        var lb = LoadBalancerOf(world, Uid(world))!;
        Assert.Equal(lb.Address, IngressIp(world));
        Assert.Single(world.Cloud.Cloud.VServerGroups(lb.LoadBalancerId));
        Assert.Single(lb.Listeners.Values);
    }

    [Fact]
    public async Task An_adopted_load_balancer_survives_deletion_with_its_user_listener_untouched()
    {
        var slb = silo.Get<ISlbClient>();
        var user = await slb.CreateLoadBalancerAsync(new CreateLoadBalancerRequest { ClientToken = "users-own-lb", LoadBalancerName = "users-lb", AddressType = "intranet" }, default);
        var userGroup = await slb.CreateVServerGroupAsync(new CreateVServerGroupRequest { LoadBalancerId = user.LoadBalancerId, VServerGroupName = "user-group" }, default);
        await slb.CreateLoadBalancerTCPListenerAsync(new CreateLoadBalancerTCPListenerRequest
        {
            LoadBalancerId = user.LoadBalancerId, ListenerPort = 8080, Bandwidth = -1, VServerGroupId = userGroup.VServerGroupId, Description = "user listener",
        }, default);
        var userListener = world.Cloud.Cloud.LoadBalancer(user.LoadBalancerId)!.Listeners.Values.Single();
        var protection = world.Cloud.Cloud.LoadBalancer(user.LoadBalancerId)!.DeleteProtection;

        await world.Kubectl.ApplyAsync(Manifest.Replace(
            "alibaba-cloud-loadbalancer-address-type: \"intranet\"",
            $"alibaba-cloud-loadbalancer-id: \"{user.LoadBalancerId}\"\n    service.beta.kubernetes.io/alibaba-cloud-loadbalancer-force-override-listeners: \"true\"",
            StringComparison.Ordinal));
        await Eventually.TrueAsync(() => IngressIp(world) == user.Address, "the Service shows the adopted address", TestTimings.Generous);
        await Eventually.TrueAsync(
            () => world.Cloud.Cloud.LoadBalancer(user.LoadBalancerId)!.Listeners.Values.Any(l => l is { ListenerPort: 80, Status: "running" }),
            "our TCP:80 listener runs beside the user's",
            TestTimings.Generous);
        Assert.Equal(2, world.Cloud.Cloud.VServerGroups(user.LoadBalancerId).Count);

        await world.Kubectl.CheckedAsync("delete", "svc", "nginx", "--wait=false");
        await Eventually.TrueAsync(() => Service(world) is null, "the Service goes once our part of the CLB is gone", TestTimings.Generous);

        var after = world.Cloud.Cloud.LoadBalancer(user.LoadBalancerId);
        Assert.NotNull(after);
        Assert.Equal(userListener, Assert.Single(after.Listeners.Values));
        Assert.Equal("user-group", Assert.Single(world.Cloud.Cloud.VServerGroups(user.LoadBalancerId)).VServerGroupName);
        Assert.Equal(protection, after.DeleteProtection);
        Assert.DoesNotContain(after.Tags, t => t.Key is "kubernetes.do.not.delete" or "ack.aliyun.com");
    }
}

using Ccm.CloudClients.Ecs;
using Ccm.CloudClients.Transport.Budget;
using Ccm.CloudClients.Slb;
using Ccm.CloudClients.Vpc;
using Ccm.GrainInterfaces;
using Ccm.GrainInterfaces.State;
using Ccm.Grains.Cluster;
using Ccm.Grains.Events;
using Ccm.Grains.Services;
using Ccm.Grains.Tests.Support;
using Ccm.Sandbox.Demo;
using Ccm.TestSupport;
using k8s;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static Ccm.Grains.Tests.Services.ServiceBuilders;

namespace Ccm.Grains.Tests.Services;

/// <summary>The Service grain in a real Orleans silo: found by Orleans, woken by signals and by its periodic resync.</summary>
public sealed class ServiceGrainTests(ServiceWorld world) : IClassFixture<ServiceWorld>
{
    [Fact]
    public async Task A_signal_creates_the_load_balancer_and_the_resync_corrects_drift_until_the_Service_goes()
    {
        var h = world.NewHarness();
        var options = Options() with { ServiceResyncPeriod = TimeSpan.FromSeconds(2) };
        await using var silo = await OrleansTestSilo.StartAsync(services => services
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Debug).AddProvider(world.Logs))
            .AddSingleton<IClusterCache>(h.Cache)
            .AddSingleton<IEventRecorder>(h.Events)
            .AddSingleton<IKubernetes>(world.KubeClient)
            .AddSingleton(world.Slb).AddSingleton(world.Ecs).AddSingleton(world.Vpc)
            .AddCcmGrains(options));
        var board = silo.Services.GetRequiredService<IGrainStateBoard>();
        var service = await h.CreateAsync(Svc("grain-web"));
        var key = GrainKeys.Service("default", "grain-web");

        try
        {
            await silo.Signal<IServiceGrain>(key);
            await Eventually.TrueAsync(() => board.Get<ServiceGrainState>(key) is { Phase: GrainPhase.Ready, LoadBalancerId: not null }, "the load balancer is ensured");
            var lbId = board.Get<ServiceGrainState>(key)!.LoadBalancerId!;
            Assert.Equal(h.LoadBalancerOf(service)!.LoadBalancerId, lbId);
            Assert.NotNull(board.Get<ServiceGrainState>(key)!.NextReminderAt);

            await h.RefreshAsync("grain-web"); // as the watcher would, after the grain's own finalizer and status writes
            await world.Slb.SetLoadBalancerTCPListenerAttributeAsync(new SetLoadBalancerTCPListenerAttributeRequest { LoadBalancerId = lbId, ListenerPort = 80, Scheduler = "wlc" }, default);
            await Eventually.TrueAsync(() => world.Cloud.Cloud.LoadBalancer(lbId)!.Listeners.Values.Single().Attributes["Scheduler"] == "rr", "the resync set the scheduler back");
            // The grain publishes its state after the write the cloud already shows.
            await Eventually.TrueAsync(
                () => board.Get<ServiceGrainState>(key)!.RecentPlans.Any(p => p.Trigger == "resync" && p.Operations.Any(o => o.Action == "SetLoadBalancerTCPListenerAttribute")),
                "the resync's plan is published");

            await world.KubeClient.CoreV1.DeleteNamespacedServiceAsync("grain-web", "default");
            await h.RefreshAsync("grain-web");
            await silo.Signal<IServiceGrain>(key);
            await Eventually.TrueAsync(() => world.Cloud.Cloud.LoadBalancer(lbId) is null, "the load balancer is deleted");
            await Eventually.TrueAsync(async () => await world.KubeClient.CoreV1.ReadNamespacedServiceAsync("grain-web", "default").OrNullAsync() is null, "the finalizer is gone");
            await Eventually.TrueAsync(() => silo.Activity.Find("service", key) is null, "the grain retires: no resync is left for a Service that is gone");
        }
        finally
        {
            h.Cache.VerifyUnchanged();
        }
    }

    [Fact]
    public async Task With_every_other_Service_queued_for_a_resync_an_endpoint_change_is_applied_first()
    {
        const int Resyncs = 10;
        var h = world.NewHarness();
        string[] quiet = [.. Enumerable.Range(0, Resyncs).Select(i => $"queued-{i}")];
        foreach (var name in quiet.Append("moving"))
        {
            await h.CreateAsync(Svc(name, tweaks: Policy("Local")));
            h.Cache.With(Slice(name, [("172.20.0.7", "demo-node-1")], name: name));
            await h.TurnAsync(name);
        }

        // Four SLB calls a second, one at a time: the resyncs' 40 reads take ten seconds to drain.
        await using var budgeted = world.CreateClients(attempts: 8, rateLimits: "SLB=4:1");
        var budget = budgeted.GetRequiredService<CloudCallBudget>();
        await using var silo = await OrleansTestSilo.StartAsync(services => services
            .AddLogging(b => b.AddProvider(world.Logs))
            .AddSingleton<IClusterCache>(h.Cache)
            .AddSingleton<IEventRecorder>(h.Events)
            .AddSingleton<IKubernetes>(world.KubeClient)
            .AddSingleton(budgeted.GetRequiredService<ISlbClient>()).AddSingleton(world.Ecs).AddSingleton(world.Vpc)
            .AddCcmGrains(Options()));
        var moving = h.LoadBalancerOf((await h.RefreshAsync("moving"))!)!;

        await Task.WhenAll(quiet.Select(name => silo.Signal<IServiceGrain>(GrainKeys.Service("default", name), SignalKind.Resync)));
        await Eventually.TrueAsync(() => ResyncWaiters(budget) >= Resyncs / 2, "the resyncs queue for the budget");
        h.Cache.With(Slice("moving", [("172.20.1.7", "demo-node-2")], name: "moving"));
        await silo.Signal<IServiceGrain>(GrainKeys.Service("default", "moving"));

        await Eventually.TrueAsync(
            () => world.Cloud.Cloud.VServerGroups(moving.LoadBalancerId).Single().BackendServers.Select(b => b.ServerId).SequenceEqual([DemoWorld.Nodes[1].InstanceId]),
            "the moved endpoint's node is the only backend", TimeSpan.FromSeconds(60));
        var stillQueued = ResyncWaiters(budget);
        var board = silo.Services.GetRequiredService<IGrainStateBoard>();
        var resynced = quiet.Count(name => board.Get<ServiceGrainState>(GrainKeys.Service("default", name))?.RecentPlans.Any(p => p.Trigger == "resync") == true);
        Assert.True(stillQueued > 0 && resynced < Resyncs, $"the change was applied with {stillQueued} resync calls queued and {resynced} of {Resyncs} resyncs done");
    }

    private static int ResyncWaiters(CloudCallBudget budget) => budget.Snapshot().Sum(s => s.ResyncWaiters);
}

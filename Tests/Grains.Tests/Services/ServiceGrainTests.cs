using Ccm.CloudClients.Ecs;
using Ccm.CloudClients.Slb;
using Ccm.CloudClients.Vpc;
using Ccm.GrainInterfaces;
using Ccm.GrainInterfaces.State;
using Ccm.Grains.Cluster;
using Ccm.Grains.Events;
using Ccm.Grains.Services;
using Ccm.Grains.Tests.Support;
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
}

using Ccm.CloudClients.Ecs;
using Ccm.CloudClients.Slb;
using Ccm.CloudClients.Vpc;
using Ccm.GrainInterfaces;
using Ccm.GrainInterfaces.State;
using Ccm.Grains.Cluster;
using Ccm.Grains.Events;
using Ccm.Grains.Services;
using Ccm.Grains.Tests.Support;
using Ccm.Runtime;
using Ccm.TestSupport;
using k8s;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using static Ccm.Grains.Tests.Services.ServiceBuilders;

namespace Ccm.Grains.Tests.Services;

/// <summary>The Service grain in a real silo: registered by <c>AddCcmGrains</c>, woken by signals and by its reminder.</summary>
public sealed class ServiceGrainTests(ServiceWorld world) : IClassFixture<ServiceWorld>
{
    [Fact]
    public async Task A_signal_creates_the_load_balancer_and_the_reminder_corrects_drift_until_the_Service_goes()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var reminders = new InMemoryReminderTable();
        var h = world.NewHarness();
        var options = Options() with { ServiceResyncPeriod = TimeSpan.FromMinutes(1) };
        var services = new ServiceCollection()
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Debug).AddProvider(world.Logs))
            .AddSingleton<TimeProvider>(time)
            .AddGrainRuntime(o =>
            {
                o.SiloName = "silo-a";
                o.Leases.LeaderElect = false;
                o.MinimumReminderPeriod = TimeSpan.FromSeconds(1);
            })
            .AddInMemoryGrainStorage(reminders: reminders)
            .AddSingleton<IClusterCache>(h.Cache)
            .AddSingleton<IEventRecorder>(h.Events)
            .AddSingleton<IKubernetes>(world.KubeClient)
            .AddSingleton(world.Slb).AddSingleton(world.Ecs).AddSingleton(world.Vpc)
            .AddCcmGrains(options);
        await using var provider = services.BuildServiceProvider();
        var silo = provider.GetRequiredService<GrainSilo>();
        await silo.StartAsync(CancellationToken.None);
        var board = provider.GetRequiredService<IGrainStateBoard>();
        var service = await h.CreateAsync(Svc("grain-web"));
        var key = GrainKeys.Service("default", "grain-web");

        try
        {
            provider.GetRequiredService<IGrainFactory>().Signal<IServiceGrain>(key);
            await Eventually.TrueAsync(() => board.Get<ServiceGrainState>(key) is { Phase: GrainPhase.Ready, LoadBalancerId: not null }, "the load balancer is ensured");
            var lbId = board.Get<ServiceGrainState>(key)!.LoadBalancerId!;
            Assert.Equal(h.LoadBalancerOf(service)!.LoadBalancerId, lbId);
            Assert.Contains(reminders.All, r => r.ReminderName == ServiceGrain.ResyncReminder && r.GrainId.Key == key);

            await h.RefreshAsync("grain-web"); // as the watcher would, after the grain's own finalizer and status writes
            await world.Slb.SetLoadBalancerTCPListenerAttributeAsync(new SetLoadBalancerTCPListenerAttributeRequest { LoadBalancerId = lbId, ListenerPort = 80, Scheduler = "wlc" }, default);
            time.Advance(TimeSpan.FromMinutes(1));
            await Eventually.TrueAsync(() => world.Cloud.Cloud.LoadBalancer(lbId)!.Listeners.Values.Single().Attributes["Scheduler"] == "rr", "the reminder set the scheduler back");
            // The grain publishes its state after the write the cloud already shows.
            await Eventually.TrueAsync(
                () => board.Get<ServiceGrainState>(key)!.RecentPlans.Any(p => p.Trigger == "reminder" && p.Operations.Any(o => o.Action == "SetLoadBalancerTCPListenerAttribute")),
                "the reminder's plan is published");

            await world.KubeClient.CoreV1.DeleteNamespacedServiceAsync("grain-web", "default");
            await h.RefreshAsync("grain-web");
            provider.GetRequiredService<IGrainFactory>().Signal<IServiceGrain>(key);
            await Eventually.TrueAsync(() => world.Cloud.Cloud.LoadBalancer(lbId) is null, "the load balancer is deleted");
            await Eventually.TrueAsync(async () => await world.KubeClient.CoreV1.ReadNamespacedServiceAsync("grain-web", "default").OrNullAsync() is null, "the finalizer is gone");
            await Eventually.TrueAsync(() => !reminders.All.Any(r => r.GrainId.Key == key), "the reminder is dropped");
        }
        finally
        {
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await silo.StopAsync(stop.Token);
            h.Cache.VerifyUnchanged();
        }
    }
}

using System.Text.Json.Nodes;
using Ccm.Grains.Placement;
using Ccm.Grains.Services;
using Ccm.Grains.State;
using Ccm.Grains.Tests.Reconcile.Support;
using Ccm.Grains.Tests.Support;
using Ccm.Grains.Watcher;
using Ccm.Sandbox.Demo;
using Ccm.Sandbox.Kube;
using Ccm.TestSupport;
using k8s;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.TestingHost;
using Xunit.Abstractions;

namespace Ccm.Grains.Tests.Reconcile;

/// <summary>
/// A graceful stop hands a silo's grains over: its keys are owned by the survivors, and each survivor's watcher wakes
/// exactly the keys it inherited (<see cref="FanOutRules.ForInherited"/> through <see cref="SignalDispatcher"/>), which
/// activate and reconcile there. The silos run the real watcher over the Kubernetes emulator; the Service grain is a
/// stand-in that records its turns.
/// </summary>
public sealed class HandoverTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Services = 300;
    private KubeEmulator kube = null!;

    [Fact]
    public async Task A_gracefully_stopped_silos_share_moves_to_the_survivors_and_only_that_share_is_woken()
    {
        await using var cluster = await ReconcileCluster.StartAsync(new ClusterSetup { Silos = 3, Services = AddWatcher }, output);
        // Created once all three silos run: each Service's grain is placed on its owner by the owner's watcher.
        var keys = Enumerable.Range(0, Services).Select(i => CreateLoadBalancerService($"svc-{i:D3}")).ToList();
        await Eventually.TrueAsync(() => keys.All(k => cluster.Idle(ServiceStandInGrain.KindName, k)), "every Service was reconciled once");

        var silos = cluster.Silos;
        var leaving = silos[2];
        var survivors = silos.Except([leaving]).ToList();
        var departed = keys.Where(k => Equals(SiloOwnership.OwnerOf(k, [.. silos.Select(s => s.SiloAddress)]), leaving.SiloAddress)).ToList();
        Assert.All(departed, k => Assert.NotNull(cluster.Activity(leaving).Find(ServiceStandInGrain.KindName, k)));
        var sentBefore = survivors.ToDictionary(s => s, ServiceSignalsSent);
        var turnsBefore = keys.ToDictionary(k => k, k => cluster.Probe.TurnsOf(k).Count);

        await cluster.StopSiloAsync(leaving);
        await cluster.WaitForMembersAsync();

        var remaining = survivors.Select(s => s.SiloAddress).ToList();
        await Eventually.TrueAsync(
            () => departed.All(k => cluster.Probe.TurnsOf(k).Count > turnsBefore[k] && cluster.Idle(ServiceStandInGrain.KindName, k)),
            "every departed grain was woken and reconciled on a survivor");
        Assert.All(departed, k => Assert.Equal(SiloOwnership.OwnerOf(k, remaining), cluster.Probe.TurnsOf(k)[^1].Silo));
        Assert.All(departed, k => Assert.Single(survivors, s => cluster.Ownership(s).Owns(k)));
        var woken = survivors.Sum(s => ServiceSignalsSent(s) - sentBefore[s]);
        output.WriteLine($"{departed.Count} of {keys.Count} Services were owned by the stopped silo; the survivors sent {woken} signals");
        Assert.Equal(departed.Count, woken);
        Assert.InRange(departed.Count, Services / 5, Services / 2); // about a third, not all
        Assert.All(keys.Except(departed), k => Assert.Equal(turnsBefore[k], cluster.Probe.TurnsOf(k).Count));
    }

    public async Task InitializeAsync() =>
        kube = await KubeEmulator.StartAsync(new KubeEmulatorOptions { Seed = SeedKind.Empty, RunControllers = false });

    public async Task DisposeAsync() => await kube.DisposeAsync();

    private static long ServiceSignalsSent(InProcessSiloHandle silo) =>
        silo.ServiceProvider.GetRequiredService<SignalDispatcher>().Sent.GetValueOrDefault(nameof(SignalTarget.Service));

    /// <summary>The watcher of the service controller, as the silo registers it, over a client of this silo's own.</summary>
    private void AddWatcher(string silo, IServiceCollection services) => services
        .AddSingleton(new CcmOptions { ClusterId = "c-handover", RegionId = DemoWorld.RegionId, VpcId = "vpc-handover", Controllers = ["service"] })
        .AddSingleton<IKubernetes>(_ => EmulatorKube.Client(kube))
        .AddSingleton<GrainStateBoard>()
        .AddClusterWatcher()
        // The watcher's Service signals reach the stand-in: the real Service grain is no grain class of these silos.
        .PostConfigure<GrainTypeOptions>(o => o.Classes.Remove(typeof(ServiceGrain)));

    private string CreateLoadBalancerService(string name)
    {
        kube.Objects.Create(new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Service",
            ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = "default" },
            ["spec"] = new JsonObject
            {
                ["type"] = "LoadBalancer",
                ["ports"] = new JsonArray(new JsonObject { ["port"] = 80, ["protocol"] = "TCP" }),
            },
        });
        return $"default/{name}";
    }
}

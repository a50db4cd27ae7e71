using System.Net;
using System.Text.Json.Nodes;
using Ccm.GrainInterfaces;
using Ccm.GrainInterfaces.State;
using Ccm.Grains.Cluster;
using Ccm.Grains.Events;
using Ccm.Grains.Routes;
using Ccm.Grains.Tests.Fakes;
using Ccm.Grains.Tests.Support;
using Ccm.Sandbox.Aliyun;
using Ccm.Sandbox.Aliyun.Control;
using Ccm.Sandbox.Demo;
using Ccm.Sandbox.Kube;
using Ccm.TestSupport;
using k8s;
using k8s.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ccm.Grains.Tests.Routes.Support;

/// <summary>
/// A silo with the route controller, built as the host builds it (<c>AddCcmGrains</c>), against both in-process
/// emulators over HTTP: the demo cloud (two custom route tables) and the demo cluster, whose nodes get providerIDs as
/// the node controller would give them. There is no watcher: a test plays it (<see cref="SignalAsync"/>: the cache takes
/// the emulator's Nodes, every route table grain is signalled). Each signal and the end checks that no turn changed a cached
/// Node in place.
/// </summary>
internal sealed class RouteSilo : IAsyncDisposable
{
    public static readonly IReadOnlyList<string> Tables = DemoWorld.CustomRouteTableIds;

    private readonly IServiceProvider services;

    private RouteSilo(OrleansTestSilo silo, AliyunEmulator cloud, KubeEmulator kube, CcmOptions options)
    {
        services = silo.Services;
        Cloud = cloud;
        Kube = kube;
        Options = options;
        Silo = silo;
    }

    public AliyunEmulator Cloud { get; }

    public KubeEmulator Kube { get; }

    public CcmOptions Options { get; }

    public OrleansTestSilo Silo { get; }

    public FakeClusterCache Cache => (FakeClusterCache)services.GetRequiredService<IClusterCache>();

    public RecordingEventRecorder Events => (RecordingEventRecorder)services.GetRequiredService<IEventRecorder>();

    public CapturingLoggerProvider Logs => services.GetRequiredService<CapturingLoggerProvider>();

    public IGrainStateBoard Board => services.GetRequiredService<IGrainStateBoard>();

    /// <summary>Starts the silo; <paramref name="prepare"/> may change the cloud and cluster before it runs.</summary>
    public static async Task<RouteSilo> StartAsync(Func<CcmOptions, CcmOptions>? configure = null, Action<AliyunEmulator, KubeEmulator>? prepare = null)
    {
        var logs = new CapturingLoggerProvider();
        var cloud = await RouteCloud.StartAsync();
        var kube = await KubeEmulator.StartAsync(new KubeEmulatorOptions { Seed = SeedKind.Demo, RunControllers = false });
        foreach (var node in DemoWorld.Nodes)
        {
            kube.Objects.Patch("nodes", null, node.Name, KubePatchType.Merge, new JsonObject { ["spec"] = new JsonObject { ["providerID"] = node.ProviderId } });
        }

        prepare?.Invoke(cloud, kube);
        var defaults = new CcmOptions
        {
            ClusterId = DemoWorld.ClusterId, RegionId = DemoWorld.RegionId, VpcId = DemoWorld.VpcId, Controllers = ["route"],
            ConfigureCloudRoutes = true, ClusterCidr = IPNetwork.Parse(DemoWorld.ClusterCidr), RouteTableIds = [.. Tables],
            RouteReconciliationPeriod = TimeSpan.FromHours(1),
        };
        var options = configure?.Invoke(defaults) ?? defaults;
        var silo = await OrleansTestSilo.StartAsync(collection => collection
            .AddSingleton(logs)
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Debug).AddProvider(logs))
            .AddRouteCloudClients(cloud)
            .AddSingleton<IKubernetes>(_ => EmulatorKube.Client(kube)) // created, and disposed, by the container
            .AddSingleton<IClusterCache>(new FakeClusterCache())
            .AddSingleton<IEventRecorder>(new RecordingEventRecorder())
            .AddCcmGrains(options));
        return new RouteSilo(silo, cloud, kube, options);
    }

    public IReadOnlyList<string> TableIds => services.GetRequiredService<RouteTableSet>().Ids;

    /// <summary>What the watcher does: the cache takes the emulator's Nodes, and every route table grain is signalled.</summary>
    public void Signal()
    {
        Cache.VerifyUnchanged();
        var nodes = Kube.Objects.List("nodes").Select(j => KubernetesJson.Deserialize<V1Node>(j)).ToList();
        foreach (var gone in Cache.ListNodes().Where(c => nodes.All(n => n.Metadata.Name != c.Metadata.Name)).ToList())
        {
            Cache.WithoutNode(gone.Metadata.Name!);
        }

        nodes.ForEach(n => Cache.With(n));
        foreach (var table in TableIds)
        {
            _ = Silo.Signal<IRouteTableGrain>(table);
        }
    }

    /// <summary>Signals, then waits until every route grain has nothing queued, running or scheduled.</summary>
    public async Task SignalAsync(string because)
    {
        var before = DateTimeOffset.UtcNow;
        Signal();
        await Eventually.TrueAsync(() => TableIds.All(t => State(t)?.LastReconciledAt >= before) && Settled(), because, TimeSpan.FromSeconds(60));
        Cache.VerifyUnchanged();
    }

    public RouteTableGrainState? State(string table) => Board.Get<RouteTableGrainState>(table);

    /// <summary>The table's Custom entries now (destination, next hop, status).</summary>
    public IReadOnlyList<(string Destination, string NextHop, string Status)> Routes(string table) =>
        [.. Cloud.Cloud.RouteEntries(table).Where(e => e.Entry.IsCustom)
            .Select(e => (e.Entry.DestinationCidrBlock, string.Join("+", e.Entry.NextHops.Select(h => h.NextHopId)), e.Status))];

    /// <summary>The node's NetworkUnavailable condition as the Kubernetes emulator holds it.</summary>
    public V1NodeCondition? Condition(string node) =>
        Kube.Objects.Get("nodes", null, node) is { } json
            ? KubernetesJson.Deserialize<V1Node>(json).Status?.Conditions?.FirstOrDefault(c => c.Type == NetworkCondition.Type)
            : null;

    /// <summary>A new ECS instance and its Node, with providerID and pod CIDR.</summary>
    public string AddNode(string name, string podCidr)
    {
        var instance = Cloud.Cloud.AddInstance(new NewInstance { InstanceName = name });
        Kube.Objects.Create(new JsonObject
        {
            ["apiVersion"] = "v1", ["kind"] = "Node",
            ["metadata"] = new JsonObject { ["name"] = name },
            ["spec"] = new JsonObject { ["providerID"] = $"{DemoWorld.RegionId}.{instance.InstanceId}", ["podCIDR"] = podCidr, ["podCIDRs"] = new JsonArray(podCidr) },
        });
        return instance.InstanceId;
    }

    public long Writes => new[] { "CreateRouteEntry", "CreateRouteEntries", "DeleteRouteEntry", "DeleteRouteEntries" }.Sum(Cloud.Calls.CountOf);

    public bool Settled() =>
        Silo.Activity.Activations.Where(a => a.Kind is "routetable" or "networkcondition").All(a => a.State == "Idle");

    public async ValueTask DisposeAsync()
    {
        var cache = Cache;
        try
        {
            await Silo.DisposeAsync();
            await Kube.DisposeAsync();
            await Cloud.DisposeAsync();
        }
        finally
        {
            cache.VerifyUnchanged(); // the turns after the last signal too
        }
    }
}

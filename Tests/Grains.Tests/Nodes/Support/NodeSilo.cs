using System.Text.Json.Nodes;
using Ccm.GrainInterfaces;
using Ccm.GrainInterfaces.State;
using Ccm.Grains.Cluster;
using Ccm.Grains.Events;
using Ccm.Grains.Nodes;
using Ccm.Grains.Tests.Fakes;
using Ccm.Grains.Tests.Support;
using Ccm.Sandbox.Aliyun;
using Ccm.Sandbox.Demo;
using Ccm.Sandbox.Kube;
using Ccm.TestSupport;
using k8s;
using k8s.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ccm.Grains.Tests.Nodes.Support;

/// <summary>
/// A silo with the node controller, built as the host builds it (<c>AddCcmGrains</c>), against both in-process
/// emulators over HTTP. There is no watcher: a test plays it in rounds (<see cref="RoundAsync"/>): copy the Nodes from
/// the Kubernetes emulator into the <see cref="FakeClusterCache"/>, signal the grains, wait until each has published,
/// and check that no turn changed a cached Node in place.
/// </summary>
internal sealed class NodeSilo : IAsyncDisposable
{
    private readonly IServiceProvider services;

    private NodeSilo(OrleansTestSilo silo, AliyunEmulator cloud, KubeEmulator kube)
    {
        services = silo.Services;
        Cloud = cloud;
        Kube = kube;
        Silo = silo;
    }

    public AliyunEmulator Cloud { get; }

    public KubeEmulator Kube { get; }

    public OrleansTestSilo Silo { get; }

    public FakeClusterCache Cache => (FakeClusterCache)services.GetRequiredService<IClusterCache>();

    public RecordingEventRecorder Events => (RecordingEventRecorder)services.GetRequiredService<IEventRecorder>();

    public IGrainStateBoard Board => services.GetRequiredService<IGrainStateBoard>();

    public CapturingLoggerProvider Logs => services.GetRequiredService<CapturingLoggerProvider>();

    public static async Task<NodeSilo> StartAsync(Func<CcmOptions, CcmOptions>? configure = null, InstanceBatchOptions? batch = null, SeedKind seed = SeedKind.Demo)
    {
        var logs = new CapturingLoggerProvider();
        var cloud = await AliyunEmulator.StartAsync(EmulatedCloud.Options(seed));
        var kube = await KubeEmulator.StartAsync(new KubeEmulatorOptions { Seed = seed, RunControllers = false });
        var options = new CcmOptions { ClusterId = DemoWorld.ClusterId, RegionId = DemoWorld.RegionId, VpcId = DemoWorld.VpcId, Controllers = ["node"] };
        var silo = await OrleansTestSilo.StartAsync(collection => collection
            .AddSingleton(logs)
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Debug).AddProvider(logs))
            .AddEmulatedCloudClients(cloud)
            .AddSingleton(batch ?? new InstanceBatchOptions())
            .AddSingleton<IKubernetes>(_ => EmulatorKube.Client(kube)) // created, and disposed, by the container
            .AddSingleton<IClusterCache>(new FakeClusterCache())
            .AddSingleton<IEventRecorder>(new RecordingEventRecorder())
            .AddCcmGrains(configure?.Invoke(options) ?? options));
        return new NodeSilo(silo, cloud, kube);
    }

    public IReadOnlyList<V1Node> Nodes() => [.. Kube.Objects.List("nodes").Select(ToNode)];

    public V1Node? Node(string name) => Kube.Objects.Get("nodes", null, name) is { } json ? ToNode(json) : null;

    public NodeGrainState? State(string name) => Board.Get<NodeGrainState>(name);

    public long DescribeInstancesCalls => Cloud.Calls.CountOf("DescribeInstances");

    /// <summary>What the watcher would do: the cache takes the emulator's Nodes, every grain of a Node (or of one that
    /// just went) is signalled, and the round ends when each has published its state and has no turn queued or running.</summary>
    public async Task RoundAsync(params string[] names)
    {
        var nodes = Nodes();
        foreach (var gone in Cache.ListNodes().Where(c => nodes.All(n => n.Metadata.Name != c.Metadata.Name)).ToList())
        {
            Cache.WithoutNode(gone.Metadata.Name!);
        }

        nodes.ToList().ForEach(n => Cache.With(n));
        var targets = names.Length > 0 ? names : [.. nodes.Select(n => n.Metadata.Name!)];
        var before = DateTimeOffset.UtcNow;
        await Task.WhenAll(targets.Select(name => Silo.Signal<INodeGrain>(name)));

        await Eventually.TrueAsync(
            () => targets.All(n => Published(n, before) && Settled(n)),
            $"the grains of {targets.Length} node(s) finished their turn", TimeSpan.FromSeconds(60));
        Cache.VerifyUnchanged();
    }

    /// <summary>Patches a Node's Ready condition as the node lifecycle controller does when a kubelet goes silent.</summary>
    public void SetReady(string name, string status) =>
        Kube.Objects.Patch("nodes", null, name, KubePatchType.StrategicMerge,
            new JsonObject { ["status"] = new JsonObject { ["conditions"] = new JsonArray(new JsonObject { ["type"] = "Ready", ["status"] = status }) } },
            "status");

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
            cache.VerifyUnchanged(); // the turns after the last round too
        }
    }

    /// <summary>A Node's grain published after <paramref name="since"/>; the grain of a Node that is gone removed its state.</summary>
    private bool Published(string name, DateTimeOffset since) =>
        Cache.GetNode(name) is null ? State(name) is null : State(name)?.LastReconciledAt >= since;

    private bool Settled(string name) => Silo.Settled("node", name);

    private static V1Node ToNode(JsonObject json) => KubernetesJson.Deserialize<V1Node>(json);
}

using System.Diagnostics.Metrics;
using Ccm.Grains.Events;
using Ccm.Grains.Tests.Support;
using Ccm.Kube.Client;
using Ccm.Sandbox.Kube;
using k8s;
using k8s.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ccm.Grains.Tests.Events;

/// <summary>The recorder against the Kubernetes emulator over HTTP.</summary>
public sealed class KubeEventRecorderTests : IAsyncLifetime
{
    private static readonly V1ObjectReference Web = new() { ApiVersion = "v1", Kind = "Service", NamespaceProperty = "default", Name = "web", Uid = "u1" };
    private static readonly V1ObjectReference Node1 = new() { ApiVersion = "v1", Kind = "Node", Name = "node-1", Uid = "n1" };

    private readonly ServiceProvider meters = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private KubeEmulator emulator = null!;
    private Kubernetes api = null!;

    public async Task InitializeAsync()
    {
        emulator = await KubeEmulator.StartAsync(new KubeEmulatorOptions());
        api = EmulatorKube.Client(emulator, new KubeClientOptions());
    }

    public async Task DisposeAsync()
    {
        api.Dispose();
        await emulator.DisposeAsync();
        await meters.DisposeAsync();
    }

    [Fact]
    public async Task Writes_a_core_v1_Event_as_upstream_s_recorder_does()
    {
        await using var recorder = Recorder(new EventRecorderOptions { Instance = "silo-a" });

        recorder.Record(Web, EventSeverity.Warning, "SyncLoadBalancerFailed", "spec: \"slb.s9\" is not allowed");
        await recorder.FlushAsync(CancellationToken.None);

        var written = Assert.Single(emulator.Objects.List("events", "default"));
        Assert.Equal("Service", (string?)written["involvedObject"]!["kind"]);
        Assert.Equal("web", (string?)written["involvedObject"]!["name"]);
        Assert.Equal(("SyncLoadBalancerFailed", "Warning", 1), ((string?)written["reason"], (string?)written["type"], (int?)written["count"]));
        Assert.Equal("cloud-controller-manager", (string?)written["source"]!["component"]);
        Assert.Equal(("cloud-controller-manager", "silo-a"), ((string?)written["reportingComponent"], (string?)written["reportingInstance"]));
        Assert.NotNull(written["firstTimestamp"]);
        Assert.StartsWith("web.", (string?)written["metadata"]!["name"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Identical_events_become_one_Event_with_a_count_and_cluster_scoped_objects_go_to_default()
    {
        await using var recorder = Recorder(new EventRecorderOptions());

        for (var i = 0; i < 3; i++)
        {
            recorder.Record(Node1, EventSeverity.Normal, "DeletedNode", "instance i-1 is gone");
        }

        recorder.Record(Node1, EventSeverity.Normal, "DeletedNode", "another message");
        await recorder.FlushAsync(CancellationToken.None);

        var events = emulator.Objects.List("events", "default");
        Assert.Equal([1, 3], events.Select(e => (int)e["count"]!).Order());
    }

    [Fact]
    public async Task Dry_run_writes_nothing()
    {
        await using var recorder = Recorder(new EventRecorderOptions { DryRun = true });
        recorder.Record(Web, EventSeverity.Normal, "EnsuredLoadBalancer", "ok");
        await recorder.FlushAsync(CancellationToken.None);
        Assert.Empty(emulator.Objects.List("events"));
    }

    [Fact]
    public async Task The_spam_filter_keeps_a_looping_object_to_its_burst()
    {
        await using var recorder = Recorder(new EventRecorderOptions { SpamBurst = 3 });
        for (var i = 0; i < 10; i++)
        {
            recorder.Record(Web, EventSeverity.Warning, "SyncLoadBalancerFailed", $"attempt {i}");
        }

        await recorder.FlushAsync(CancellationToken.None);
        Assert.Equal(3, emulator.Objects.List("events", "default").Count);
    }

    [Fact]
    public async Task Record_never_waits_for_the_API_server_and_a_full_queue_drops()
    {
        emulator.Faults.RequestLatency = TimeSpan.FromSeconds(2);
        await using var recorder = Recorder(new EventRecorderOptions { QueueCapacity = 2, SpamBurst = 100 });
        var watch = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < 50; i++)
        {
            recorder.Record(Web, EventSeverity.Normal, "Reason", $"message {i}");
        }

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1), $"Record took {watch.Elapsed}");
        emulator.Faults.RequestLatency = TimeSpan.Zero;
        await recorder.FlushAsync(CancellationToken.None);
        Assert.InRange(emulator.Objects.List("events", "default").Count, 1, 3);
    }

    [Fact]
    public async Task A_refused_write_is_not_retried_and_later_events_still_go_out()
    {
        await using var recorder = Recorder(new EventRecorderOptions { RetryDelay = TimeSpan.FromMilliseconds(10) });
        recorder.Record(Web.Clone(r => r.Name = "Not_A_Valid_Name"), EventSeverity.Normal, "Reason", "refused");
        recorder.Record(Web, EventSeverity.Normal, "Reason", "accepted");
        await recorder.FlushAsync(CancellationToken.None);

        var written = Assert.Single(emulator.Objects.List("events", "default"));
        Assert.Equal("accepted", (string?)written["message"]);
    }

    private KubeEventRecorder Recorder(EventRecorderOptions options) =>
        new(api, options, TimeProvider.System, NullLogger<KubeEventRecorder>.Instance, meters.GetRequiredService<IMeterFactory>());
}

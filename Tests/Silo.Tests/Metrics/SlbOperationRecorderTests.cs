using Ccm.Grains;
using Ccm.Grains.Observability;
using Ccm.Grains.Services;
using k8s.Models;

namespace Ccm.Silo.Tests.Metrics;

/// <summary>
/// When upstream's <c>ccm_slb_operation_result</c> and <c>ccm_slb_latencies_duration_milliseconds</c> move, as its
/// <c>clbv1/service_controller.go</c> records them around a reconcile.
/// </summary>
public sealed class SlbOperationRecorderTests : IDisposable
{
    private const string Key = "shop/web";
    private static readonly DateTime Created = new(2025, 12, 31, 23, 58, 30, DateTimeKind.Utc); // 90 s before the clock's start

    private readonly MeterFactoryScope meters = new();
    private readonly RecordedMeasurements recorded;
    private readonly TestClock clock = new();
    private readonly OneServiceCache cache = new();

    public SlbOperationRecorderTests() => recorded = new RecordedMeasurements(meters.Factory, UpstreamMetrics.MeterName);

    public void Dispose()
    {
        recorded.Dispose();
        meters.Dispose();
    }

    [Theory]
    [InlineData(false, false, "Creation")]
    [InlineData(true, false, "Update")]
    [InlineData(true, true, "Deletion")]
    [InlineData(false, true, "Deletion")]
    public void The_verb_is_upstreams_deletion_then_no_address_then_update(bool ingress, bool deleting, string verb)
    {
        Assert.Equal(verb, SlbOperation.Of(Service(ingress, deleting), cleanup: false).Verb.ToString());
    }

    [Fact]
    public void An_update_episode_lasts_while_the_spec_and_annotations_do()
    {
        var episode = SlbOperation.Of(Service(ingress: true), cleanup: false).Episode;
        Assert.Equal(episode, SlbOperation.Of(Service(ingress: true), cleanup: false).Episode);
        Assert.NotEqual(episode, SlbOperation.Of(Service(ingress: true, generation: 2), cleanup: false).Episode);
        Assert.NotEqual(episode, SlbOperation.Of(Service(ingress: true, scheduler: "wrr"), cleanup: false).Episode);
    }

    [Fact]
    public async Task A_creation_counts_once_however_often_it_is_retried_and_is_timed_from_the_Services_creation()
    {
        var slb = Recorder();
        cache.Service = Service(ingress: false);

        await Assert.ThrowsAsync<InvalidOperationException>(() => slb.RecordAsync(Key, Fails));
        await Assert.ThrowsAsync<InvalidOperationException>(() => slb.RecordAsync(Key, Fails));
        clock.Advance(TimeSpan.FromSeconds(10));
        await slb.RecordAsync(Key, Succeeds);
        await slb.RecordAsync(Key, Succeeds); // the cache has not seen the address written yet

        Assert.Equal([("Creation,Fail", 1d), ("Creation,Success", 1d)], Results());
        Assert.Equal([("Creation", 100_000d)], recorded.Of(UpstreamMetrics.SlbLatencyName, "verb"));
    }

    [Fact]
    public async Task An_update_counts_once_per_spec_version_and_every_successful_turn_is_timed_from_its_start()
    {
        var slb = Recorder();
        cache.Service = Service(ingress: true);

        await slb.RecordAsync(Key, SucceedsAfter(TimeSpan.FromMilliseconds(700)));
        await slb.RecordAsync(Key, SucceedsAfter(TimeSpan.FromMilliseconds(300))); // a resync
        cache.Service = Service(ingress: true, generation: 2);
        await slb.RecordAsync(Key, SucceedsAfter(TimeSpan.FromMilliseconds(1500)));

        Assert.Equal([("Update,Success", 1d), ("Update,Success", 1d)], Results());
        Assert.Equal([700d, 300d, 1500d], recorded.Of(UpstreamMetrics.SlbLatencyName).Select(m => m.Value));
    }

    [Fact]
    public async Task A_deletion_is_timed_from_the_deletion_timestamp()
    {
        var slb = Recorder();
        cache.Service = Service(ingress: true, deleting: true);
        clock.Advance(TimeSpan.FromSeconds(5));

        await slb.RecordAsync(Key, Succeeds);

        Assert.Equal([("Deletion,Success", 1d)], Results());
        Assert.Equal([("CLBType,Deletion", 65_000d)], recorded.Of(UpstreamMetrics.SlbLatencyName, "type", "verb"));
    }

    [Fact]
    public async Task A_cancelled_turn_is_neither_a_success_nor_a_failure()
    {
        var slb = Recorder();
        cache.Service = Service(ingress: false);

        await Assert.ThrowsAsync<OperationCanceledException>(() => slb.RecordAsync<int>(Key, () => throw new OperationCanceledException()));

        Assert.Empty(recorded.Of(UpstreamMetrics.SlbResultName));
    }

    [Theory]
    [InlineData("dry run")]
    [InlineData("cache not synced")]
    [InlineData("not a LoadBalancer")]
    [InlineData("gone")]
    public async Task Nothing_is_recorded_for_a_turn_upstream_would_not_count(string why)
    {
        var slb = Recorder(dryRun: why == "dry run");
        cache.HasSynced = why != "cache not synced";
        cache.Service = why == "gone" ? null : Service(ingress: false, type: why == "not a LoadBalancer" ? "ClusterIP" : "LoadBalancer", finalizer: false);

        await Assert.ThrowsAsync<InvalidOperationException>(() => slb.RecordAsync(Key, Fails));
        await slb.RecordAsync(Key, Succeeds);

        Assert.Empty(recorded.Of(UpstreamMetrics.SlbResultName));
        Assert.Empty(recorded.Of(UpstreamMetrics.SlbLatencyName));
    }

    private SlbOperationRecorder Recorder(bool dryRun = false) =>
        new(new UpstreamMetrics(meters.Factory, clock), cache, new CcmOptions { ClusterId = "c1", RegionId = "cn-hangzhou", VpcId = "vpc-1", DryRun = dryRun }, clock);

    private IReadOnlyList<(string, double)> Results() => recorded.Of(UpstreamMetrics.SlbResultName, "verb", "status");

    private static Task<int> Succeeds() => Task.FromResult(0);

    private static Task<int> Fails() => throw new InvalidOperationException("CreateLoadBalancer failed");

    private Func<Task<int>> SucceedsAfter(TimeSpan turn) => () =>
    {
        clock.Advance(turn);
        return Task.FromResult(0);
    };

    private static V1Service Service(
        bool ingress, bool deleting = false, long generation = 1, string scheduler = "rr", string type = "LoadBalancer", bool finalizer = true) => new()
    {
        Metadata = new V1ObjectMeta
        {
            Name = "web",
            NamespaceProperty = "shop",
            Uid = "0b7e6f4c-5d0e-4a53-9a34-61c2a3f0b001",
            Generation = generation,
            CreationTimestamp = Created,
            DeletionTimestamp = deleting ? Created.AddSeconds(30) : null,
            Finalizers = finalizer ? [ServicePredicates.Finalizer] : null,
            Annotations = new Dictionary<string, string> { [ServicePredicates.AnnotationPrefix + "scheduler"] = scheduler },
        },
        Spec = new V1ServiceSpec { Type = type, Ports = [new V1ServicePort { Port = 80, Protocol = "TCP" }] },
        Status = new V1ServiceStatus { LoadBalancer = new V1LoadBalancerStatus { Ingress = ingress ? [new V1LoadBalancerIngress { Ip = "10.0.0.9" }] : null } },
    };
}

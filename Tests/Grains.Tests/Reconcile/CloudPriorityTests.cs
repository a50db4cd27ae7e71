using System.Collections.Concurrent;
using Ccm.CloudClients.Endpoints;
using Ccm.CloudClients.Hosting;
using Ccm.CloudClients.Slb;
using Ccm.CloudClients.Transport;
using Ccm.CloudClients.Transport.Budget;
using Ccm.GrainInterfaces;
using Ccm.Grains.Reconcile;
using Ccm.Grains.Tests.Reconcile.Support;
using Ccm.Sandbox.Aliyun;
using Ccm.Sandbox.Demo;
using Ccm.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace Ccm.Grains.Tests.Reconcile;

/// <summary>
/// A turn's cloud calls queue for the budget at its trigger's priority: with the resync queue full (a restart re-checking
/// everything), a change's call is sent first. The grains call the real SLB client against the OpenAPI emulator; the
/// client's budget runs on a fake clock, so a permit is handed out only when the test moves it, one at a time.
/// </summary>
public sealed class CloudPriorityTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string AccessKeyId = "LTAI5tReconcilePriority01";
    private const string AccessKeySecret = "reconcile-priority-secret-7f3a";
    private const int ResyncQueueLimit = 20;
    // Starts at the real time: requests are signed with the client's clock, and the emulator refuses stale timestamps.
    private readonly FakeTimeProvider time = new(DateTimeOffset.UtcNow);
    private AliyunEmulator cloud = null!;
    private ServiceProvider clients = null!;

    private CloudCallBudget Budget => clients.GetRequiredService<CloudCallBudget>();

    [Fact]
    public async Task With_the_resync_queue_full_a_changed_objects_cloud_call_is_sent_before_every_queued_resync()
    {
        var slb = clients.GetRequiredService<ISlbClient>();
        // Resync turns that fail (their queue was full) retry ten minutes later: never within this test.
        var options = new ReconcileOptions { Retry = new RetryBackoffOptions { BaseDelay = TimeSpan.FromMinutes(10), MaxDelay = TimeSpan.FromMinutes(10) } };
        await using var cluster = await ReconcileCluster.StartAsync(new ClusterSetup { Reconcile = options }, output);
        var sent = new ConcurrentQueue<string>();
        var refused = new ConcurrentQueue<string>();
        var scopes = new ConcurrentDictionary<string, (CloudCallPriority, string)>();
        cluster.Probe.Turn = async (turn, token) =>
        {
            scopes[turn.Key] = (CloudCallScope.Current!.Priority, CloudCallScope.Current.Key);
            try
            {
                await foreach (var _ in slb.DescribeLoadBalancersAsync(new DescribeLoadBalancersRequest(), token))
                {
                }
            }
            catch (OpenApiException e) when (e.Code == OpenApiErrorCodes.ClientRateLimited)
            {
                refused.Enqueue(turn.Key);
                throw;
            }

            sent.Enqueue(turn.Key);
            return ReconcileResult.Done;
        };
        Assert.True(Budget.AcquireAsync(CloudProduct.Slb, "DescribeLoadBalancers", default).AsTask().IsCompletedSuccessfully); // the burst is spent
        var resyncs = Enumerable.Range(0, ResyncQueueLimit + 10).Select(i => $"default/resync-{i:D2}").ToList();

        foreach (var key in resyncs)
        {
            await cluster.Grains.GetGrain<IProbeGrain>(key).Signal(SignalKind.Resync);
        }

        await Eventually.TrueAsync(() => State().ResyncWaiters == ResyncQueueLimit && refused.Count == 10, "the resync queue is full and the rest were refused");
        await cluster.Grains.GetGrain<IProbeGrain>("default/changed").Signal(SignalKind.Event);
        await Eventually.TrueAsync(() => State().EventWaiters == 1, "the change queued behind the full resync queue");

        for (var permits = 1; permits <= ResyncQueueLimit + 1; permits++)
        {
            time.Advance(TimeSpan.FromSeconds(1)); // one permit
            var expected = permits;
            await Eventually.TrueAsync(() => sent.Count == expected, $"call {expected} was sent");
        }

        Assert.Equal("default/changed", sent.First());
        Assert.Equal(resyncs.Except(refused).Order(), sent.Skip(1).Order());
        Assert.Equal((CloudCallPriority.Event, "probe/default/changed"), scopes["default/changed"]);
        Assert.All(resyncs, k => Assert.Equal((CloudCallPriority.Resync, $"probe/{k}"), scopes[k]));
    }

    [Fact]
    public async Task A_change_to_an_object_whose_resync_turn_waits_moves_that_turn_ahead_of_every_other_resync()
    {
        var slb = clients.GetRequiredService<ISlbClient>();
        await using var cluster = await ReconcileCluster.StartAsync(new ClusterSetup(), output);
        var sent = new ConcurrentQueue<(string Key, CloudCallPriority Queued)>();
        cluster.Probe.Turn = async (turn, token) =>
        {
            await foreach (var _ in slb.DescribeLoadBalancersAsync(new DescribeLoadBalancersRequest(), token))
            {
            }

            sent.Enqueue((turn.Key, CloudCallScope.Current!.Priority));
            return ReconcileResult.Done;
        };
        Assert.True(Budget.AcquireAsync(CloudProduct.Slb, "DescribeLoadBalancers", default).AsTask().IsCompletedSuccessfully); // the burst is spent
        var resyncs = Enumerable.Range(0, 10).Select(i => $"default/resync-{i:D2}").ToList();
        foreach (var key in resyncs)
        {
            await cluster.Grains.GetGrain<IProbeGrain>(key).Signal(SignalKind.Resync);
        }

        // A restart's re-check of the changed object queued last, behind the others; then its endpoints change.
        var changed = cluster.Grains.GetGrain<IProbeGrain>("default/changed");
        await changed.Signal(SignalKind.Resync);
        await Eventually.TrueAsync(() => State().ResyncWaiters == 11, "every re-check waits for a permit");
        await changed.Signal(SignalKind.Event);

        time.Advance(TimeSpan.FromSeconds(1)); // one permit
        await Eventually.TrueAsync(() => sent.Count == 1, "the first call was sent");
        await Eventually.TrueAsync(() => State().EventWaiters == 1, "the turn for the change waits for a permit");
        time.Advance(TimeSpan.FromSeconds(1));
        await Eventually.TrueAsync(() => sent.Count == 2, "the second call was sent");

        // The waiting re-check went first, as an Event now; then the turn for the change, before any other re-check.
        Assert.Equal([("default/changed", CloudCallPriority.Event), ("default/changed", CloudCallPriority.Event)], sent.ToArray());
        Assert.Equal(10, State().ResyncWaiters);
    }

    public async Task InitializeAsync()
    {
        cloud = await AliyunEmulator.StartAsync(new AliyunEmulatorOptions { AccessKeyId = AccessKeyId, AccessKeySecret = AccessKeySecret, Seed = SeedKind.Empty });
        var endpoint = cloud.BaseAddress.Authority;
        clients = new ServiceCollection()
            .AddLogging()
            .AddSingleton<TimeProvider>(time)
            .AddSingleton(CloudEnvironment.Empty.With(CloudEnvironment.SlbEndpoint, endpoint).With(CloudEnvironment.ClientScheme, "HTTP")
                .With(CloudEnvironment.AccessKeyId, AccessKeyId).With(CloudEnvironment.AccessKeySecret, AccessKeySecret))
            .AddAliyunCloudClients(o =>
            {
                o.RegionId = DemoWorld.RegionId;
                o.MaxAttempts = 1;
                o.AdaptiveRate.Enabled = false;
                o.RateLimits = new(StringComparer.OrdinalIgnoreCase)
                {
                    ["SLB"] = new CloudRateLimit { PermitsPerSecond = 1, Burst = 1, QueueLimit = ResyncQueueLimit },
                };
            })
            .BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await clients.DisposeAsync();
        await cloud.DisposeAsync();
    }

    private CloudBudgetState State() => Budget.Snapshot().Single(s => s.Product == "SLB" && s.Action == CloudCallBudget.ProductWide);
}

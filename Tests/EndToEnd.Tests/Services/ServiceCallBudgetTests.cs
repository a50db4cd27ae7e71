using Ccm.GrainInterfaces;
using Ccm.GrainInterfaces.State;
using Ccm.Grains.Cluster;
using Ccm.Sandbox.Aliyun.Faults;
using Ccm.TestSupport;
using Xunit.Abstractions;
using static Ccm.EndToEnd.Tests.Services.UpstreamExample;

namespace Ccm.EndToEnd.Tests.Services;

/// <summary>
/// The call budget, counted by the OpenAPI emulator while the real silo (Service controller alone, so no
/// node or route grain calls the cloud) handles a Service applied with kubectl: creating a 2-port TCP Service on the
/// 3 demo nodes takes at most 10 calls; re-reconciling it unchanged makes no write and at most 2 + ports reads.
/// </summary>
public sealed class ServiceCallBudgetTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Key = "default/budget";

    // No selector (no EndpointSlice churn wakes the grain). The finalizer is given up front because the grain's own
    // finalizer write wakes it once more, and that second turn is the re-reconcile measured separately below: with
    // it given, every call the log holds belongs to the creating turn.
    private const string TwoPortService = """
        apiVersion: v1
        kind: Service
        metadata:
          name: budget
          namespace: default
          finalizers: ["service.k8s.alibaba/resources"]
        spec:
          type: LoadBalancer
          ports:
          - name: http
            port: 80
            protocol: TCP
            targetPort: 80
          - name: https
            port: 443
            protocol: TCP
            targetPort: 443
        """;

    private SandboxWorld world = null!;
    private InProcessSilo silo = null!;

    public async Task InitializeAsync()
    {
        world = await SandboxWorld.StartAsync(deployDemoApp: false);
        silo = await world.StartSiloAsync("budget", ["--leader-elect=false", "--controllers=service"]);
        await SetProviderIdsAsync(world.Kubectl);
        var cache = silo.Get<IClusterCache>();
        await Eventually.TrueAsync(
            () => cache.HasSynced && cache.ListNodes().Count(n => !string.IsNullOrEmpty(n.Spec?.ProviderID)) == 3,
            "the silo's cache sees the three providerIDs",
            TestTimings.Generous);
    }

    public Task DisposeAsync() => world.DisposeAsync();

    private static bool IsRead(CallRecord call) =>
        call.Action.StartsWith("Describe", StringComparison.Ordinal) || call.Action.StartsWith("List", StringComparison.Ordinal);

    private static string Actions(IEnumerable<CallRecord> calls) => string.Join(", ", calls.Select(c => c.Action));

    [Fact]
    public async Task Creating_a_two_port_TCP_Service_on_three_nodes_takes_at_most_ten_calls_and_re_reconciling_it_reads_at_most_four_and_writes_nothing()
    {
        await QuietAsync();
        world.Cloud.Calls.Clear();

        await world.Kubectl.ApplyAsync(TwoPortService);
        await Eventually.TrueAsync(() => IngressIp(world, "budget") is not null, "the Service shows its address", TestTimings.Generous);
        await QuietAsync();

        var creating = world.Cloud.Calls.Entries;
        output.WriteLine($"creating: {creating.Count} calls: {Actions(creating)}");
        Assert.True(creating.Count <= 10, $"{creating.Count} calls: {Actions(creating)}");
        var lb = LoadBalancerOf(world, Uid(world, "budget"))!;
        Assert.Equal(["00080/tcp", "00443/tcp"], lb.Listeners.Keys);
        Assert.All(lb.Listeners.Values, l => Assert.Equal("running", l.Status));
        Assert.All(world.Cloud.Cloud.VServerGroups(lb.LoadBalancerId), g => Assert.Equal(3, g.BackendServers.Length));

        var before = silo.Board.Get<ServiceGrainState>(Key)!.LastReconciledAt;
        world.Cloud.Calls.Clear();
        Assert.True(silo.Ownership.Owns(Key), "the grain is on this silo");
        await silo.Grains.GetGrain<IServiceGrain>(Key).Signal(SignalKind.Event);
        await Eventually.TrueAsync(() => silo.Board.Get<ServiceGrainState>(Key)?.LastReconciledAt > before, "the grain runs another turn", TestTimings.Generous);
        await QuietAsync();

        var steady = world.Cloud.Calls.Entries;
        output.WriteLine($"re-reconciling: {steady.Count} calls: {Actions(steady)}");
        Assert.DoesNotContain(steady, c => !IsRead(c));
        Assert.True(steady.Count <= 2 + 2, $"{steady.Count} calls: {Actions(steady)}");
        Assert.NotEmpty(steady);
        Assert.Equal(GrainPhase.Ready, silo.Board.Get<ServiceGrainState>(Key)!.Phase);
    }

    /// <summary>Waits until the emulator has seen no call for two seconds, so a count is not taken mid-turn.</summary>
    private async Task QuietAsync()
    {
        var seen = -1;
        var since = DateTimeOffset.UtcNow;
        await Eventually.TrueAsync(
            () =>
            {
                var count = world.Cloud.Calls.Entries.Count;
                if (count != seen)
                {
                    (seen, since) = (count, DateTimeOffset.UtcNow);
                }

                return DateTimeOffset.UtcNow - since > TimeSpan.FromSeconds(2);
            },
            "the cloud goes quiet",
            TestTimings.Generous);
    }
}

using Ccm.Sandbox.Demo;
using Ccm.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Xunit.Abstractions;

namespace Ccm.EndToEnd.Tests.Failover;

/// <summary>
/// Issue 18, item 4: a silo stopped gracefully while its Service turns wait on slow cloud calls cancels those calls and
/// hands everything over at once, instead of holding the stop until the grace period runs out and leaving its slot Lease
/// for the survivors to wait out. Asserted on what happened (calls abandoned, no step cut short, the row Dead and the Lease
/// gone, the survivor applies every Service); how fast is the bench's business (<c>graceful-stop</c>).
/// </summary>
public sealed class GracefulStopTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string SlowAction = "CreateLoadBalancer";

    private static readonly string[] Backends = [.. DemoWorld.Nodes.Select(n => n.InstanceId)];

    private SandboxWorld world = null!;

    public async Task InitializeAsync() => world = await SandboxWorld.StartAsync(deployDemoApp: false);

    public Task DisposeAsync() => world.DisposeAsync();

    [Fact]
    public async Task A_silo_stopped_while_its_turns_wait_on_cloud_calls_cancels_them_leaves_the_cluster_and_releases_its_Lease()
    {
        var survivor = await world.StartSiloAsync("silo-a", configure: FrequentHeartbeats);
        var leaving = await world.StartSiloAsync("silo-b", configure: FrequentHeartbeats);
        await Eventually.TrueAsync(() => MembershipTable.Active(Rows()).SequenceEqual(["silo-a", "silo-b"]), "both silos join", TestTimings.Generous);

        await Eventually.TrueAsync(
            () => DemoWorld.Nodes.All(n => !string.IsNullOrEmpty((string?)world.Kube.Objects.Get("nodes", null, n.Name)?["spec"]?["providerID"])),
            "the node controller maps the demo nodes to their instances", TestTimings.Generous);

        // Every CLB creation answers only after a minute, far beyond the 20 s grace: a stop that waits for them times out.
        world.Cloud.Faults.SetLatency(TimeSpan.FromMinutes(1), SlowAction);
        var churn = new ServiceChurn(world.Kube.Objects, "stop", target: 16);
        churn.CreateMany(churn.Target);
        await Eventually.TrueAsync(
            () => world.Cloud.Faults.Delayed == churn.Target && leaving.Activity.Activations.Any(a => a.Kind == "service" && a.Running),
            "every Service's turn waits on the slow cloud call, some of them on the silo to stop", TestTimings.Generous);
        var address = Rows().Single(r => r.SiloName == "silo-b").SiloAddress;
        await Eventually.TrueAsync(() => Leases().Any(lease => lease.Holder == address), "the silo to stop holds its slot Lease", TestTimings.Generous);

        await leaving.StopAsync();

        var logs = leaving.Logs.Entries;
        output.WriteLine(string.Join('\n', logs.Where(e => e.Level >= LogLevel.Information && e.Category.StartsWith("Ccm.Silo", StringComparison.Ordinal))));
        Assert.DoesNotContain(logs, e => e.Level >= LogLevel.Warning && e.Message.Contains("did not finish", StringComparison.Ordinal));
        Assert.DoesNotContain(logs, e => e.Level >= LogLevel.Warning && e.Message.Contains("skipped", StringComparison.Ordinal));
        Assert.Contains(world.Cloud.Calls.Of(SlowAction), call => call.Fault == "abandoned");
        Assert.Contains(Rows(), r => r.SiloName == "silo-b" && r.Status == "Dead");
        Assert.DoesNotContain(Leases(), lease => lease.Holder == address);

        // The survivor owns every key at once, and applies every Service once the cloud answers again.
        await Eventually.TrueAsync(() => survivor.Ownership.Active.SequenceEqual([survivor.Ownership.Self]), "the survivor owns every key", TestTimings.Generous);
        world.Cloud.Faults.SetLatency(TimeSpan.Zero, SlowAction);
        var converged = await Eventually.ValueAsync(
            () => Task.FromResult(LoadBalancerConvergence.Read(world.Kube.Objects, world.Cloud.Cloud, DemoWorld.ClusterId, Backends)),
            s => s.Complete && s.Converged.Count == churn.Target, "the survivor applies every Service", TestTimings.Generous);
        Assert.Equal(churn.ChangedAt.Keys.Order(StringComparer.Ordinal), converged.Converged.Order(StringComparer.Ordinal));
    }

    /// <summary>IAmAlive every second rather than every 30 s, so the slot Leases exist by the time the test looks.</summary>
    private static void FrequentHeartbeats(WebApplicationBuilder builder) =>
        builder.Services.Configure<ClusterMembershipOptions>(o => o.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(1));

    private IReadOnlyList<MemberRow> Rows() => MembershipTable.Rows(world.Kube.Objects.Get("configmaps", "kube-system", "ccm-membership"));

    private IReadOnlyList<(string Name, string? Holder)> Leases() =>
        [.. world.Kube.Objects.List("leases", "kube-system").Select(l => ((string)l["metadata"]!["name"]!, (string?)l["spec"]?["holderIdentity"]))];
}

using System.Diagnostics;
using Ccm.CloudClients.Endpoints;
using Ccm.CloudClients.Transport.Budget;
using Ccm.GrainInterfaces;
using Ccm.Grains.Placement;
using Ccm.Grains.Reconcile;
using Ccm.Grains.Tests.Reconcile.Support;
using Ccm.Sandbox.Demo;
using Ccm.Sandbox.Kube;
using Ccm.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.Runtime;
using Orleans.TestingHost;
using Xunit.Abstractions;

namespace Ccm.Grains.Tests.Reconcile;

/// <summary>A graceful stop deactivates the silo's reconcilers promptly, a turn in flight included.</summary>
public sealed class GracefulStopTests(ITestOutputHelper output)
{
    private const string DeactivationTimedOut = "failed to deactivate promptly";
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task A_graceful_stop_deactivates_every_reconciler_of_the_silo()
    {
        await using var cluster = await ReconcileCluster.StartAsync(new ClusterSetup { Silos = 2 }, output);
        var leaving = cluster.Silos[1];
        var keys = KeysOwnedBy(cluster, leaving).Take(300).ToList();
        await Task.WhenAll(keys.Select(k => cluster.Grains.GetGrain<IProbeGrain>(k).Signal(SignalKind.Event)));
        await Eventually.TrueAsync(() => keys.All(k => cluster.Idle(ProbeGrain.KindName, k)), "every grain reconciled");
        var activity = cluster.Activity(leaving);
        Assert.Equal(keys.Count, activity.Activations.Count);

        var stopwatch = Stopwatch.StartNew();
        await cluster.StopSiloAsync(leaving);
        output.WriteLine($"Graceful stop of a silo hosting {keys.Count} idle reconciler grains: {stopwatch.Elapsed.TotalSeconds:0.00} s");

        Assert.Empty(activity.Activations); // every grain's OnDeactivateAsync ran
        Assert.DoesNotContain(cluster.Logs.Entries, e => e.Message.Contains(DeactivationTimedOut, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_graceful_stop_cancels_a_turn_that_waits_for_a_cloud_permit_instead_of_waiting_for_it()
    {
        // The budget's clock never moves: the permit never comes.
        using var budget = new CloudCallBudget(
            CloudRateLimitText.Parse("SLB=1/60:1"), new AdaptiveRateOptions { Enabled = false }, TimeSpan.FromSeconds(30), new FakeTimeProvider());
        Assert.True(budget.AcquireAsync(CloudProduct.Slb, "DescribeLoadBalancers", default).AsTask().IsCompletedSuccessfully);
        await using var cluster = await ReconcileCluster.StartAsync(new ClusterSetup { Silos = 2 }, output);
        var leaving = cluster.Silos[1];
        var key = KeysOwnedBy(cluster, leaving).First();
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        cluster.Probe.Turn = async (_, token) =>
        {
            using var onCancel = token.Register(cancelled.SetResult);
            await budget.AcquireAsync(CloudProduct.Slb, "DescribeLoadBalancers", token);
            return ReconcileResult.Done;
        };
        await cluster.Grains.GetGrain<IProbeGrain>(key).Signal(SignalKind.Event);
        await Eventually.TrueAsync(() => budget.Snapshot().Single().EventWaiters == 1, "the turn waits for its permit");
        var activity = cluster.Activity(leaving);
        var activation = activity.Find(ProbeGrain.KindName, key)!;

        var stopwatch = Stopwatch.StartNew();
        await cluster.StopSiloAsync(leaving);
        output.WriteLine($"Graceful stop with a turn waiting for a permit: {stopwatch.Elapsed.TotalSeconds:0.00} s");

        Assert.True(cancelled.Task.IsCompleted, "the turn's token fired when the silo stopped");
        Assert.Equal(TurnResult.Cancelled, activation.Last?.Result); // stopped, not failed: no retry is due
        Assert.Empty(activity.Activations);
        Assert.DoesNotContain(cluster.Logs.Entries, e => e.Message.Contains(DeactivationTimedOut, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_graceful_stop_on_the_Kubernetes_tables_deactivates_every_reconciler_and_leaves_the_cluster()
    {
        await using var kube = await KubeEmulator.StartAsync(new KubeEmulatorOptions { Seed = SeedKind.Empty, RunControllers = false });
        var ns = await KubernetesSilo.CreateNamespaceAsync(kube);
        var probe = new ReconcileProbe();
        var logs = new CapturingLoggerProvider();
        await using var staying = await KubernetesSilo.StartAsync(kube, ns, probe, logs);
        await using var leaving = await KubernetesSilo.StartAsync(kube, ns, probe, logs);
        await Eventually.TrueAsync(() => staying.Sees(2) && leaving.Sees(2), "both silos are members", Bound);
        var keys = KeysOwnedBy([staying.Address, leaving.Address], leaving.Address).Take(300).ToList();
        var activity = leaving.Services.GetRequiredService<ReconcileActivity>();
        await Task.WhenAll(keys.Select(k => staying.Grains.GetGrain<IProbeGrain>(k).Signal(SignalKind.Event)));
        await Eventually.TrueAsync(() => keys.All(k => activity.Find(ProbeGrain.KindName, k) is { State: "Idle" }), "every grain reconciled on the leaving silo", Bound);

        var stopwatch = Stopwatch.StartNew();
        await leaving.StopAsync();
        output.WriteLine($"Graceful stop on the Kubernetes tables of a silo hosting {keys.Count} idle reconciler grains: {stopwatch.Elapsed.TotalSeconds:0.00} s");

        Assert.Empty(activity.Activations);
        await Eventually.TrueAsync(() => staying.Ownership.Active.SequenceEqual([staying.Address]), "the other silo saw it leave", Bound);
        Assert.DoesNotContain(logs.Entries, e => e.Message.Contains(DeactivationTimedOut, StringComparison.OrdinalIgnoreCase));
    }

    private static IEnumerable<string> KeysOwnedBy(ReconcileCluster cluster, InProcessSiloHandle silo) =>
        KeysOwnedBy([.. cluster.Silos.Select(s => s.SiloAddress)], silo.SiloAddress);

    private static IEnumerable<string> KeysOwnedBy(IReadOnlyList<SiloAddress> silos, SiloAddress owner) =>
        Enumerable.Range(0, 10_000).Select(i => $"default/svc-{i:D4}").Where(k => Equals(SiloOwnership.OwnerOf(k, silos), owner));
}

using System.Diagnostics;
using Ccm.Sandbox.Demo;
using Ccm.TestSupport;
using Xunit.Abstractions;

namespace Ccm.EndToEnd.Tests.Failover;

/// <summary>
/// The acceptance, with processes: two silos against the emulators; one is killed with SIGKILL while Services
/// change; every change is applied by the survivor, no CLB is created twice or left behind, and the killed silo, started
/// again, rejoins. How fast is the bench's business (<c>failover</c>, target 20 s); here the bound is only a failure bound.
/// </summary>
public sealed class FailoverTests(ITestOutputHelper output) : IAsyncLifetime
{
    // A silo that stops answering is declared dead after three missed probes of 2.5 s (a third of 6 s, raised to Orleans'
    // floor) plus a vote: about ten seconds. The other two flags only have to pass the upstream checks.
    private static readonly string[] Membership = ["--leader-elect-lease-duration=6s", "--leader-elect-renew-deadline=4s", "--leader-elect-retry-period=1s"];

    private static readonly string[] Backends = [.. DemoWorld.Nodes.Select(n => n.InstanceId)];

    private SandboxWorld world = null!;

    public async Task InitializeAsync() => world = await SandboxWorld.StartAsync(deployDemoApp: false);

    public Task DisposeAsync() => world.DisposeAsync();

    [Fact]
    public async Task A_silo_killed_while_Services_change_loses_no_change_leaves_one_CLB_per_Service_and_rejoins_when_started_again()
    {
        await using var survivor = world.StartSiloProcess("silo-a", Membership);
        await using var victim = world.StartSiloProcess("silo-b", Membership);
        await ActiveAsync(["silo-a", "silo-b"], "both silos join");
        await Eventually.TrueAsync(
            () => DemoWorld.Nodes.All(n => !string.IsNullOrEmpty((string?)world.Kube.Objects.Get("nodes", null, n.Name)?["spec"]?["providerID"])),
            "the node controller maps the demo nodes to their instances", TestTimings.Generous);

        var churn = new ServiceChurn(world.Kube.Objects, "churn", target: 24);
        churn.CreateMany(churn.Target);
        await ConvergedAsync("the first Services converge");
        using var http = new HttpClient();
        var hosted = await MetricsScrape.SamplesAsync(http, new Uri(await victim.ListenerAsync("Metrics"), "metrics"), "ccm_grain_activations");
        Assert.True(hosted.GetValueOrDefault("grain_type=\"service\"") > 0, "the silo to be killed hosts some of the Service grains");

        // Changes before, during and after the kill, until the victim has surely been declared dead.
        using var stop = new CancellationTokenSource();
        var changing = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                churn.Step();
                await Task.Delay(200);
            }
        });
        await Task.Delay(TimeSpan.FromSeconds(2));
        await victim.KillAsync();
        var sinceKill = Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromSeconds(12));
        await stop.CancelAsync();
        await changing;

        var final = await ConvergedAsync("the survivor applies every change");
        output.WriteLine($"{churn.Writes} writes ({churn.Deleted} deletes); converged {sinceKill.Elapsed.TotalSeconds:0.0} s after the kill, " +
            $"{(sinceKill.Elapsed - TimeSpan.FromSeconds(12)).TotalSeconds:0.0} s after the last change");
        Assert.Equal(churn.ChangedAt.Keys.Order(StringComparer.Ordinal), final.Converged.Order(StringComparer.Ordinal));
        var dead = MembershipTable.Rows(world.Kube.Objects.Get("configmaps", "kube-system", "ccm-membership"));
        Assert.Contains(dead, r => r.SiloName == "silo-b" && r.Status == "Dead");

        await using var restarted = world.StartSiloProcess("silo-b", Membership);
        var rows = await ActiveAsync(["silo-a", "silo-b"], "the killed silo rejoins");
        Assert.Single(rows, r => r.SiloName == "silo-b" && r.Status == "Active");
    }

    /// <summary>Waits until exactly <paramref name="silos"/> are Active in the membership ConfigMap; returns every row.</summary>
    private Task<IReadOnlyList<MemberRow>> ActiveAsync(string[] silos, string because) =>
        Eventually.ValueAsync(
            () => Task.FromResult(MembershipTable.Rows(world.Kube.Objects.Get("configmaps", "kube-system", "ccm-membership"))),
            rows => MembershipTable.Active(rows).SequenceEqual(silos),
            because,
            TestTimings.Generous);

    /// <summary>Waits until every LoadBalancer Service has converged (one CLB each, none leaked); returns that state.</summary>
    private async Task<LoadBalancerConvergence> ConvergedAsync(string because)
    {
        var state = Read();
        try
        {
            return await Eventually.ValueAsync(() => Task.FromResult(state = Read()), s => s.Complete, because, TestTimings.Generous);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new Xunit.Sdk.XunitException($"{e.Message}: {state}");
        }
    }

    private LoadBalancerConvergence Read() => LoadBalancerConvergence.Read(world.Kube.Objects, world.Cloud.Cloud, DemoWorld.ClusterId, Backends);
}

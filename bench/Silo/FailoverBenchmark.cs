using System.Diagnostics;
using System.Globalization;
using Ccm.EndToEnd.Tests.Failover;
using Ccm.Sandbox.Demo;
using Ccm.Sandbox.Kube;

namespace Ccm.Bench.Silo;

/// <summary>
/// The failover acceptance, timed: two silo processes against the emulators, Services changing all along, one silo
/// killed with SIGKILL. Reported: when its death was declared, and how long each change took to reach the cloud, from
/// the kill (or from the change, when made later) until its CLB matched; the worst of those against the 20 s target.
/// Then the killed silo is started again and the time until it is Active is printed.
/// </summary>
public sealed class FailoverBenchmark : IBenchmark
{
    private static readonly TimeSpan Target = TimeSpan.FromSeconds(20);

    public string Name => "failover";

    public string Description => "two silo processes, one killed with SIGKILL while Services change: worst time until each change is applied (target < 20 s) [services=40] [changing-after-kill-s=5] [step-ms=250]";

    public IReadOnlyList<string> SmokeArgs => ["6", "2"];

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var services = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 40;
        var after = TimeSpan.FromSeconds(args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 5);
        var step = TimeSpan.FromMilliseconds(args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 250);
        await using var cluster = await BenchCluster.StartAsync(new KubeEmulatorOptions { Seed = SeedKind.Demo }, cancellationToken);
        using var http = new HttpClient();
        await using var a = cluster.StartSilo("silo-a");
        await using var b = cluster.StartSilo("silo-b");
        await Wait.UntilAsync(() => cluster.ActiveSilos() == "silo-a,silo-b", "both silos Active", cancellationToken);
        await Wait.UntilAsync(() => DemoWorld.Nodes.All(n => cluster.Kube.Objects.Get("nodes", null, n.Name)?["spec"]?["providerID"] is not null), "demo nodes mapped", cancellationToken);

        var churn = new ServiceChurn(cluster.Kube.Objects, "svc", services, seed: 7);
        churn.CreateMany(services);
        var start = Stopwatch.StartNew();
        await Wait.UntilAsync(() => cluster.Convergence().Complete, "the first Services converge", cancellationToken, TimeSpan.FromMinutes(10));
        Console.WriteLine($"load average {Wait.LoadAverage()} on {Environment.ProcessorCount} cores; {services} Services converged on two silos in {start.Elapsed.TotalSeconds:F1} s");

        // The victim is the silo hosting more Service grains, so the kill matters as much as it can.
        var hosted = await Task.WhenAll(new[] { a, b }.Select(async s => (await s.MetricAsync(http, "ccm_grain_activations", cancellationToken)).GetValueOrDefault("grain_type=\"service\"")));
        var (victim, victimName, survivorHosted) = hosted[1] >= hosted[0] ? (b, "silo-b", hosted[0]) : (a, "silo-a", hosted[1]);
        Console.WriteLine($"Service grains: silo-a {hosted[0]}, silo-b {hosted[1]}; killing {victimName}");

        var clock = Stopwatch.StartNew();
        var killAt = TimeSpan.Zero;
        var changing = Task.Run(async () =>
        {
            while (killAt == TimeSpan.Zero || clock.Elapsed < killAt + after)
            {
                churn.Step();
                await Task.Delay(step, cancellationToken);
            }
        }, cancellationToken);
        await Task.Delay(TimeSpan.FromSeconds(3), cancellationToken);
        await victim.KillAsync();
        killAt = clock.Elapsed;

        // Poll: a Service that matches its last change has had that change applied; its latency counts from the kill or
        // the change, whichever is later. Deaths and the final convergence are read the same way.
        var applied = new Dictionary<string, (DateTimeOffset Change, TimeSpan Latency)>(StringComparer.Ordinal);
        TimeSpan? deadAt = null;
        var killedWall = DateTimeOffset.UtcNow - (clock.Elapsed - killAt);
        while (true)
        {
            var now = DateTimeOffset.UtcNow;
            var state = cluster.Convergence();
            foreach (var name in state.Converged)
            {
                if (churn.ChangedAt.TryGetValue(name, out var changed) && changed <= now && !(applied.TryGetValue(name, out var seen) && seen.Change == changed))
                {
                    applied[name] = (changed, now - (changed > killedWall ? changed : killedWall));
                }
            }

            deadAt ??= cluster.Members().Any(m => m.Silo == victimName && m.Status == "Dead") ? clock.Elapsed - killAt : null;
            if (changing.IsCompleted && state.Complete && deadAt is not null)
            {
                break;
            }

            if (clock.Elapsed - killAt > TimeSpan.FromMinutes(5))
            {
                Console.Error.WriteLine($"not converged 5 minutes after the kill: {state}");
                return 1;
            }

            await Task.Delay(200, cancellationToken);
        }

        var converged = clock.Elapsed - killAt;
        await changing;
        var since = applied.Values.Where(v => v.Change > killedWall - TimeSpan.FromSeconds(3)).Select(v => v.Latency).Order().ToList();
        var worst = since.Max();
        var final = cluster.Convergence();
        Console.WriteLine($"{churn.Writes} writes ({churn.Deleted} deletes), one every {step.TotalMilliseconds:0} ms from 3 s before the kill to {after.TotalSeconds:0} s after it");
        Console.WriteLine($"death of {victimName} declared {deadAt!.Value.TotalSeconds:F1} s after the kill (probes of 2.5 s, three missed)");
        Console.WriteLine($"changes made from 3 s before the kill on: {since.Count} applied; latency from the kill (or the later change) p50 {since[since.Count / 2].TotalSeconds:F1} s, worst {worst.TotalSeconds:F1} s");
        Console.WriteLine($"every change applied {converged.TotalSeconds:F1} s after the kill (the last change was {after.TotalSeconds:0} s after it); {final.Converged.Count} Services, one CLB each, {final.Leaked.Count} leaked; {cluster.Cloud.Cloud.LoadBalancers.Count} CLBs in the cloud");
        Console.WriteLine($"ratio worst/target = {worst / Target:F2} (target < {Target.TotalSeconds:0} s: {(worst < Target ? "met" : "MISSED")})");

        var restart = Stopwatch.StartNew();
        await using var again = cluster.StartSilo(victimName);
        await Wait.UntilAsync(() => cluster.ActiveSilos() == "silo-a,silo-b", "the killed silo rejoins", cancellationToken);
        Console.WriteLine($"{victimName} started again: Active after {restart.Elapsed.TotalSeconds:F1} s (survivor hosted {survivorHosted} Service grains before the kill)");
        return 0;
    }
}

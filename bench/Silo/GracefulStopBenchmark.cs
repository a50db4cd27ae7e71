using System.Diagnostics;
using System.Globalization;
using Ccm.EndToEnd.Tests.Failover;
using Ccm.Sandbox.Demo;
using Ccm.Sandbox.Kube;

namespace Ccm.Bench.Silo;

/// <summary>
/// A graceful stop under load, timed: three silo processes, converged Services, then more Services whose CLB creation
/// the cloud holds for a minute (so every silo has turns waiting on cloud calls); the silo hosting the most Service
/// grains gets SIGTERM, as the kubelet sends it. Reported, from the signal: its membership row Dead, its slot Lease gone,
/// the process exited (against <c>--shutdown-timeout</c>, 30 s), the survivors hosting every Service grain, and the
/// cloud calls it abandoned; then, with the cloud answering again, every Service applied.
/// </summary>
public sealed class GracefulStopBenchmark : IBenchmark
{
    private const string SlowAction = "CreateLoadBalancer";
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(30);
    private static readonly string[] Silos = ["silo-a", "silo-b", "silo-c"];

    public string Name => "graceful-stop";

    public string Description => "three silo processes, SIGTERM to one while its turns wait on cloud calls: time to stopped and until the survivors own its keys (target < half the 30 s grace) [services=60] [waiting=30]";

    public IReadOnlyList<string> SmokeArgs => ["6", "3"];

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var services = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 60;
        var waiting = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 30;
        await using var cluster = await BenchCluster.StartAsync(new KubeEmulatorOptions { Seed = SeedKind.Demo }, cancellationToken);
        using var http = new HttpClient();
        var silos = Silos.Select(name => (Name: name, Process: cluster.StartSilo(name))).ToList();
        try
        {
            await Wait.UntilAsync(() => cluster.ActiveSilos() == string.Join(",", Silos), "three silos Active", cancellationToken);
            await Wait.UntilAsync(() => DemoWorld.Nodes.All(n => cluster.Kube.Objects.Get("nodes", null, n.Name)?["spec"]?["providerID"] is not null), "demo nodes mapped", cancellationToken);
            var churn = new ServiceChurn(cluster.Kube.Objects, "svc", services + waiting, seed: 11);
            churn.CreateMany(services);
            var start = Stopwatch.StartNew();
            await Wait.UntilAsync(() => cluster.Convergence().Converged.Count == services, "the first Services converge", cancellationToken, TimeSpan.FromMinutes(10));
            Console.WriteLine($"load average {Wait.LoadAverage()} on {Environment.ProcessorCount} cores; {services} Services converged on three silos in {start.Elapsed.TotalSeconds:F1} s");

            // Each silo's slot Lease appears with its first IAmAlive (Orleans writes one every 30 s).
            await Wait.UntilAsync(() => Silos.All(name => cluster.LeaseHolders().Contains(cluster.AddressOf(name))), "every silo holds its slot Lease", cancellationToken);

            // The load: Services whose CLB creation the cloud holds for a minute, so turns on every silo wait on a call.
            cluster.Cloud.Faults.SetLatency(TimeSpan.FromMinutes(1), SlowAction);
            churn.CreateMany(waiting);
            await Wait.UntilAsync(() => cluster.Cloud.Faults.Delayed == waiting, $"{waiting} {SlowAction} calls held by the cloud", cancellationToken);
            var hosted = await Task.WhenAll(silos.Select(s => ServiceGrainsAsync(s.Process, http, cancellationToken)));
            var victimIndex = Array.IndexOf(hosted, hosted.Max());
            var (victimName, victim) = silos[victimIndex];
            var survivors = silos.Where((_, i) => i != victimIndex).Select(s => s.Process).ToList();
            var address = cluster.AddressOf(victimName)!;
            Console.WriteLine($"Service grains: {string.Join(", ", silos.Select((s, i) => $"{s.Name} {hosted[i]}"))}; {waiting} turns wait on {SlowAction} (held 60 s); SIGTERM to {victimName}");

            var clock = Stopwatch.StartNew();
            var stopping = victim.StopAsync(Grace + TimeSpan.FromSeconds(30));
            TimeSpan? dead = null, released = null, exited = null, owned = null;
            var total = services + waiting;
            while (dead is null || released is null || exited is null || owned is null)
            {
                dead ??= cluster.Members().Any(m => m.Silo == victimName && m.Status == "Dead") ? clock.Elapsed : null;
                released ??= cluster.LeaseHolders().Contains(address) ? null : clock.Elapsed;
                exited ??= stopping.IsCompleted ? clock.Elapsed : null;
                owned ??= (await Task.WhenAll(survivors.Select(s => ServiceGrainsAsync(s, http, cancellationToken)))).Sum() >= total ? clock.Elapsed : null;
                if (clock.Elapsed > TimeSpan.FromMinutes(2))
                {
                    Console.Error.WriteLine($"not settled 2 minutes after SIGTERM: dead {dead}, Lease released {released}, exited {exited}, owned {owned}\n{victim.Tail()}");
                    return 1;
                }

                await Task.Delay(50, cancellationToken);
            }

            var exitCode = await stopping;
            var abandoned = cluster.Cloud.Calls.Of(SlowAction).Count(c => c.Fault == "abandoned");
            var cutShort = victim.LineAt("did not finish") is not null || victim.LineAt("skipped: the shutdown timeout") is not null;
            Console.WriteLine($"{victimName} after SIGTERM: row Dead {dead!.Value.TotalSeconds:F2} s, slot Lease deleted {released!.Value.TotalSeconds:F2} s, process exited {exited!.Value.TotalSeconds:F2} s (code {exitCode}); {abandoned} {SlowAction} calls abandoned; shutdown steps cut short: {(cutShort ? "yes" : "none")}");
            Console.WriteLine($"survivors host all {total} Service grains {owned!.Value.TotalSeconds:F2} s after SIGTERM");

            cluster.Cloud.Faults.SetLatency(TimeSpan.Zero, SlowAction);
            var settle = Stopwatch.StartNew();
            await Wait.UntilAsync(() => cluster.Convergence() is { Complete: true } s && s.Converged.Count == total, "every Service applied by the survivors", cancellationToken, TimeSpan.FromMinutes(5));
            Console.WriteLine($"with the cloud answering again, the survivors applied all {total} Services {settle.Elapsed.TotalSeconds:F1} s later; {cluster.Cloud.Cloud.LoadBalancers.Count} CLBs in the cloud");
            var worst = new[] { exited.Value, owned.Value }.Max();
            var target = Grace / 2;
            Console.WriteLine($"ratio (worst of exited, owned)/target = {worst / target:F2} (target < {target.TotalSeconds:0} s, half the grace: {(worst < target ? "met" : "MISSED")})");
            return 0;
        }
        finally
        {
            foreach (var (_, process) in silos)
            {
                await process.DisposeAsync();
            }
        }
    }

    private static async Task<double> ServiceGrainsAsync(BenchSilo silo, HttpClient http, CancellationToken cancellationToken) =>
        silo.HasExited ? 0 : (await silo.MetricAsync(http, "ccm_grain_activations", cancellationToken)).GetValueOrDefault("grain_type=\"service\"");

}

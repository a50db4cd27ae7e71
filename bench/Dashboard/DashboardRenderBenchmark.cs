using System.Diagnostics;
using System.Globalization;
using Ccm.CloudClients.Observability;
using Ccm.GrainInterfaces;
using Ccm.GrainInterfaces.State;
using Ccm.Grains;
using Ccm.Silo.Composition;
using Ccm.Silo.Hosting;
using Ccm.Silo.Options;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ccm.Bench.Dashboard;

/// <summary>
/// The dashboard's server time for a cluster of 5,000 Services: a real silo host (Kestrel on 127.0.0.1, an Orleans silo
/// alone, the state board) with synthetic states published on the board, read over HTTP. The time is the server's
/// own <c>Server-Timing</c> (reading the board, building the rows, serialising), judged against the 200 ms target.
/// </summary>
public sealed class DashboardRenderBenchmark : IBenchmark
{
    private const double TargetMs = 200;

    public string Name => "dashboard-render";

    public string Description => "dashboard JSON (grain tables, overview, a detail) for 5,000 Services: server time per request (target < 200 ms)";

    public IReadOnlyList<string> SmokeArgs => ["100", "2"];

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var services = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5_000;
        var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 30;
        var folder = Directory.CreateTempSubdirectory("ccm-bench-dashboard-");
        try
        {
            await using var app = await StartSiloAsync(folder.FullName, cancellationToken);
            var board = app.Services.GetRequiredService<IGrainStateBoard>();
            var now = DateTimeOffset.UtcNow;
            for (var i = 0; i < services; i++)
            {
                board.Publish(SyntheticGrainStates.Service(i, now));
            }

            for (var i = 1; i <= 50; i++)
            {
                board.Publish(SyntheticGrainStates.Node(i));
            }

            var dashboard = app.Services.GetRequiredService<SiloListeners>().UrlOf(ListenerRoles.Dashboard)!;
            using var http = new HttpClient { BaseAddress = dashboard, Timeout = TimeSpan.FromMinutes(1) };
            Console.WriteLine($"load average: {LoadAverage()} on {Environment.ProcessorCount} cores; {services:N0} Services, 50 Nodes on the board; {rounds} requests each after 5 warm-up");
            Console.WriteLine($"{"request",-44} {"server p50",11} {"p95",9} {"max",9} {"wall p50",9} {"bytes",10} {"cpu/req",11}  p95/target");
            Console.WriteLine("(server = Server-Timing, wall-clock on a shared machine; cpu/req = this process's CPU time per request, client included, which the load does not inflate)");
            var worst = 0.0;
            foreach (var path in new[] { "/api/grains/services", "/api/grains/services?q=team-07", "/api/grains/services?phase=Failed", "/api/overview", "/api/grains/services/team-01/svc-00001", "/api/grains/nodes" })
            {
                worst = Math.Max(worst, await MeasureAsync(http, path, rounds, cancellationToken));
            }

            Console.WriteLine($"worst p95 server time {worst:0.0} ms = {worst / TargetMs:0.00} x the {TargetMs:0} ms target ({(worst < TargetMs ? "within" : "OVER")})");
            return 0;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task<double> MeasureAsync(HttpClient http, string path, int rounds, CancellationToken ct)
    {
        var server = new List<double>(rounds);
        var wall = new List<double>(rounds);
        long bytes = 0;
        var cpu = TimeSpan.Zero;
        for (var i = 0; i < rounds + 5; i++)
        {
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            using var response = await http.GetAsync(path, ct);
            var body = await response.Content.ReadAsByteArrayAsync(ct);
            clock.Stop();
            response.EnsureSuccessStatusCode();
            if (i < 5)
            {
                continue;
            }

            cpu += Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
            var timing = response.Headers.GetValues("Server-Timing").Single();
            server.Add(double.Parse(timing["app;dur=".Length..], CultureInfo.InvariantCulture));
            wall.Add(clock.Elapsed.TotalMilliseconds);
            bytes = body.Length;
        }

        var p95 = Percentile(server, 0.95);
        Console.WriteLine($"{path,-44} {Percentile(server, 0.5),8:0.0} ms {p95,6:0.0} ms {server.Max(),6:0.0} ms {Percentile(wall, 0.5),6:0.0} ms {bytes,10:N0} {cpu.TotalMilliseconds / rounds,8:0.0} ms  {p95 / TargetMs:0.00}");
        return p95;
    }

    private static async Task<WebApplication> StartSiloAsync(string folder, CancellationToken ct)
    {
        // The dashboard needs no cloud: a cloud-config with placeholder values only satisfies the command line.
        var cloudConfig = Path.Combine(folder, "cloud-config.json");
        await File.WriteAllTextAsync(cloudConfig, """{"Global": {"region": "cn-hangzhou", "vpcid": "vpc-bp1bench", "vswitchid": "cn-hangzhou-k:vsw-bp1bench"}}""", ct);
        var parsed = CommandLine.Parse(
            [$"--cloud-config={cloudConfig}", "--configure-cloud-routes=false", "--silo-name=bench", "--health-probe-bind-addr=0", "--metrics-bind-addr=0",
             "--dashboard-bind-addr=127.0.0.1:0", "--dashboard-auth=none", "--leader-elect=false", "--silo-port=0"],
            _ => null);
        if (parsed.Action != CommandLineAction.Run)
        {
            throw new InvalidOperationException(string.Join("\n", parsed.Errors));
        }

        var builder = SiloHost.CreateBuilder(parsed.Options!, null);
        builder.Logging.ClearProviders();
        builder.Services.AddCcmOrleans(parsed.Options!, SiloEndpoint.From(parsed.Options!));
        builder.Services.AddCcmGrains(new CcmOptions { ClusterId = "c-bench", RegionId = "cn-hangzhou", VpcId = "vpc-bp1bench" });
        builder.Services.AddSingleton(new CloudCallRecorder(TimeProvider.System));
        var app = SiloHost.Build(builder);
        await app.StartAsync(ct);
        return app;
    }

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";
}

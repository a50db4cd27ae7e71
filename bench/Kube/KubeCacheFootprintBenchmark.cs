using System.Diagnostics;
using System.Globalization;
using Ccm.Sandbox.Demo;
using Ccm.Sandbox.Kube;

namespace Ccm.Bench.Kube;

/// <summary>
/// What the silo's cache costs in memory: the emulator (in this process) is filled with 5,000 LoadBalancer Services, an
/// EndpointSlice of three endpoints each and 2,000 Nodes (<see cref="FootprintObjects"/>); then a fresh process, holding
/// only the client and the three informers the silo runs (<see cref="FootprintProcess"/>), lists and watches them until
/// synced, forces full garbage collections and reports its RSS and managed heap. Three runs with server GC, three with
/// workstation GC (the silo's); medians. Judged against the same measurement of the client before KubernetesClient: at
/// most +25%.
/// </summary>
public sealed class KubeCacheFootprintBenchmark : IBenchmark
{
    private const int Runs = 3;

    /// <summary>Objects without what the new cache trims, to see what the models themselves cost.</summary>
    private const string LeanFlag = "--lean";

    public string Name => "kube-cache-footprint";

    public string Description => "RSS and managed heap of a process caching 5,000 LB Services (+ slices) and 2,000 Nodes via the silo's informers (target: at most +25% over the old client) [services] [nodes] [--lean]";

    public IReadOnlyList<string> SmokeArgs => ["100", "40"];

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        if (args is [FootprintProcess.Role, var kubeconfigPath, ..])
        {
            return await FootprintProcess.RunAsync(kubeconfigPath, cancellationToken);
        }

        var lean = args.Contains(LeanFlag);
        var counts = args.Where(a => a != LeanFlag).ToArray();
        var services = counts.Length > 0 ? int.Parse(counts[0], CultureInfo.InvariantCulture) : 5_000;
        var nodes = counts.Length > 1 ? int.Parse(counts[1], CultureInfo.InvariantCulture) : 2_000;
        await using var emulator = await KubeEmulator.StartAsync(new KubeEmulatorOptions
        {
            Seed = SeedKind.Empty,
            RunControllers = false,
            WatchHistorySize = (3 * services) + nodes + 1_000,
            ServiceNodePortRange = "30000-49999", // two node ports per Service: a cluster this size widens the default range
        }, cancellationToken);
        Fill(emulator, services, nodes, lean ? FootprintObjects.Lean : o => o);
        var kubeconfig = Path.Combine(Path.GetTempPath(), $"bench-footprint-{Environment.ProcessId}.yaml");
        emulator.WriteKubeconfig(kubeconfig);
        try
        {
            Console.WriteLine($"cluster{(lean ? " (lean: no managedFields, last-applied copies or node images)" : "")}: {services} LoadBalancer Services, {services} EndpointSlices (3 endpoints), {nodes} Nodes; as JSON: " +
                $"services {Size(emulator, "services")}, endpointslices {Size(emulator, "endpointslices.discovery.k8s.io")}, nodes {Size(emulator, "nodes")}");
            foreach (var (gc, serverGc) in new[] { ("server GC", "1"), ("workstation GC (as the silo)", "0") })
            {
                var results = new List<FootprintResult>();
                for (var run = 0; run < Runs; run++)
                {
                    results.Add(await MeasureInChildAsync(kubeconfig, serverGc, cancellationToken));
                }

                Console.WriteLine($"{gc}: {string.Join("; ", results.Select(r => r.ToString()))}");
                var median = results.OrderBy(r => r.Rss).ElementAt(Runs / 2);
                Console.WriteLine($"{gc} median: RSS {FootprintObjects.Format(median.Rss)}, managed heap {FootprintObjects.Format(median.Heap)} " +
                    $"(before the informers started: RSS {FootprintObjects.Format(median.BaselineRss)}, heap {FootprintObjects.Format(median.BaselineHeap)})");
            }
        }
        finally
        {
            File.Delete(kubeconfig);
        }

        return 0;
    }

    private static void Fill(KubeEmulator emulator, int services, int nodes, Func<System.Text.Json.Nodes.JsonObject, System.Text.Json.Nodes.JsonObject> shape)
    {
        for (var n = 0; n < FootprintObjects.Namespaces; n++)
        {
            emulator.Objects.Create(FootprintObjects.Namespace(n));
        }

        for (var j = 0; j < nodes; j++)
        {
            emulator.Objects.Create(shape(FootprintObjects.Node(j)));
        }

        for (var i = 0; i < services; i++)
        {
            var created = emulator.Objects.Create(shape(FootprintObjects.Service(i)));
            emulator.Objects.Patch("services", FootprintObjects.NamespaceOf(i), FootprintObjects.ServiceName(i), KubePatchType.Merge, FootprintObjects.ServiceStatus(i), "status");
            emulator.Objects.Create(shape(FootprintObjects.EndpointSlice(i, (string)created["metadata"]!["uid"]!, nodes)));
        }
    }

    private static string Size(KubeEmulator emulator, string resource) =>
        FootprintObjects.Format(emulator.Objects.List(resource).Sum(o => (long)o.ToJsonString().Length));

    /// <summary>Runs <see cref="FootprintProcess"/> in a process of its own and reads its one result line.</summary>
    private static async Task<FootprintResult> MeasureInChildAsync(string kubeconfig, string serverGc, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "kube-cache-footprint", FootprintProcess.Role, kubeconfig })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_gcServer"] = serverGc;
        using var child = Process.Start(start)!;
        var output = child.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = child.StandardError.ReadToEndAsync(cancellationToken);
        await child.WaitForExitAsync(cancellationToken);
        var line = (await output).Split('\n').LastOrDefault(l => l.StartsWith("result ", StringComparison.Ordinal));
        return child.ExitCode == 0 && line is not null
            ? FootprintResult.Parse(line)
            : throw new InvalidOperationException($"the measuring process failed ({child.ExitCode}): {await output}{await errors}");
    }
}

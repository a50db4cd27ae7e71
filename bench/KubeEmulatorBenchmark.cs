using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ccm.Sandbox.Kube;

namespace Ccm.Bench;

/// <summary>
/// The Kubernetes API emulator on its own, over HTTP: how fast one watch delivers events, how long listing 10,000
/// Services takes, and how long a Deployment plus its Service take to become ready Pods and an EndpointSlice.
/// </summary>
public sealed class KubeEmulatorBenchmark : IBenchmark
{
    public string Name => "kube-emulator";

    public string Description => "emulator watch events/s (target >= 5,000), list of 10,000 Services (< 1 s), Deployment to ready EndpointSlice (< 1 s)";

    public IReadOnlyList<string> SmokeArgs => ["2000"];

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var events = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 50_000;
        await using var emulator = await KubeEmulator.StartAsync(new KubeEmulatorOptions { WatchHistorySize = Math.Max(50_000, events * 2) }, cancellationToken);
        using var http = emulator.CreateHttpClient();
        http.Timeout = TimeSpan.FromMinutes(5);

        Console.WriteLine($"load average: {LoadAverage()} on {Environment.ProcessorCount} cores (numbers scale with what else runs)");
        await WatchThroughputAsync(emulator, http, "warmup", Math.Min(20_000, events), print: false, cancellationToken);
        await WatchThroughputAsync(emulator, http, "watch", events, print: true, cancellationToken);
        await ListAsync(emulator, http, 10_000, cancellationToken);
        await DeploymentReadyAsync(http, emulator, rounds: 20, cancellationToken);
        return 0;
    }

    private static async Task WatchThroughputAsync(KubeEmulator emulator, HttpClient http, string ns, int count, bool print, CancellationToken ct)
    {
        Create(emulator, Namespace(ns));
        var rv = emulator.ResourceVersion;
        using var response = await http.GetAsync($"/api/v1/namespaces/{ns}/configmaps?watch=true&resourceVersion={rv}", HttpCompletionOption.ResponseHeadersRead, ct);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(ct));

        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var writerDone = TimeSpan.Zero;
        var writer = Task.Run(() =>
        {
            for (var i = 0; i < count; i++)
            {
                Create(emulator, new JsonObject
                {
                    ["apiVersion"] = "v1",
                    ["kind"] = "ConfigMap",
                    ["metadata"] = new JsonObject { ["name"] = $"cm-{i}", ["namespace"] = ns },
                    ["data"] = new JsonObject { ["payload"] = new string('x', 256) },
                });
            }

            writerDone = clock.Elapsed;
        }, ct);

        var received = 0;
        while (received < count && await reader.ReadLineAsync(ct) is { } line)
        {
            if (line.StartsWith("{\"type\":\"ADDED\"", StringComparison.Ordinal))
            {
                received++;
            }
        }

        var elapsed = clock.Elapsed;
        await writer;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        if (print)
        {
            // Wall-clock rates depend on what else the machine runs; CPU time per event (writer, watch stream, HTTP
            // client and the controllers stand-in together) says what one core sustains.
            Console.WriteLine($"watch: {cpu.TotalMicroseconds / received:F0} µs of CPU per event end to end = " +
                $"{received / cpu.TotalSeconds:N0} events per CPU-second");
            Console.WriteLine($"watch: {received:N0} events in {elapsed.TotalSeconds:F2} s = {received / elapsed.TotalSeconds:N0} events/s " +
                $"(target >= 5,000; in-process creates took {writerDone.TotalSeconds:F2} s = {count / writerDone.TotalSeconds:N0}/s on the same cores)");
        }
    }

    private static async Task ListAsync(KubeEmulator emulator, HttpClient http, int count, CancellationToken ct)
    {
        Create(emulator, Namespace("many"));
        for (var i = 0; i < count; i++)
        {
            Create(emulator, new JsonObject
            {
                ["apiVersion"] = "v1",
                ["kind"] = "Service",
                ["metadata"] = new JsonObject { ["name"] = $"svc-{i}", ["namespace"] = "many", ["labels"] = new JsonObject { ["app"] = $"a{i % 10}" } },
                ["spec"] = new JsonObject
                {
                    ["type"] = "ClusterIP",
                    ["ports"] = new JsonArray(new JsonObject { ["name"] = "http", ["port"] = 80, ["targetPort"] = 8080 }),
                },
            });
        }

        var timings = new List<double>();
        var bytes = 0L;
        for (var round = 0; round < 5; round++)
        {
            var clock = Stopwatch.StartNew();
            var body = await http.GetByteArrayAsync("/api/v1/namespaces/many/services", ct);
            using var document = JsonDocument.Parse(body);
            var items = document.RootElement.GetProperty("items").GetArrayLength();
            timings.Add(clock.Elapsed.TotalMilliseconds);
            bytes = body.Length;
            if (items != count)
            {
                throw new InvalidOperationException($"listed {items} services, expected {count}");
            }
        }

        Console.WriteLine($"list: {count:N0} Services ({bytes / 1024.0 / 1024.0:F1} MiB) fetched and parsed in " +
            $"median {Median(timings):F0} ms, best {timings.Min():F0} ms over {timings.Count} rounds (target < 1,000 ms)");
    }

    private static async Task DeploymentReadyAsync(HttpClient http, KubeEmulator emulator, int rounds, CancellationToken ct)
    {
        var timings = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            var ns = $"ready-{round}";
            Create(emulator, Namespace(ns));
            var clock = Stopwatch.StartNew();
            await PostAsync(http, $"/api/v1/namespaces/{ns}/services", ServiceManifest(), ct);
            await PostAsync(http, $"/apis/apps/v1/namespaces/{ns}/deployments", DeploymentManifest(), ct);
            while (!SliceReady(emulator, ns, 3))
            {
                if (clock.Elapsed > TimeSpan.FromSeconds(30))
                {
                    throw new TimeoutException($"round {round}: no ready EndpointSlice after 30 s");
                }

                await Task.Delay(1, ct);
            }

            timings.Add(clock.Elapsed.TotalMilliseconds);
        }

        timings.Sort();
        Console.WriteLine($"deployment: Service + Deployment (3 replicas) to 3 ready endpoints in median {Median(timings):F0} ms, " +
            $"p95 {timings[(int)(timings.Count * 0.95) - 1]:F0} ms, max {timings[^1]:F0} ms over {rounds} rounds (target < 1,000 ms)");
    }

    private static bool SliceReady(KubeEmulator emulator, string ns, int endpoints) =>
        emulator.Objects.List("endpointslices.discovery.k8s.io", ns, "kubernetes.io/service-name=web") is [var slice]
        && slice["endpoints"] is JsonArray list && list.Count == endpoints
        && list.All(e => (bool?)e?["conditions"]?["ready"] == true);

    private static async Task PostAsync(HttpClient http, string path, JsonObject body, CancellationToken ct)
    {
        using var content = new StringContent(body.ToJsonString(), Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await http.PostAsync(path, content, ct);
        response.EnsureSuccessStatusCode();
    }

    private static void Create(KubeEmulator emulator, JsonObject obj) => emulator.Objects.Create(obj);

    private static JsonObject Namespace(string name) =>
        new() { ["apiVersion"] = "v1", ["kind"] = "Namespace", ["metadata"] = new JsonObject { ["name"] = name } };

    private static JsonObject ServiceManifest() => JsonNode.Parse("""
        {"apiVersion":"v1","kind":"Service","metadata":{"name":"web"},
         "spec":{"type":"LoadBalancer","selector":{"app":"web"},"ports":[{"name":"http","port":80,"targetPort":"http"}]}}
        """)!.AsObject();

    private static JsonObject DeploymentManifest() => JsonNode.Parse("""
        {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web"},
         "spec":{"replicas":3,"selector":{"matchLabels":{"app":"web"}},
                 "template":{"metadata":{"labels":{"app":"web"}},
                             "spec":{"containers":[{"name":"web","image":"nginx:1.27","ports":[{"name":"http","containerPort":8080}]}]}}}}
        """)!.AsObject();

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}

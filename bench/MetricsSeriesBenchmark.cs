using System.Diagnostics;
using System.Globalization;
using Ccm.Silo;
using k8s;
using k8s.Models;

namespace Ccm.Bench;

/// <summary>
/// The size of <c>/metrics</c> on a busy silo: the real executable's <c>--sandbox</c> (Orleans, the grains, both
/// emulators, the demo's nodes and route tables) with 1,000 LoadBalancer Services converged. Every label value comes
/// from a fixed vocabulary, so the series count must not follow the number of Services: it is printed for the demo's
/// one Service and again for 1,000, and judged against <see cref="SeriesBound"/>.
/// </summary>
public sealed class MetricsSeriesBenchmark : IBenchmark
{
    /// <summary>Series (sample lines) allowed in one scrape, whatever the number of Services, nodes or route tables.</summary>
    public const int SeriesBound = 2000;

    public string Name => "metrics-series";

    public string Description => $"series in one /metrics scrape of a sandbox silo with 1 and then 1,000 LoadBalancer Services converged (bound {SeriesBound})";

    public IReadOnlyList<string> SmokeArgs => ["10"];

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var services = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
        var folder = Directory.CreateTempSubdirectory("ccm-metrics-bench-").FullName;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var banner = new BannerWriter();
        string[] flags =
        [
            "--sandbox", $"--sandbox-dir={folder}", "--metrics-bind-addr=127.0.0.1:0", "--health-probe-bind-addr=127.0.0.1:0", "--dashboard-bind-addr=0",
            // The Kubernetes emulator is in this process: the client's default 20 QPS would only make the wait longer.
            "--kube-api-qps=500", "--kube-api-burst=1000",
        ];
        var silo = Task.Run(() => SiloApp.RunAsync(flags, Environment.GetEnvironmentVariable, null, banner, TextWriter.Null, stop.Token), stop.Token);
        try
        {
            var metrics = await banner.MetricsUrl.WaitAsync(TimeSpan.FromMinutes(2), cancellationToken);
            using var kube = new Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(Path.Combine(folder, "kubeconfig")));
            using var http = new HttpClient();

            await WaitConvergedAsync(kube, 1, cancellationToken);
            var demo = await ScrapeAsync(http, metrics, cancellationToken);
            Console.WriteLine($"1 Service (the demo's):        {demo.Series,5} series in {demo.Families} families");

            var started = Stopwatch.GetTimestamp();
            for (var i = 1; i < services; i++)
            {
                await kube.CoreV1.CreateNamespacedServiceAsync(Service($"bench-{i:D4}"), "default", cancellationToken: cancellationToken);
            }

            await WaitConvergedAsync(kube, services, cancellationToken);
            Console.WriteLine($"{services} Services converged in {Stopwatch.GetElapsedTime(started).TotalSeconds:F0} s");
            var busy = await ScrapeAsync(http, metrics, cancellationToken);
            Console.WriteLine($"{services,5} Services:              {busy.Series,5} series in {busy.Families} families");
            foreach (var (family, count) in busy.Largest.Take(8))
            {
                Console.WriteLine($"    {count,4}  {family}");
            }

            Console.WriteLine($"bound {SeriesBound} series; ratio bound/series = {(double)SeriesBound / busy.Series:F2}x; " +
                $"growth from 1 to {services} Services = {busy.Series - demo.Series} series ({(double)busy.Series / demo.Series:F2}x)");
            return busy.Series <= SeriesBound ? 0 : 1;
        }
        finally
        {
            await stop.CancelAsync();
            await silo;
        }
    }

    private static async Task WaitConvergedAsync(Kubernetes kube, int count, CancellationToken cancellationToken)
    {
        var last = -1;
        while (true)
        {
            var list = await kube.CoreV1.ListNamespacedServiceAsync("default", cancellationToken: cancellationToken);
            var converged = list.Items.Count(s => s.Spec.Type == "LoadBalancer" && s.Status?.LoadBalancer?.Ingress is { Count: > 0 });
            if (converged >= count)
            {
                return;
            }

            if (converged / 100 != last / 100)
            {
                Console.WriteLine($"  {converged}/{count} Services have an address");
                last = converged;
            }

            await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
        }
    }

    /// <summary>A sample line is one series; the largest families are the ones a label could make grow.</summary>
    private static async Task<(int Series, int Families, IReadOnlyList<(string Family, int Count)> Largest)> ScrapeAsync(
        HttpClient http, Uri metrics, CancellationToken cancellationToken)
    {
        var text = await http.GetStringAsync(metrics, cancellationToken);
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var types = lines.Where(l => l.StartsWith("# TYPE ", StringComparison.Ordinal)).Select(l => l.Split(' ')[2]).ToList();
        var samples = lines.Where(l => !l.StartsWith('#')).Select(l => l[..l.IndexOfAny(['{', ' '])]).ToList();
        var largest = samples
            .GroupBy(name => types.Where(t => name.StartsWith(t, StringComparison.Ordinal)).MaxBy(t => t.Length) ?? name)
            .Select(g => (g.Key, g.Count()))
            .OrderByDescending(g => g.Item2)
            .ToList();
        return (samples.Count, types.Count, largest);
    }

    private static V1Service Service(string name) => new()
    {
        Metadata = new V1ObjectMeta
        {
            Name = name,
            Annotations = new Dictionary<string, string> { ["service.beta.kubernetes.io/alibaba-cloud-loadbalancer-address-type"] = "intranet" },
        },
        Spec = new V1ServiceSpec
        {
            Type = "LoadBalancer",
            Selector = new Dictionary<string, string> { ["run"] = "nginx" },
            Ports = [new V1ServicePort { Port = 80, TargetPort = 80, Protocol = "TCP" }],
        },
    };

    /// <summary>Standard output of the sandbox: finds the metrics URL in its banner.</summary>
    private sealed class BannerWriter : StringWriter
    {
        private readonly TaskCompletionSource<Uri> url = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<Uri> MetricsUrl => url.Task;

        public override Task WriteAsync(string? value)
        {
            foreach (var line in (value ?? "").Split('\n'))
            {
                var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (words is ["metrics", var address] && Uri.TryCreate(address, UriKind.Absolute, out var found))
                {
                    url.TrySetResult(found);
                }
            }

            return base.WriteAsync(value);
        }
    }
}

using System.Diagnostics;
using System.Globalization;
using Ccm.CloudClients.Ecs;
using Ccm.CloudClients.Endpoints;
using Ccm.CloudClients.Hosting;
using Ccm.CloudClients.Slb;
using Ccm.CloudClients.Transport;
using Ccm.CloudClients.Vpc;
using Ccm.Sandbox.Aliyun;
using Ccm.Sandbox.Demo;
using Microsoft.Extensions.DependencyInjection;

namespace Ccm.Bench;

/// <summary>
/// How many signed OpenAPI calls per second the C# client gets through the emulator on loopback with no injected
/// latency: the ceiling later benchmarks run under, so they measure the CCM rather than the emulator. Workers loop
/// over the reads a reconcile issues (ECS DescribeInstances by ids, VPC DescribeRouteEntryList, SLB DescribeLoadBalancers),
/// each one signed call, once with V3 and once with V2 signatures. The client's own rate limits are off.
/// </summary>
public sealed class AliyunThroughputBenchmark : IBenchmark
{
    private const double TargetCallsPerSecond = 2_000;
    private const string AccessKeyId = "LTAI5tBenchThroughput";
    private const string AccessKeySecret = "bench-throughput-secret";

    public string Name => "aliyun-throughput";

    public string Description => "signed OpenAPI calls/s, C# client -> in-process emulator on loopback (target 2,000 calls/s)";

    public IReadOnlyList<string> SmokeArgs => ["--seconds", "1", "--concurrency", "4"];

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var settings = ThroughputSettings.Parse(args);
        Console.WriteLine($"aliyun-throughput: {settings.Concurrency} workers, {settings.Duration.TotalSeconds:F0} s per signature version, "
            + $"{Environment.ProcessorCount} cores, load average {LoadAverage()} (other work on the machine lowers the numbers)");
        await using var emulator = await AliyunEmulator.StartAsync(
            new AliyunEmulatorOptions { AccessKeyId = AccessKeyId, AccessKeySecret = AccessKeySecret }, cancellationToken);
        var failed = false;
        foreach (var version in settings.Versions)
        {
            var result = await MeasureAsync(emulator, version, settings, cancellationToken);
            result.Print(TargetCallsPerSecond);
            failed |= result.Failed > 0 || result.Arrived != result.Succeeded + result.Failed;
        }

        return failed ? 1 : 0;
    }

    private static async Task<ThroughputResult> MeasureAsync(
        AliyunEmulator emulator, SignatureVersion version, ThroughputSettings settings, CancellationToken cancellationToken)
    {
        await using var clients = Clients(emulator, version);
        var calls = Calls(clients);
        _ = await ThroughputWorkers.RunAsync(calls, settings.Concurrency, settings.Warmup, cancellationToken);
        emulator.Calls.Clear();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var (succeeded, failed) = await ThroughputWorkers.RunAsync(calls, settings.Concurrency, settings.Duration, cancellationToken);
        return new ThroughputResult(version, succeeded, failed, emulator.Calls.Counts.Values.Sum(), watch.Elapsed,
            Process.GetCurrentProcess().TotalProcessorTime - cpuBefore);
    }

    /// <summary>The clients wired as the silo wires them (one DI registration, endpoints from the environment), limits off.</summary>
    private static ServiceProvider Clients(AliyunEmulator emulator, SignatureVersion version)
    {
        var endpoint = emulator.BaseAddress.Authority;
        var environment = CloudEnvironment.Empty
            .With(CloudEnvironment.SlbEndpoint, endpoint).With(CloudEnvironment.VpcEndpoint, endpoint).With(CloudEnvironment.EcsEndpoint, endpoint)
            .With(CloudEnvironment.ClientScheme, "HTTP")
            .With(CloudEnvironment.AccessKeyId, AccessKeyId).With(CloudEnvironment.AccessKeySecret, AccessKeySecret);
        return new ServiceCollection()
            .AddSingleton(environment)
            .AddAliyunCloudClients(o =>
            {
                o.RegionId = DemoWorld.RegionId;
                o.SignatureVersion = version;
                foreach (var limit in o.RateLimits.Values)
                {
                    limit.PermitsPerSecond = 0;
                }
            })
            .BuildServiceProvider();
    }

    /// <summary>One signed call each: every request fits in one page.</summary>
    private static IReadOnlyList<Func<CancellationToken, Task>> Calls(ServiceProvider clients)
    {
        var ecs = clients.GetRequiredService<IEcsClient>();
        var vpc = clients.GetRequiredService<IVpcClient>();
        var slb = clients.GetRequiredService<ISlbClient>();
        var instances = new DescribeInstancesRequest { InstanceIds = [.. DemoWorld.Nodes.Select(n => n.InstanceId)] };
        var routes = new DescribeRouteEntryListRequest { RouteTableId = DemoWorld.CustomRouteTableIds[0] };
        var loadBalancers = new DescribeLoadBalancersRequest();
        return
        [
            ct => DrainAsync(ecs.DescribeInstancesAsync(instances, ct)),
            ct => DrainAsync(vpc.DescribeRouteEntryListAsync(routes, ct)),
            ct => DrainAsync(slb.DescribeLoadBalancersAsync(loadBalancers, ct)),
        ];
    }

    private static async Task DrainAsync<T>(IAsyncEnumerable<T> items)
    {
        await foreach (var _ in items)
        {
        }
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";
}

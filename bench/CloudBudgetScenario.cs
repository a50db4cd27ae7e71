using System.Diagnostics;
using Ccm.CloudClients.Endpoints;
using Ccm.CloudClients.Hosting;
using Ccm.CloudClients.Slb;
using Ccm.CloudClients.Transport.Budget;
using Ccm.Sandbox.Aliyun;
using Ccm.Sandbox.Demo;
using Microsoft.Extensions.DependencyInjection;

namespace Ccm.Bench;

/// <summary>
/// One row of <see cref="CloudBudgetBenchmark"/>: how the client's budget is set, which class the change queues in, and
/// which of its ratios are held to the target (a row that only shows main's behaviour holds none).
/// </summary>
internal sealed record CloudBudgetScenario(string Name, string RateLimits, CloudCallPriority ChangePriority, bool JudgeChange, bool JudgeDrain);

/// <summary>What one scenario measured; bounds are the emulator throttle's, so a ratio of 1 is the best any client can do.</summary>
internal sealed record CloudBudgetOutcome(
    CloudBudgetScenario Scenario, TimeSpan ChangeLatency, TimeSpan ChangeBound, TimeSpan Drain, TimeSpan DrainBound, int Throttled, int Failed, int QueuedAtChange);

/// <summary>
/// N resync callers, each with its own key, each one SLB read, start at once; when they are all queued, one change
/// (a caller of its own) issues the same read. Every call goes through the clients as the silo wires them.
/// </summary>
internal static class CloudBudgetRun
{
    public const string Action = "DescribeLoadBalancers";

    public static async Task<CloudBudgetOutcome> RunAsync(
        AliyunEmulator emulator, CloudBudgetScenario scenario, CloudBudgetSettings settings, string accessKeyId, string accessKeySecret, CancellationToken cancellationToken)
    {
        emulator.Faults.SetQpsLimit(Action, 0);
        emulator.Faults.SetQpsLimit(Action, settings.Qps); // a fresh bucket, full: one second's worth of calls
        emulator.Calls.Clear();
        await using var clients = Clients(emulator, scenario.RateLimits, accessKeyId, accessKeySecret);
        var slb = clients.GetRequiredService<ISlbClient>();
        var budget = clients.GetRequiredService<CloudCallBudget>();
        var failed = 0;
        async Task ReadAsync(CloudCallPriority priority, string key)
        {
            using var scope = CloudCallScope.Begin(priority, key);
            try
            {
                await slb.DescribeLoadBalancersAsync(new DescribeLoadBalancersRequest(), cancellationToken).ToListAsync(cancellationToken);
            }
            catch (Ccm.CloudClients.Transport.OpenApiException)
            {
                Interlocked.Increment(ref failed);
            }
        }

        var started = Stopwatch.GetTimestamp();
        var resyncs = Enumerable.Range(0, settings.Resyncs).Select(i => ReadAsync(CloudCallPriority.Resync, $"service/bench/s{i}")).ToList();
        while (Queued(budget) < settings.Resyncs / 2 && !resyncs.All(r => r.IsCompleted)) // fewer callers than the burst never queue
        {
            await Task.Delay(10, cancellationToken);
        }

        var queuedAtChange = Queued(budget);
        var changeStarted = Stopwatch.GetTimestamp();
        await ReadAsync(scenario.ChangePriority, "service/bench/nginx");
        var changeLatency = Stopwatch.GetElapsedTime(changeStarted);
        await Task.WhenAll(resyncs);
        var drain = Stopwatch.GetElapsedTime(started);

        var calls = settings.Resyncs + 1;
        var drainBound = TimeSpan.FromSeconds(Math.Max(0, calls - Math.Max(1, settings.Qps)) / settings.Qps);
        var throttled = emulator.Calls.Of(Action).Count(c => c.ErrorCode == "Throttling.User");
        return new CloudBudgetOutcome(scenario, changeLatency, TimeSpan.FromSeconds(1 / settings.Qps), drain, drainBound, throttled, failed, queuedAtChange);
    }

    /// <summary>Unmeasured reads with no budget and no throttle, so the first row does not pay for JIT and new connections.</summary>
    public static async Task WarmUpAsync(AliyunEmulator emulator, string accessKeyId, string accessKeySecret, CancellationToken cancellationToken)
    {
        emulator.Faults.SetQpsLimit(Action, 0);
        await using var clients = Clients(emulator, "SLB=0", accessKeyId, accessKeySecret);
        var slb = clients.GetRequiredService<ISlbClient>();
        await Task.WhenAll(Enumerable.Range(0, 64).Select(async _ =>
            await slb.DescribeLoadBalancersAsync(new DescribeLoadBalancersRequest(), cancellationToken).ToListAsync(cancellationToken)));
    }

    private static int Queued(CloudCallBudget budget) => budget.Snapshot().Sum(s => s.EventWaiters + s.ResyncWaiters);

    /// <summary>The clients wired as the silo wires them (one DI registration, endpoints from the environment).</summary>
    private static ServiceProvider Clients(AliyunEmulator emulator, string rateLimits, string accessKeyId, string accessKeySecret)
    {
        var endpoint = emulator.BaseAddress.Authority;
        var environment = CloudEnvironment.Empty
            .With(CloudEnvironment.SlbEndpoint, endpoint).With(CloudEnvironment.VpcEndpoint, endpoint).With(CloudEnvironment.EcsEndpoint, endpoint)
            .With(CloudEnvironment.ClientScheme, "HTTP")
            .With(CloudEnvironment.AccessKeyId, accessKeyId).With(CloudEnvironment.AccessKeySecret, accessKeySecret);
        return new ServiceCollection()
            .AddSingleton(environment)
            .AddAliyunCloudClients(o =>
            {
                o.RegionId = DemoWorld.RegionId;
                o.MaxAttempts = 20;
                o.ApplyRateLimits(rateLimits);
            })
            .BuildServiceProvider();
    }
}

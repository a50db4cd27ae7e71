using System.Globalization;
using Ccm.CloudClients.Transport.Budget;
using Ccm.Sandbox.Aliyun;

namespace Ccm.Bench;

/// <summary>
/// A resync backlog and one change against the emulator's per-action throttle (the shape of a restart with 1,000
/// converged Services and one endpoint change). Prints, per client configuration, the change's latency against one
/// throttle interval and the backlog's drain time against the throttle's lower bound (the emulator's bucket starts full,
/// so N+1 calls need (N+1-R)/R seconds at least); target ratio &lt;= 1.25. The first row is main's behaviour (the change
/// queues with the resync); the last sets the budget twice too high, so the adaptive rate has to find the throttle.
/// </summary>
public sealed class CloudBudgetBenchmark : IBenchmark
{
    private const double Target = 1.25;
    private const string AccessKeyId = "LTAI5tBenchCloudBudget";
    private const string AccessKeySecret = "bench-cloud-budget-secret";

    public string Name => "cloud-budget";

    public string Description => "resync backlog + one change through the client budget vs the emulator throttle (target ratios <= 1.25)";

    public IReadOnlyList<string> SmokeArgs => ["--resync", "60", "--qps", "20"];

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var settings = CloudBudgetSettings.Parse(args);
        var rate = settings.Qps.ToString("0.###", CultureInfo.InvariantCulture);
        var over = (settings.Qps * 2).ToString("0.###", CultureInfo.InvariantCulture);
        var burst = Math.Max(1, (int)(settings.Qps / 2));
        CloudBudgetScenario[] scenarios =
        [
            // main's behaviour: the change waits behind the backlog.
            new("change queued as resync", $"SLB.{CloudBudgetRun.Action}={rate}:{burst}", CloudCallPriority.Resync, JudgeChange: false, JudgeDrain: false),
            new("change as event", $"SLB.{CloudBudgetRun.Action}={rate}:{burst}", CloudCallPriority.Event, JudgeChange: true, JudgeDrain: true),
            // The budget is set too high and must find the throttle; the change may land on one of AIMD's probes and pay
            // a throttled attempt plus TimeLeft, so only the drain is held to the target here.
            new("event, budget 2x the throttle", $"SLB.{CloudBudgetRun.Action}={over}:{burst * 2}", CloudCallPriority.Event, JudgeChange: false, JudgeDrain: true),
        ];

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"cloud-budget: {settings.Resyncs} resync callers + 1 change, {CloudBudgetRun.Action} throttled by the emulator at {settings.Qps:0.###}/s "
            + $"(bucket of {settings.Qps:0.###}); {Environment.ProcessorCount} cores, load average {LoadAverage()}"));
        Console.WriteLine($"{"scenario",-30} {"client budget",-36} {"queued",6} {"change",9} {"bound",7} {"ratio",6} {"drain",8} {"bound",8} {"ratio",6} {"throttled",9}");
        await using var emulator = await AliyunEmulator.StartAsync(
            new AliyunEmulatorOptions { AccessKeyId = AccessKeyId, AccessKeySecret = AccessKeySecret }, cancellationToken);
        await CloudBudgetRun.WarmUpAsync(emulator, AccessKeyId, AccessKeySecret, cancellationToken);
        var missed = new List<string>();
        foreach (var scenario in scenarios)
        {
            var outcome = await CloudBudgetRun.RunAsync(emulator, scenario, settings, AccessKeyId, AccessKeySecret, cancellationToken);
            Print(outcome);
            if (outcome.Failed > 0 || (scenario.JudgeChange && outcome.ChangeLatency / outcome.ChangeBound > Target)
                || (scenario.JudgeDrain && outcome.Drain / outcome.DrainBound > Target))
            {
                missed.Add(scenario.Name);
            }
        }

        Console.WriteLine(missed.Count == 0
            ? $"target <= {Target}: met (change ratio: 'change as event'; drain ratio: both event rows)"
            : $"target <= {Target}: missed by {string.Join(", ", missed)}");
        return missed.Count == 0 ? 0 : IBenchmark.TargetMissed;
    }

    private static void Print(CloudBudgetOutcome o) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{o.Scenario.Name,-30} {o.Scenario.RateLimits,-36} {o.QueuedAtChange,6} {o.ChangeLatency.TotalSeconds,8:F3}s {o.ChangeBound.TotalSeconds,6:F3}s {o.ChangeLatency / o.ChangeBound,6:F2} "
            + $"{o.Drain.TotalSeconds,7:F2}s {o.DrainBound.TotalSeconds,7:F2}s {o.Drain / o.DrainBound,6:F2} {o.Throttled,9}{(o.Failed > 0 ? $"  ({o.Failed} calls failed)" : "")}"));

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";
}

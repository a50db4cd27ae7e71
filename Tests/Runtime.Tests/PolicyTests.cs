namespace Ccm.Runtime.Tests;

public sealed class PolicyTests
{
    private static readonly RetryBackoffOptions Backoff = new() { BaseDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromMinutes(5), Jitter = 0.2 };

    [Theory]
    [InlineData(1, 0.0, 1_000)]
    [InlineData(2, 0.0, 2_000)]
    [InlineData(3, 0.0, 4_000)]
    [InlineData(9, 0.0, 256_000)]
    [InlineData(10, 0.0, 300_000)]
    [InlineData(1000, 0.0, 300_000)]
    [InlineData(1, 0.5, 900)]
    [InlineData(10, 0.999999, 240_000.06)]
    public void Backoff_doubles_from_the_base_is_capped_and_jitter_only_shortens(int failures, double random, double expectedMilliseconds)
    {
        Assert.Equal(expectedMilliseconds, RetryBackoff.Delay(failures, Backoff, random).TotalMilliseconds, precision: 1);
    }

    public static TheoryData<string, ReconcileResult?, Exception?, bool, int, TurnResult, int, double?> Decisions => new()
    {
        { "done forgets failures", ReconcileResult.Done, null, false, 3, TurnResult.Succeeded, 0, null },
        { "requeue forgets failures and schedules", ReconcileResult.RequeueAfter(TimeSpan.FromSeconds(30)), null, false, 3, TurnResult.Requeued, 0, 30_000 },
        { "an error backs off by the failure count", null, new HttpRequestException("x"), false, 2, TurnResult.Failed, 3, 4_000 },
        { "a terminal error schedules nothing", null, new TerminalException("bad"), false, 0, TurnResult.Terminal, 1, null },
        { "a wrapped terminal error is terminal", null, new AggregateException(new TerminalException("bad")), false, 0, TurnResult.Terminal, 1, null },
        { "cancellation by the runtime is not a failure", null, new OperationCanceledException(), true, 2, TurnResult.Cancelled, 2, null },
        { "a timeout of the turn's own is a failure", null, new OperationCanceledException(), false, 0, TurnResult.Failed, 1, 1_000 },
    };

    [Theory]
    [MemberData(nameof(Decisions))]
    public void The_reconcile_precedence_rule(
        string rule, ReconcileResult? result, Exception? error, bool stoppedByRuntime, int failures, TurnResult expected, int expectedFailures, double? expectedWakeMs)
    {
        var decision = ReconcilePolicy.Decide(result, error, stoppedByRuntime, failures, Backoff, random: 0);

        Assert.True(expected == decision.Result, rule);
        Assert.Equal(expectedFailures, decision.Failures);
        Assert.Equal(expectedWakeMs, decision.WakeAfter?.TotalMilliseconds);
    }

    [Fact]
    public void RequeueAfter_rejects_non_positive_delays() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ReconcileResult.RequeueAfter(TimeSpan.Zero));

    [Theory]
    [InlineData(new[] { 5.0 }, 0.5, 5.0)]
    [InlineData(new[] { 1.0, 2.0, 3.0, 4.0 }, 0.5, 2.0)]
    [InlineData(new[] { 1.0, 2.0, 3.0, 4.0 }, 0.99, 4.0)]
    [InlineData(new[] { 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0 }, 0.9, 9.0)]
    public void Latency_percentiles_are_nearest_rank(double[] sorted, double p, double expected) =>
        Assert.Equal(expected, TurnWindow.Percentile(sorted, p));
}

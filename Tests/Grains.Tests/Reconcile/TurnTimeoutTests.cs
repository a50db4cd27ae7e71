using Ccm.CloudClients.Endpoints;
using Ccm.CloudClients.Transport.Budget;
using Ccm.GrainInterfaces;
using Ccm.Grains.Reconcile;
using Ccm.Grains.Tests.Reconcile.Support;
using Ccm.Grains.Tests.Support;
using Ccm.TestSupport;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace Ccm.Grains.Tests.Reconcile;

/// <summary>
/// A grain's turn under a tiny <see cref="ReconcileOptions.TurnTimeout"/>: a long wait for a cloud permit never cancels it;
/// working past the timeout does. The reconcile layer and the cloud budget share a fake clock (Orleans keeps real time).
/// </summary>
public sealed class TurnTimeoutTests(ITestOutputHelper output)
{
    private const string Key = "default/nginx";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task A_permit_wait_never_cancels_a_turn_and_working_past_the_timeout_does()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));
        using var budget = new CloudCallBudget(CloudRateLimitText.Parse("SLB=1/60:1"), new AdaptiveRateOptions { Enabled = false }, TimeSpan.FromSeconds(30), time);
        Assert.True(budget.AcquireAsync(CloudProduct.Slb, "DescribeLoadBalancers", default).AsTask().IsCompletedSuccessfully); // the burst is spent
        var options = new ReconcileOptions { TurnTimeout = Timeout, Retry = ClusterSetup.QuickRetries.Retry };
        await using var cluster = await ReconcileCluster.StartAsync(new ClusterSetup { Reconcile = options, Time = time }, output);
        var granted = new TaskCompletionSource<(bool Cancelled, TimeSpan Worked, TimeSpan Waited)>(TaskCreationOptions.RunContinuationsAsynchronously);
        var cancelled = new TaskCompletionSource<(TimeSpan Worked, TimeSpan Waited)>(TaskCreationOptions.RunContinuationsAsynchronously);
        cluster.Probe.Turn = async (turn, token) =>
        {
            if (turn.Number > 1)
            {
                return ReconcileResult.Done;
            }

            var scope = CloudCallScope.Current!;
            await budget.AcquireAsync(CloudProduct.Slb, "DescribeLoadBalancers", token); // a minute in the queue
            granted.SetResult((token.IsCancellationRequested, turn.Deadline.Worked, scope.PermitWait));
            try
            {
                await Task.Delay(System.Threading.Timeout.Infinite, token); // then works until stopped
            }
            catch (OperationCanceledException)
            {
                cancelled.SetResult((turn.Deadline.Worked, scope.PermitWait));
                throw;
            }

            return ReconcileResult.Done;
        };

        await cluster.Grains.GetGrain<IProbeGrain>(Key).Signal(SignalKind.Event);
        await Eventually.TrueAsync(() => Waiters(budget) == 1, "the turn queued for its permit");
        time.AdvanceInSteps(TimeSpan.FromSeconds(59.9));
        Assert.False(cluster.Probe.TurnsOf(Key)[0].Deadline.Token.IsCancellationRequested, "cancelled while waiting for a permit");
        time.AdvanceInSteps(TimeSpan.FromSeconds(0.2));
        var afterWait = await granted.Task.WaitAsync(Eventually.DefaultTimeout);

        Assert.False(afterWait.Cancelled);
        Assert.True(afterWait.Waited >= TimeSpan.FromSeconds(59.9), $"waited {afterWait.Waited}");
        Assert.True(afterWait.Worked < Timeout, $"worked {afterWait.Worked}");

        time.AdvanceInSteps(TimeSpan.FromSeconds(2));
        var atCancel = await cancelled.Task.WaitAsync(Eventually.DefaultTimeout);
        Assert.True(atCancel.Worked >= Timeout, $"cancelled after working {atCancel.Worked}");
        Assert.Equal(afterWait.Waited, atCancel.Waited);
        await Eventually.TrueAsync(() => cluster.Idle(ProbeGrain.KindName, Key) && cluster.Probe.TurnsOf(Key).Count == 2, "the timed-out turn was retried");
        Assert.Equal(1, cluster.Probe.TurnsOf(Key)[1].FailuresBefore); // a timeout is a failure, retried with backoff
    }

    private static int Waiters(CloudCallBudget budget) =>
        budget.Snapshot().Where(s => s.Product == "SLB").Sum(s => s.EventWaiters + s.ResyncWaiters);
}

using Ccm.CloudClients.Tests.Fakes;
using Ccm.CloudClients.Transport;
using Ccm.CloudClients.Transport.Budget;
using Ccm.TestSupport;

namespace Ccm.CloudClients.Tests.Budget;

/// <summary>How the transport spends the budget: a permit per attempt, the attempt's timeout after it, and slow-down answers paced by the budget.</summary>
public class TransportBudgetTests
{
    private static readonly CloudAction Read = CloudAction.Read(TestBudget.Action);

    [Fact]
    public async Task An_attempts_timeout_starts_when_its_permit_is_granted_not_when_it_starts_waiting()
    {
        using var budget = new TestBudget("SLB=1/60:1");
        var handler = new RecordingHandler((_, _) => RecordingHandler.Ok());
        var transport = TestClients.Transport(handler, options: TestClients.Options(o => (o.Timeout, o.MaxAttempts) = (TimeSpan.FromSeconds(1), 1)),
            budget: budget.Budget, time: budget.Time);
        budget.Drain();
        using var scope = CloudCallScope.Begin(CloudCallPriority.Event, "service/default/nginx");

        var call = transport.CallAsync(Read, new RpcParameters(), TransportJsonContext.Default.OpenApiResponse, default);
        budget.Advance(TimeSpan.FromSeconds(60));

        Assert.Equal("req-ok", (await call).RequestId);
        Assert.Equal(TimeSpan.FromSeconds(60), scope.PermitWait);
    }

    [Fact]
    public async Task An_attempts_timeout_runs_on_the_injected_clock()
    {
        using var budget = new TestBudget("SLB=0");
        var sent = new TaskCompletionSource();
        var handler = new RecordingHandler(async (_, _, ct) =>
        {
            sent.SetResult();
            await Task.Delay(Timeout.Infinite, ct);
            return RecordingHandler.Ok();
        });
        var transport = TestClients.Transport(handler, options: TestClients.Options(o => (o.Timeout, o.MaxAttempts) = (TimeSpan.FromMinutes(10), 1)),
            budget: budget.Budget, time: budget.Time);

        var call = transport.CallAsync(Read, new RpcParameters(), TransportJsonContext.Default.OpenApiResponse, default);
        await sent.Task;
        budget.Advance(TimeSpan.FromMinutes(10));

        // The bound only turns a clock that is not the injected one into a failure instead of a ten-minute hang.
        var error = await Assert.ThrowsAsync<OpenApiException>(() => call.WaitAsync(Eventually.DefaultTimeout));
        Assert.Equal(OpenApiErrorCodes.ClientTimeout, error.Code);
    }

    [Fact]
    public async Task A_throttled_attempt_pauses_its_budget_for_TimeLeft_and_the_retry_waits_there_instead_of_sleeping()
    {
        using var budget = new TestBudget("SLB=10:10");
        var handler = new RecordingHandler((_, i) => i == 0
            ? RecordingHandler.Error(400, "Throttling.User", "Request was denied due to user flow control.", ("x-ratelimit-user-api", "Limit:10,Remain:0,TimeLeft:3000"))
            : RecordingHandler.Ok());
        var slowBackoff = new Backoff(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(60), () => 1);
        var transport = TestClients.Transport(handler, budget: budget.Budget, time: budget.Time, backoff: slowBackoff);
        using var scope = CloudCallScope.Begin(CloudCallPriority.Event, "service/default/nginx");

        var call = transport.CallAsync(Read, new RpcParameters(), TransportJsonContext.Default.OpenApiResponse, default);
        await Eventually.TrueAsync(() => budget.State().EventWaiters == 1, "the retry queued for a permit");
        budget.Advance(TimeSpan.FromSeconds(2.9));
        Assert.Single(handler.Requests);
        budget.Advance(TimeSpan.FromSeconds(0.1));

        Assert.Equal("req-ok", (await call).RequestId);
        Assert.Equal(2, handler.Requests.Count);
        Assert.Equal(TimeSpan.FromSeconds(3), scope.PermitWait);
    }

    [Fact]
    public async Task Every_attempt_takes_a_permit_from_the_budget_of_its_action()
    {
        using var budget = new TestBudget("SLB=1:2,SLB.DescribeVServerGroups=0");
        var handler = new RecordingHandler((_, i) => i == 0 ? RecordingHandler.Error(503, "InternalError") : RecordingHandler.Ok());
        var transport = TestClients.Transport(handler, budget: budget.Budget, time: budget.Time);

        await transport.CallAsync(Read, new RpcParameters(), TransportJsonContext.Default.OpenApiResponse, default);
        await transport.CallAsync(CloudAction.Read("DescribeVServerGroups"), new RpcParameters(), TransportJsonContext.Default.OpenApiResponse, default);

        Assert.Equal(3, handler.Requests.Count);
        Assert.Equal(0, budget.Tokens(), precision: 9);
    }
}

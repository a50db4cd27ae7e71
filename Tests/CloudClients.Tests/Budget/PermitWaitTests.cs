using Ccm.CloudClients.Endpoints;
using Ccm.CloudClients.Tests.Fakes;
using Ccm.CloudClients.Transport;
using Ccm.CloudClients.Transport.Budget;

namespace Ccm.CloudClients.Tests.Budget;

/// <summary>
/// Waiting for budget is not work: a scope's <see cref="CloudCallScope.PermitWait"/> holds exactly the time its calls spent
/// queued, so the reconcile layer can leave it out of a turn's timeout.
/// </summary>
public class PermitWaitTests
{
    [Fact]
    public void Permit_wait_accrues_while_a_call_is_queued_and_stops_when_it_is_granted()
    {
        using var budget = new TestBudget("SLB=0.5:1");
        budget.Drain();
        using var scope = CloudCallScope.Begin(CloudCallPriority.Event, "service/default/nginx");
        var call = budget.Budget.AcquireAsync(CloudProduct.Slb, TestBudget.Action, default).AsTask();

        budget.Advance(TimeSpan.FromSeconds(1.5));
        Assert.Equal((TimeSpan.FromSeconds(1.5), true), (scope.PermitWait, scope.IsWaitingForPermit));
        budget.Advance(TimeSpan.FromSeconds(0.5));
        budget.Advance(TimeSpan.FromSeconds(7));

        Assert.True(call.IsCompletedSuccessfully);
        Assert.Equal((TimeSpan.FromSeconds(2), false), (scope.PermitWait, scope.IsWaitingForPermit));
    }

    [Fact]
    public async Task Permit_wait_excludes_the_time_the_call_itself_takes()
    {
        using var budget = new TestBudget("SLB=0.5:1");
        var handler = new RecordingHandler((_, _, _) =>
        {
            budget.Advance(TimeSpan.FromSeconds(5)); // the service takes 5 s to answer
            return Task.FromResult(RecordingHandler.Ok());
        });
        var transport = TestClients.Transport(handler, budget: budget.Budget, time: budget.Time);
        budget.Drain();
        var started = budget.Time.GetUtcNow();
        using var scope = CloudCallScope.Begin(CloudCallPriority.Resync, "service/default/nginx");

        var call = transport.CallAsync(CloudAction.Read(TestBudget.Action), new RpcParameters(), TransportJsonContext.Default.OpenApiResponse, default);
        Assert.True(scope.IsWaitingForPermit);
        budget.Advance(TimeSpan.FromSeconds(2));
        await call;

        Assert.Equal(TimeSpan.FromSeconds(7), budget.Time.GetUtcNow() - started);
        Assert.Equal(TimeSpan.FromSeconds(2), scope.PermitWait);
    }

    [Fact]
    public void Parallel_waits_of_one_scope_count_once_and_nested_scopes_add_to_their_parents()
    {
        using var budget = new TestBudget("SLB=1:1");
        budget.Drain();
        using var turn = CloudCallScope.Begin(CloudCallPriority.Event, "service/default/nginx");
        Task<Permit> first, second;
        using (CloudCallScope.Begin(CloudCallPriority.Event))
        {
            first = budget.Budget.AcquireAsync(CloudProduct.Slb, TestBudget.Action, default).AsTask();
        }

        using (var nested = CloudCallScope.Begin(CloudCallPriority.Event))
        {
            second = budget.Budget.AcquireAsync(CloudProduct.Slb, TestBudget.Action, default).AsTask();
            budget.Advance(TimeSpan.FromSeconds(1));
            budget.Advance(TimeSpan.FromSeconds(1));
            Assert.Equal(TimeSpan.FromSeconds(2), nested.PermitWait);
        }

        Assert.True(first.IsCompletedSuccessfully && second.IsCompletedSuccessfully);
        Assert.Equal(TimeSpan.FromSeconds(2), turn.PermitWait);
    }

    [Fact]
    public void A_scope_whose_calls_never_queue_has_no_permit_wait()
    {
        using var budget = new TestBudget("SLB=1:5");
        using var scope = CloudCallScope.Begin(CloudCallPriority.Event, "node/n1");

        for (var i = 0; i < 5; i++)
        {
            Assert.True(budget.Budget.AcquireAsync(CloudProduct.Slb, TestBudget.Action, default).AsTask().IsCompletedSuccessfully);
        }

        Assert.Equal(TimeSpan.Zero, scope.PermitWait);
    }
}

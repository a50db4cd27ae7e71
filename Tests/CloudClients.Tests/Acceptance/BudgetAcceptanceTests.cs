using System.Collections.Concurrent;
using Ccm.CloudClients.Slb;
using Ccm.CloudClients.Transport.Budget;
using Ccm.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Ccm.CloudClients.Tests.Acceptance;

/// <summary>The client-side budget in front of the emulator's per-action throttle, over real HTTP.</summary>
public class BudgetAcceptanceTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private const string Action = "DescribeLoadBalancers";
    private const int Resyncs = 40;

    [Fact]
    public async Task With_a_resync_backlog_queued_a_change_issued_last_completes_before_the_backlog_drains()
    {
        fixture.Emulator.Faults.SetQpsLimit(Action, 10);
        try
        {
            var clients = fixture.CreateClients(o => o.ApplyRateLimits("SLB=10:1"));
            var budget = clients.Services.GetRequiredService<CloudCallBudget>();
            var completed = new ConcurrentQueue<string>();
            var resyncs = Enumerable.Range(0, Resyncs).Select(i => ReadAsync(clients.Slb, CloudCallPriority.Resync, $"service/default/s{i}", completed)).ToList();
            await Eventually.TrueAsync(() => Waiting(budget).ResyncWaiters >= Resyncs / 2, "the resync reads queued for permits");
            var backlog = Waiting(budget).ResyncWaiters;

            await ReadAsync(clients.Slb, CloudCallPriority.Event, "service/default/nginx", completed);
            await Task.WhenAll(resyncs);

            var order = completed.ToList();
            var afterTheChange = order.Count - order.IndexOf("service/default/nginx") - 1;
            Assert.Equal(Resyncs + 1, order.Count);
            Assert.True(afterTheChange >= backlog / 2, $"the change completed with {afterTheChange} of {backlog} queued resync reads still to go");
        }
        finally
        {
            fixture.Emulator.Faults.SetQpsLimit(Action, 0);
        }
    }

    private static async Task ReadAsync(ISlbClient slb, CloudCallPriority priority, string key, ConcurrentQueue<string> completed)
    {
        using var scope = CloudCallScope.Begin(priority, key);
        await slb.DescribeLoadBalancersAsync(new DescribeLoadBalancersRequest(), default).ToListAsync();
        completed.Enqueue(key);
    }

    private static CloudBudgetState Waiting(CloudCallBudget budget) => budget.Snapshot().Single(s => s.Product == "SLB" && s.Action == CloudCallBudget.ProductWide);
}

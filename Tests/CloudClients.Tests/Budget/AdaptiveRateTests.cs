using Ccm.CloudClients.Endpoints;
using Ccm.CloudClients.Tests.Fakes;
using Ccm.CloudClients.Transport.Budget;
using Ccm.TestSupport;
using Microsoft.Extensions.Logging;

namespace Ccm.CloudClients.Tests.Budget;

/// <summary>Slow-down answers cut a budget's rate multiplicatively; quiet periods restore it additively, within [floor, configured].</summary>
public class AdaptiveRateTests
{
    private static readonly AdaptiveRateOptions Aimd = new()
    {
        DecreaseFactor = 0.5, MinimumFraction = 0.1, QuietPeriod = TimeSpan.FromSeconds(10), RecoveryFraction = 0.1,
    };

    [Fact]
    public async Task A_throttling_answer_halves_the_rate_of_the_budget_that_sent_the_call()
    {
        using var budget = new TestBudget("SLB=10:10,VPC=10:10", Aimd);
        var permit = await budget.Acquire(CloudCallPriority.Event, "a");

        budget.Budget.SlowDown(CloudProduct.Slb, TestBudget.Action, permit, "Throttling.User", null);

        Assert.Equal(5, budget.State().Rate);
        Assert.Equal(10, budget.Budget.Snapshot().Single(s => s.Product == "VPC").Rate);
    }

    [Fact]
    public async Task A_burst_of_answers_to_permits_granted_before_the_cut_cuts_once_and_logs_once()
    {
        using var logs = new CapturingLoggerProvider();
        using var loggers = logs.CreateFactory();
        using var budget = new TestBudget("SLB=10:10", Aimd, loggers);
        var permits = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => budget.Acquire(CloudCallPriority.Resync, $"k{i}")));

        foreach (var permit in permits)
        {
            budget.Budget.SlowDown(CloudProduct.Slb, TestBudget.Action, permit, "Throttling", null);
        }

        Assert.Equal(5, budget.State().Rate);
        var lowered = Assert.Single(logs.Entries, e => e.Level == LogLevel.Warning);
        Assert.Equal(("SLB", "*", "10", "5", "Throttling"),
            (lowered.Values["Product"], lowered.Values["Action"], lowered.Values["PreviousRate"], lowered.Values["Rate"], lowered.Values["Code"]));
    }

    [Fact]
    public async Task An_answer_to_a_permit_granted_after_the_cut_cuts_again_down_to_the_floor_and_no_lower()
    {
        using var budget = new TestBudget("SLB=10:10", Aimd);
        var rates = new List<double>();

        for (var i = 0; i < 6; i++)
        {
            budget.Advance(TimeSpan.FromSeconds(1));
            var permit = await budget.Acquire(CloudCallPriority.Event, "a");
            budget.Budget.SlowDown(CloudProduct.Slb, TestBudget.Action, permit, "Throttling.Api", null);
            rates.Add(budget.State().Rate);
        }

        Assert.Equal([5, 2.5, 1.25, 1, 1, 1], rates);
    }

    [Fact]
    public async Task The_rate_recovers_one_step_per_quiet_period_and_never_above_the_configured_rate()
    {
        using var budget = new TestBudget("SLB=10:10", Aimd);
        budget.Budget.SlowDown(CloudProduct.Slb, TestBudget.Action, await budget.Acquire(CloudCallPriority.Event, "a"), "Throttling", null);
        var rates = new List<double>();

        for (var i = 0; i < 8; i++)
        {
            budget.Advance(TimeSpan.FromSeconds(10));
            rates.Add(budget.State().Rate);
        }

        Assert.Equal([6, 7, 8, 9, 10, 10, 10, 10], rates.Select(r => Math.Round(r, 6)));
    }

    [Fact]
    public async Task A_throttling_answer_resets_the_quiet_period()
    {
        using var budget = new TestBudget("SLB=10:10", Aimd);
        budget.Budget.SlowDown(CloudProduct.Slb, TestBudget.Action, await budget.Acquire(CloudCallPriority.Event, "a"), "Throttling", null);
        budget.Advance(TimeSpan.FromSeconds(9));

        budget.Budget.SlowDown(CloudProduct.Slb, TestBudget.Action, await budget.Acquire(CloudCallPriority.Event, "a"), "Throttling", null);
        budget.Advance(TimeSpan.FromSeconds(9));

        Assert.Equal(2.5, budget.State().Rate);
    }

    [Fact]
    public async Task Disabled_adaptation_keeps_the_configured_rate_but_still_pauses_for_TimeLeft()
    {
        using var budget = new TestBudget("SLB=10:10", new AdaptiveRateOptions { Enabled = false });

        budget.Budget.SlowDown(CloudProduct.Slb, TestBudget.Action, await budget.Acquire(CloudCallPriority.Event, "a"), "Throttling", TimeSpan.FromSeconds(2));

        Assert.Equal(10, budget.State().Rate);
        Assert.Equal(1 - 20, budget.Tokens(), precision: 9);
    }

    [Theory]
    [InlineData("Throttling", true)]
    [InlineData("Throttling.User", true)]
    [InlineData("Throttling.Api", true)]
    [InlineData("Rejected.Throttling", true)]
    [InlineData("ServiceUnavailable", true)]
    [InlineData("InternalError", false)]
    [InlineData("SystemBusy", false)]
    [InlineData("InvalidParameter", false)]
    public void Slow_down_answers_are_the_throttling_family_and_ServiceUnavailable(string code, bool slowsDown) =>
        Assert.Equal(slowsDown, CloudCallBudget.IsSlowDown(code));
}

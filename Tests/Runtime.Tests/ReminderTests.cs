using Ccm.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace Ccm.Runtime.Tests;

public sealed class ReminderTests
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task A_reminder_ticks_at_its_due_time_then_every_period()
    {
        await using var silo = await TestSilo.StartAsync(time);
        var start = time.GetUtcNow();
        await silo.Factory.GetGrain<ICounterGrain>("rtb").Remind("routes", TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5));

        time.Advance(TimeSpan.FromMinutes(1));
        await Eventually.TrueAsync(() => silo.Probe.Count("reminder rtb routes") == 1, "first tick");
        time.Advance(TimeSpan.FromMinutes(5));
        await Eventually.TrueAsync(() => silo.Probe.Count("reminder rtb routes") == 2, "second tick");

        Assert.Contains($"reminder rtb routes {start.AddMinutes(6):O}", silo.Probe.Events);
        var armed = Assert.Single(silo.Silo.GetStatistics().Reminders);
        Assert.Equal(start.AddMinutes(11), armed.NextDue);
    }

    [Fact]
    public async Task A_reminder_tick_activates_a_deactivated_grain()
    {
        await using var silo = await TestSilo.StartAsync(time);
        var grain = silo.Factory.GetGrain<ICounterGrain>("rtb");
        await grain.Remind("routes", TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        await grain.Leave();
        await Eventually.TrueAsync(() => silo.Probe.Count("deactivate rtb") == 1, "deactivated");

        time.Advance(TimeSpan.FromMinutes(1));

        await Eventually.TrueAsync(() => silo.Probe.Count("reminder rtb routes") == 1, "the tick reached a new activation");
        Assert.Equal(2, silo.Probe.Count("activate rtb"));
    }

    [Fact]
    public async Task A_reminder_fires_after_a_silo_restart()
    {
        var table = new InMemoryReminderTable();
        var start = time.GetUtcNow();
        await using (var first = await TestSilo.StartAsync(time, reminders: table))
        {
            await first.Factory.GetGrain<ICounterGrain>("rtb").Remind("routes", TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(5));
        }

        time.Advance(TimeSpan.FromMinutes(1));
        await using var second = await TestSilo.StartAsync(time, reminders: table);
        await Eventually.TrueAsync(() => second.Silo.GetStatistics().Reminders.Count == 1, "the restarted silo loaded the reminder");
        Assert.Equal(0, second.Probe.Count("activate"));

        time.Advance(TimeSpan.FromMinutes(1));
        await Eventually.TrueAsync(() => second.Probe.Count("reminder rtb routes") == 1, "the stored reminder ticked on the new silo");
        Assert.Contains($"reminder rtb routes {start.AddMinutes(2):O}", second.Probe.Events);
    }

    [Fact]
    public async Task Registering_replaces_by_name_and_unregistering_stops_the_ticks()
    {
        var table = new InMemoryReminderTable();
        await using var silo = await TestSilo.StartAsync(time, reminders: table);
        var grain = silo.Factory.GetGrain<ICounterGrain>("rtb");
        await grain.Remind("routes", TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        await grain.Remind("routes", TimeSpan.FromMinutes(3), TimeSpan.FromMinutes(10));
        await grain.Remind("other", TimeSpan.FromMinutes(3), TimeSpan.FromMinutes(10));

        Assert.Equal(["other", "routes"], (await grain.Reminders()).Order(StringComparer.Ordinal));
        Assert.Equal(TimeSpan.FromMinutes(10), table.All.Single(r => r.ReminderName == "routes").Period);
        await grain.Forget("other");
        time.Advance(TimeSpan.FromMinutes(3));

        await Eventually.TrueAsync(() => silo.Probe.Count("reminder rtb routes") == 1, "the replaced reminder ticks at its new due time");
        Assert.Equal(0, silo.Probe.Count("reminder rtb other"));
        Assert.Equal(["routes"], await grain.Reminders());
    }

    [Fact]
    public async Task Periods_below_the_minimum_are_refused_unless_the_options_lower_it()
    {
        await using (var strict = await TestSilo.StartAsync(time))
        {
            var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
                () => strict.Factory.GetGrain<ICounterGrain>("x").Remind("fast", TimeSpan.Zero, TimeSpan.FromSeconds(59)));
            Assert.Contains("at least 00:01:00", error.Message, StringComparison.Ordinal);
        }

        await using var lowered = await TestSilo.StartAsync(time, o => o.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
        await lowered.Factory.GetGrain<ICounterGrain>("x").Remind("fast", TimeSpan.Zero, TimeSpan.FromSeconds(1));
    }

    [Theory]
    [InlineData("00:00", "00:10", "00:05", "00:10")]
    [InlineData("00:10", "00:10", "00:05", "00:10")]
    [InlineData("00:12", "00:10", "00:05", "00:15")]
    [InlineData("00:15", "00:10", "00:05", "00:15")]
    [InlineData("01:00", "00:10", "00:05", "01:00")]
    public void A_loaded_reminder_resumes_at_the_first_tick_not_before_now(string now, string first, string period, string expected)
    {
        Assert.Equal(At(expected), ReminderSchedule.FirstTickAtOrAfter(At(first), TimeSpan.Parse(period), At(now)));
    }

    [Theory]
    [InlineData("00:00", "00:10", "00:05", "00:10")]
    [InlineData("00:10", "00:10", "00:05", "00:15")]
    [InlineData("00:12", "00:10", "00:05", "00:15")]
    [InlineData("00:15", "00:10", "00:05", "00:20")]
    public void After_a_tick_the_next_one_is_strictly_later(string after, string first, string period, string expected)
    {
        Assert.Equal(At(expected), ReminderSchedule.FirstTickAfter(At(first), TimeSpan.Parse(period), At(after)));
    }

    private static DateTimeOffset At(string hoursMinutes) => DateTimeOffset.UnixEpoch + TimeSpan.Parse(hoursMinutes);
}

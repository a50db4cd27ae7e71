using Ccm.Kube.Tests.Support;
using Ccm.Kube.Watch;

namespace Ccm.Kube.Tests.Watch;

public class BackoffTests
{
    [Fact]
    public void Delays_double_from_the_initial_value_with_jitter_up_to_the_cap()
    {
        var backoff = new Backoff(TimeSpan.FromMilliseconds(800), TimeSpan.FromSeconds(30), TimeProvider.System, new Random(7));

        var delays = Enumerable.Range(0, 10).Select(_ => backoff.NextDelay()).ToList();

        var bases = new[] { 0.8, 1.6, 3.2, 6.4, 12.8, 25.6, 30, 30, 30, 30 };
        for (var i = 0; i < delays.Count; i++)
        {
            Assert.InRange(delays[i].TotalSeconds, bases[i], Math.Min(30, bases[i] * 2));
        }
    }

    [Fact]
    public void Reset_starts_over()
    {
        var backoff = new Backoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), TimeProvider.System, new Random(1));
        backoff.NextDelay();
        backoff.NextDelay();

        backoff.Reset();

        Assert.InRange(backoff.NextDelay().TotalSeconds, 1, 2);
    }

    [Fact]
    public void Two_quiet_minutes_start_over()
    {
        var time = new SettableTimeProvider();
        var backoff = new Backoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), time, new Random(1));
        backoff.NextDelay();
        backoff.NextDelay();
        backoff.NextDelay();

        time.Now += TimeSpan.FromMinutes(3);

        Assert.InRange(backoff.NextDelay().TotalSeconds, 1, 2);
    }

    private sealed class SettableTimeProvider : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = DateTimeOffset.UnixEpoch;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}

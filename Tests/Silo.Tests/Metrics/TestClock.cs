namespace Ccm.Silo.Tests.Metrics;

/// <summary>A clock the test moves by hand, for wall time and for elapsed-time stamps alike.</summary>
public sealed class TestClock : TimeProvider
{
    private DateTimeOffset now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => now;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => now.UtcTicks;

    public void Advance(TimeSpan by) => now += by;
}

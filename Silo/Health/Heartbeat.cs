namespace Ccm.Silo.Health;

/// <summary>A loop's promise to show signs of life; dispose it when the loop ends normally.</summary>
public sealed class Heartbeat : IDisposable
{
    private readonly TimeProvider time;
    private readonly Action<Heartbeat> remove;
    private long lastBeatTicks;

    internal Heartbeat(string loop, TimeSpan allowedSilence, TimeProvider time, Action<Heartbeat> remove)
    {
        Loop = loop;
        AllowedSilence = allowedSilence;
        this.time = time;
        this.remove = remove;
        lastBeatTicks = time.GetUtcNow().UtcTicks;
    }

    public string Loop { get; }

    public TimeSpan AllowedSilence { get; }

    public void Beat() => Interlocked.Exchange(ref lastBeatTicks, time.GetUtcNow().UtcTicks);

    public void Dispose() => remove(this);

    internal CheckOutcome Evaluate(DateTimeOffset now)
    {
        var silence = now - new DateTimeOffset(Interlocked.Read(ref lastBeatTicks), TimeSpan.Zero);
        return silence <= AllowedSilence
            ? new CheckOutcome(Loop, true, "ok")
            : new CheckOutcome(Loop, false, $"no heartbeat for {silence.TotalSeconds:0}s (allowed {AllowedSilence.TotalSeconds:0}s)");
    }
}

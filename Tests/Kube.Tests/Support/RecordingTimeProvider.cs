namespace Ccm.Kube.Tests.Support;

/// <summary>
/// A clock that stands still and whose timers fire at once, recording how long each was asked to wait: a test sees
/// every delay the code under test chose, exactly, without waiting for any.
/// </summary>
internal sealed class RecordingTimeProvider : TimeProvider
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly List<TimeSpan> delays = [];

    public IReadOnlyList<TimeSpan> Delays { get { lock (delays) { return [.. delays]; } } }

    public override DateTimeOffset GetUtcNow() => Now;

    public override long GetTimestamp() => 0;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            lock (delays)
            {
                delays.Add(dueTime);
            }
        }

        return base.CreateTimer(callback, state, dueTime == Timeout.InfiniteTimeSpan ? dueTime : TimeSpan.Zero, period);
    }
}

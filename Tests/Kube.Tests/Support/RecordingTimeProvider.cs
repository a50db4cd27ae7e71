namespace Ccm.Kube.Tests.Support;

/// <summary>A clock whose timers fire at once, recording how long they were asked to wait.</summary>
internal sealed class RecordingTimeProvider : TimeProvider
{
    private readonly List<TimeSpan> delays = [];

    public IReadOnlyList<TimeSpan> Delays { get { lock (delays) { return [.. delays]; } } }

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

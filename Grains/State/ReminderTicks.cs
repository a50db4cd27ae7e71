using Ccm.Runtime;

namespace Ccm.Grains.State;

/// <summary>When a grain's reminder fires next, for the <c>NextReminderAt</c> the dashboard shows.</summary>
public static class ReminderTicks
{
    /// <summary>
    /// The first tick after <paramref name="now"/>: ticks fall on <c>FirstTickTime + k * Period</c>, so any silo that
    /// owns the grain (a new one after failover too) computes the same time.
    /// </summary>
    public static DateTimeOffset NextTick(IGrainReminder reminder, DateTimeOffset now) =>
        now < reminder.FirstTickTime
            ? reminder.FirstTickTime
            : reminder.FirstTickTime + (reminder.Period * (Math.Floor((now - reminder.FirstTickTime) / reminder.Period) + 1));
}

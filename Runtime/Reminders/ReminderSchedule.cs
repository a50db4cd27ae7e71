namespace Ccm.Runtime;

/// <summary>Tick arithmetic of a reminder whose ticks are <c>first + k * period</c> (pure).</summary>
internal static class ReminderSchedule
{
    /// <summary>The first tick at or after <paramref name="now"/>: where a newly loaded reminder resumes.</summary>
    public static DateTimeOffset FirstTickAtOrAfter(DateTimeOffset first, TimeSpan period, DateTimeOffset now)
    {
        if (now <= first)
        {
            return first;
        }

        var periods = (now - first).Ticks / period.Ticks;
        var candidate = first + (period * periods);
        return candidate == now ? candidate : candidate + period;
    }

    /// <summary>The first tick strictly after <paramref name="after"/>: the tick following one just delivered.</summary>
    public static DateTimeOffset FirstTickAfter(DateTimeOffset first, TimeSpan period, DateTimeOffset after) =>
        after < first ? first : first + (period * (((after - first).Ticks / period.Ticks) + 1));
}

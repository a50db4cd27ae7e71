namespace Ccm.Runtime;

/// <summary>
/// A stored reminder. Only the first due time and the period are stored, never the last tick: every tick is
/// <c>FirstTickTime + k * Period</c>, so an owner (a new one after failover) recomputes the next tick without a
/// write per tick (Orleans' reminder service does the same).
/// </summary>
public sealed record ReminderEntry : IGrainReminder
{
    public required GrainId GrainId { get; init; }

    public required string ReminderName { get; init; }

    public required DateTimeOffset FirstTickTime { get; init; }

    public required TimeSpan Period { get; init; }
}

namespace Ccm.Runtime;

/// <summary>A stored reminder of a grain.</summary>
public interface IGrainReminder
{
    string ReminderName { get; }

    /// <summary>When the reminder first became due; every tick is this plus a whole number of periods.</summary>
    DateTimeOffset FirstTickTime { get; }

    TimeSpan Period { get; }
}

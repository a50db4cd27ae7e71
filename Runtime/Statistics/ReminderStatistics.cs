namespace Ccm.Runtime;

/// <summary>A reminder armed on this silo.</summary>
public sealed record ReminderStatistics(GrainId GrainId, string ReminderName, int Shard, TimeSpan Period, DateTimeOffset FirstTickTime, DateTimeOffset NextDue);

namespace Ccm.Runtime;

/// <summary>Where a reminder tick falls in its schedule.</summary>
/// <param name="FirstTickTime">When the reminder first became due (registration time + due time).</param>
/// <param name="Period">The reminder's period.</param>
/// <param name="CurrentTickTime">The scheduled time of this tick.</param>
public readonly record struct TickStatus(DateTimeOffset FirstTickTime, TimeSpan Period, DateTimeOffset CurrentTickTime);

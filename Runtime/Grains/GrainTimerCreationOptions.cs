namespace Ccm.Runtime;

/// <summary>When a grain timer first fires and how long it waits after each callback completes.</summary>
public sealed record GrainTimerCreationOptions
{
    /// <summary>Delay before the first callback; <see cref="Timeout.InfiniteTimeSpan"/> keeps the timer dormant.</summary>
    public required TimeSpan DueTime { get; init; }

    /// <summary>Delay after a callback completes before the next; <see cref="Timeout.InfiniteTimeSpan"/> fires once.</summary>
    public required TimeSpan Period { get; init; }
}

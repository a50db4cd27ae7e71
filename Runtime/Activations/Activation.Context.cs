namespace Ccm.Runtime;

/// <summary>What the grain instance may ask of its activation: timers, reminders, deactivation.</summary>
internal sealed partial class Activation : IGrainContext
{
    IGrainFactory IGrainContext.GrainFactory => Runtime.Factory;

    IGrainTimer IGrainContext.RegisterTimer(Func<CancellationToken, Task> callback, GrainTimerCreationOptions options)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new GrainTimer(this, callback, Runtime.Time, Runtime.Logger);
        lock (gate)
        {
            timers.Add(timer);
        }

        timer.Change(options.DueTime, options.Period);
        return timer;
    }

    Task<IGrainReminder> IGrainContext.RegisterOrUpdateReminderAsync(string reminderName, TimeSpan dueTime, TimeSpan period) =>
        Runtime.Reminders.RegisterOrUpdateAsync(Type, Id, Shard, reminderName, dueTime, period);

    Task IGrainContext.UnregisterReminderAsync(string reminderName) =>
        Runtime.Reminders.UnregisterAsync(Id, Shard, reminderName);

    Task<IReadOnlyList<IGrainReminder>> IGrainContext.GetRemindersAsync() => Runtime.Reminders.GetAsync(Id, Shard);

    void IGrainContext.DeactivateOnIdle()
    {
        lock (gate)
        {
            deactivateRequested = true;
        }
    }

    /// <summary>A timer of this activation fired: queue its tick unless the activation is going away.</summary>
    public bool PostTimerTick(WorkItem tick) => TryPost(tick) == PostResult.Accepted;

    /// <summary>A disposed timer no longer keeps the activation alive.</summary>
    public void RemoveTimer(GrainTimer timer)
    {
        lock (gate)
        {
            timers.Remove(timer);
        }
    }
}

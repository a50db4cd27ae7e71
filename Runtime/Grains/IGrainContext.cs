namespace Ccm.Runtime;

/// <summary>What a <see cref="Grain"/> asks of the activation that hosts it (passed in, never ambient).</summary>
internal interface IGrainContext
{
    GrainId Id { get; }

    IGrainFactory GrainFactory { get; }

    IGrainTimer RegisterTimer(Func<CancellationToken, Task> callback, GrainTimerCreationOptions options);

    Task<IGrainReminder> RegisterOrUpdateReminderAsync(string reminderName, TimeSpan dueTime, TimeSpan period);

    Task UnregisterReminderAsync(string reminderName);

    Task<IReadOnlyList<IGrainReminder>> GetRemindersAsync();

    void DeactivateOnIdle();
}

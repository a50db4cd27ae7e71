namespace Ccm.Runtime;

/// <summary>
/// Base class of every grain implementation (Orleans' life cycle, kept). The runtime creates the instance through
/// dependency injection when the grain is first used, calls <see cref="OnActivateAsync"/>, runs its turns one at a
/// time, and calls <see cref="OnDeactivateAsync"/> when it has been idle long enough or its shard moves.
/// </summary>
/// <remarks>
/// <para>Grain code never locks, never blocks (<c>.Result</c>, <c>.Wait()</c>) and never uses
/// <c>ConfigureAwait(false)</c>: the runtime owns threading, and a turn ends when its task completes.</para>
/// <para>Deactivation is best effort: a crashed silo never calls <see cref="OnDeactivateAsync"/>. Persist what must
/// survive as part of the operation that changes it.</para>
/// <para>The members below are available from <see cref="OnActivateAsync"/> on, not in the constructor.</para>
/// </remarks>
public abstract class Grain
{
    private IGrainContext? context;

    /// <summary>This grain's identity (type and key).</summary>
    public GrainId GrainId => Context.Id;

    /// <summary>The factory for references to other grains (and to this one, for signals).</summary>
    protected IGrainFactory GrainFactory => Context.GrainFactory;

    private IGrainContext Context => context
        ?? throw new InvalidOperationException(
            $"{GetType().Name}: runtime members are available from OnActivateAsync on, not in the constructor.");

    /// <summary>The grain's string key.</summary>
    public string GetPrimaryKeyString() => Context.Id.Key;

    /// <summary>
    /// Called once before the first turn of an activation. If it throws, the activation is never made callable:
    /// the pending request fails (a reconciler's turn counts as failed and is retried with backoff).
    /// </summary>
    public virtual Task OnActivateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Called after the last turn of an activation, bounded by the runtime's deactivation timeout. Best effort: not
    /// called when the process dies.
    /// </summary>
    public virtual Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Registers a timer whose callback runs as a turn of this activation. It never overlaps itself; the period is
    /// counted after the callback completes; an exception is logged and the timer goes on. The token passed to the
    /// callback fires when the timer is disposed or the activation deactivates; the timer dies with the activation.
    /// While a timer is registered the activation is not collected as idle.
    /// </summary>
    protected IGrainTimer RegisterGrainTimer(Func<CancellationToken, Task> callback, GrainTimerCreationOptions options) =>
        Context.RegisterTimer(callback, options);

    /// <inheritdoc cref="RegisterGrainTimer(Func{CancellationToken, Task}, GrainTimerCreationOptions)"/>
    protected IGrainTimer RegisterGrainTimer(Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period) =>
        Context.RegisterTimer(callback, new GrainTimerCreationOptions { DueTime = dueTime, Period = period });

    /// <summary>
    /// Registers (or replaces, by name) a durable reminder: <see cref="IRemindable.ReceiveReminder"/> is called after
    /// <paramref name="dueTime"/> and then every <paramref name="period"/>, on whichever silo owns this grain's shard,
    /// across restarts and failover. The period must be at least the runtime's minimum (1 minute unless a test lowers
    /// it). Ticks can be missed or delivered twice when a shard moves, so the grain's reaction must be idempotent.
    /// The returned task completes once the reminder is stored.
    /// </summary>
    protected Task<IGrainReminder> RegisterOrUpdateReminder(string reminderName, TimeSpan dueTime, TimeSpan period) =>
        Context.RegisterOrUpdateReminderAsync(reminderName, dueTime, period);

    /// <summary>Removes a reminder from durable storage; no tick is delivered afterwards on this silo.</summary>
    protected Task UnregisterReminder(IGrainReminder reminder) => Context.UnregisterReminderAsync(reminder.ReminderName);

    /// <inheritdoc cref="UnregisterReminder(IGrainReminder)"/>
    protected Task UnregisterReminder(string reminderName) => Context.UnregisterReminderAsync(reminderName);

    /// <summary>The stored reminder with this name, or null.</summary>
    protected async Task<IGrainReminder?> GetReminder(string reminderName) =>
        (await Context.GetRemindersAsync()).FirstOrDefault(r => r.ReminderName == reminderName);

    /// <summary>Every stored reminder of this grain.</summary>
    protected Task<IReadOnlyList<IGrainReminder>> GetReminders() => Context.GetRemindersAsync();

    /// <summary>
    /// Asks the runtime to deactivate this activation once the current turn ends. A request, not a wait: requests
    /// that are already queued, and later ones, reach a fresh activation. Pending retries and requeues survive.
    /// </summary>
    protected void DeactivateOnIdle() => Context.DeactivateOnIdle();

    internal void Attach(IGrainContext grainContext) => context = grainContext;
}

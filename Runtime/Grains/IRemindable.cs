namespace Ccm.Runtime;

/// <summary>Implemented by grains that register reminders.</summary>
public interface IRemindable
{
    /// <summary>
    /// A reminder tick, delivered as a turn; it activates the grain if needed. Ticks can be missed (no owner at the
    /// due time) or doubled (a shard changing hands), so reconcile against <paramref name="status"/>, idempotently.
    /// </summary>
    Task ReceiveReminder(string reminderName, TickStatus status);
}

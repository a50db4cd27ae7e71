using Microsoft.Extensions.Logging;

namespace Ccm.Runtime;

/// <summary>A reminder tick, delivered as a turn (it activates the grain if needed).</summary>
internal sealed class ReminderWorkItem(string reminderName, TickStatus status) : WorkItem
{
    public override TurnKind Kind => TurnKind.Reminder;

    public override string Description => reminderName;

    public override async Task<TurnOutcome> RunAsync(Activation activation, Grain grain, CancellationToken cancellationToken)
    {
        if (grain is not IRemindable remindable)
        {
            return Fail(activation, new InvalidOperationException($"{grain.GetType().Name} has reminders but does not implement IRemindable"));
        }

        try
        {
            await remindable.ReceiveReminder(reminderName, status);
            return TurnOutcome.Succeeded;
        }
        catch (Exception ex)
        {
            return Fail(activation, ex);
        }
    }

    public override TurnOutcome Fail(Activation activation, Exception error)
    {
        // Nobody awaits a tick, so this is where it is handled: log once; the next tick comes regardless.
        activation.Runtime.Logger.LogWarning(error, "Reminder {ReminderName} of grain {GrainId} failed; the next tick comes as scheduled", reminderName, activation.Id);
        return new TurnOutcome(TurnResult.Failed, error);
    }
}

namespace Ccm.Runtime;

/// <summary>Turn bookkeeping and the activation's statistics snapshot.</summary>
internal sealed partial class Activation
{
    private TurnRecord? lastTurn;
    private long turnCount;

    public ActivationStatistics Snapshot()
    {
        lock (gate)
        {
            var wake = reconcile?.Wake;
            var running = current is not null and not DeactivateWorkItem;
            var queued = queue.Count > 0 || (reconcile?.Queued ?? false);
            return new ActivationStatistics
            {
                GrainId = Id,
                Shard = Shard,
                State = running ? ActivationState.Running
                    : queued ? ActivationState.Queued
                    : wake is { IsRetry: true } ? ActivationState.BackingOff
                    : wake is not null ? ActivationState.Scheduled
                    : ActivationState.Idle,
                IsActive = grain is not null,
                QueueLength = queue.Count,
                SignalPending = reconcile?.Queued ?? false,
                Turns = turnCount,
                LastTurn = lastTurn,
                ConsecutiveFailures = reconcile?.Failures ?? 0,
                NextWake = wake?.At,
                Timers = timers.Count,
            };
        }
    }

    private void RecordTurn(WorkItem item, DateTimeOffset started, TurnOutcome outcome)
    {
        var ended = Runtime.Time.GetUtcNow();
        var record = new TurnRecord(item.Kind, item.Description, started, ended, outcome.Result, Describe(outcome.Error));
        lock (gate)
        {
            lastActivity = ended;
            lastTurn = record;
            turnCount++;
        }

        Runtime.Counters.Turn(Type.Name, item.Kind, outcome.Result, ended - started);
    }

    private static string? Describe(Exception? error) => error is null ? null : $"{error.GetType().Name}: {error.Message}";
}

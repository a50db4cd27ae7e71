using Ccm.GrainInterfaces.State;
using Ccm.Runtime;

namespace Ccm.Silo.Dashboard.Model;

/// <summary>
/// Everything about one grain: the snapshot it published (plans with each operation's result, Events, last error),
/// its activation on the silo that runs it, and its reminders.
/// </summary>
public sealed record GrainDetail<TState>
    where TState : GrainState
{
    public required string Silo { get; init; }

    public required DateTimeOffset Now { get; init; }

    public required TState State { get; init; }

    /// <summary>Null while the grain is not activated (idle-collected, or its state is left from before).</summary>
    public ActivationView? Activation { get; init; }

    public required IReadOnlyList<ReminderView> Reminders { get; init; }
}

/// <summary>A grain's activation, as the runtime reports it.</summary>
public sealed record ActivationView
{
    public required int Shard { get; init; }

    public required ActivationState State { get; init; }

    public required bool IsActive { get; init; }

    public required int QueueLength { get; init; }

    public required bool SignalPending { get; init; }

    public required long Turns { get; init; }

    public required int ConsecutiveFailures { get; init; }

    public DateTimeOffset? NextWake { get; init; }

    public required int Timers { get; init; }

    public TurnView? LastTurn { get; init; }

    public static ActivationView From(ActivationStatistics a) => new()
    {
        Shard = a.Shard,
        State = a.State,
        IsActive = a.IsActive,
        QueueLength = a.QueueLength,
        SignalPending = a.SignalPending,
        Turns = a.Turns,
        ConsecutiveFailures = a.ConsecutiveFailures,
        NextWake = a.NextWake,
        Timers = a.Timers,
        LastTurn = a.LastTurn is { } t ? new TurnView(t.Kind, t.Description, t.Started, t.Ended, t.Result, t.Error) : null,
    };
}

/// <summary>The last turn of an activation.</summary>
public sealed record TurnView(TurnKind Kind, string Description, DateTimeOffset Started, DateTimeOffset Ended, TurnResult Result, string? Error);

/// <summary>A reminder armed for a grain.</summary>
public sealed record ReminderView(string Name, int Shard, double PeriodSeconds, DateTimeOffset NextDue)
{
    public static ReminderView From(ReminderStatistics r) => new(r.ReminderName, r.Shard, r.Period.TotalSeconds, r.NextDue);
}

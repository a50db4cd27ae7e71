using Ccm.GrainInterfaces.State;
using Ccm.Grains.Reconcile;

namespace Ccm.Silo.Dashboard.Model;

/// <summary>One grain as one silo knows it: its published state and, when it is active there, its activation.</summary>
public sealed record GrainDetail<TState>
    where TState : GrainState
{
    public required string Silo { get; init; }

    public required DateTimeOffset Now { get; init; }

    public required TState State { get; init; }

    public ActivationView? Activation { get; init; }
}

/// <summary>A live activation: its place in the reconcile loop and its last turn.</summary>
public sealed record ActivationView
{
    /// <summary>Running, Queued (a signal waits), BackingOff (a retry is scheduled), Scheduled (a requeue), or Idle.</summary>
    public required string State { get; init; }

    public required DateTimeOffset ActivatedAt { get; init; }

    public required bool SignalPending { get; init; }

    public required long Turns { get; init; }

    public required int ConsecutiveFailures { get; init; }

    public DateTimeOffset? NextWake { get; init; }

    public TurnView? LastTurn { get; init; }

    public static ActivationView From(ActivationInfo a) => new()
    {
        State = a.State,
        ActivatedAt = a.ActivatedAt,
        SignalPending = a.SignalPending,
        Turns = a.Turns,
        ConsecutiveFailures = a.ConsecutiveFailures,
        NextWake = a.NextWake,
        LastTurn = a.Last is { } t ? new TurnView(t.Started, t.Ended, t.Result, t.Error) : null,
    };
}

/// <summary>The last turn of an activation.</summary>
public sealed record TurnView(DateTimeOffset Started, DateTimeOffset Ended, TurnResult Result, string? Error);

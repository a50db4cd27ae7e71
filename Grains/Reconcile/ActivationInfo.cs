namespace Ccm.Grains.Reconcile;

/// <summary>
/// What one live reconciler activation is doing, for the dashboard: written by the grain on its own turns, read by
/// the dashboard on other threads (each field is a single value, read as a snapshot).
/// </summary>
public sealed class ActivationInfo(string kind, string key, DateTimeOffset activatedAt)
{
    private long turns;

    public string Kind => kind;

    public string Key => key;

    public DateTimeOffset ActivatedAt => activatedAt;

    public long Turns => Interlocked.Read(ref turns);

    private volatile bool running;
    private volatile bool signalPending;

    public bool Running { get => running; private set => running = value; }

    public bool SignalPending { get => signalPending; internal set => signalPending = value; }

    public int ConsecutiveFailures { get; private set; }

    public LastTurn? Last { get; private set; }

    /// <summary>When the next timed turn (retry or requeue) runs, if one is scheduled.</summary>
    public DateTimeOffset? NextWake { get; private set; }

    internal DateTimeOffset StartedAt { get; private set; }

    /// <summary>Where the grain stands, in the dashboard's words.</summary>
    public string State => Running ? "Running" : SignalPending ? "Queued" : NextWake is null ? "Idle" : ConsecutiveFailures > 0 ? "BackingOff" : "Scheduled";

    internal void Begin(DateTimeOffset at)
    {
        Running = true;
        SignalPending = false;
        StartedAt = at;
    }

    internal void End(DateTimeOffset at, TurnResult result, Exception? error, int failures, DateTimeOffset? nextWake, bool signalPending)
    {
        Interlocked.Increment(ref turns);
        ConsecutiveFailures = failures;
        NextWake = nextWake;
        Last = new LastTurn(StartedAt, at, result, error?.Message);
        SignalPending = signalPending;
        Running = false;
    }
}

/// <summary>The last turn of an activation.</summary>
public sealed record LastTurn(DateTimeOffset Started, DateTimeOffset Ended, TurnResult Result, string? Error);

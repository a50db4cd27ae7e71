namespace Ccm.Silo.Hosting;

/// <summary>
/// The order of a graceful stop. Phases run one after another; participants within a phase run concurrently.
/// Readiness turns false as soon as the stop begins, before the first phase.
/// </summary>
public enum ShutdownPhase
{
    /// <summary>Stop taking new work: close watches, stop delivering signals and reminders.</summary>
    StopIntake = 0,

    /// <summary>Let every running turn finish, then deactivate grains.</summary>
    DrainTurns = 1,

    /// <summary>Release shard and membership Leases so other silos take over at once, not after expiry.</summary>
    ReleaseLeases = 2,

    /// <summary>Last words: flush what is buffered (events, logs, metrics).</summary>
    Flush = 3,
}

namespace Ccm.Silo.Hosting;

/// <summary>
/// The order of a graceful stop. Phases run one after another; participants within a phase run concurrently.
/// Readiness turns false as soon as the stop begins, before the first phase.
/// </summary>
public enum ShutdownPhase
{
    /// <summary>Stop taking new work: close watches, stop delivering signals and reminders.</summary>
    StopIntake = 0,

    /// <summary>
    /// Let work in progress end. No product step uses it today: turns end as the stop begins (they watch
    /// ApplicationStopping) and Orleans deactivates the grains after these steps.
    /// </summary>
    DrainTurns = 1,

    /// <summary>
    /// Hand over what the silo holds so other silos take over at once, not after expiry. No product step uses it today:
    /// Orleans' stop writes this silo's membership row Dead, which deletes its slot Lease (Clustering.Kubernetes).
    /// </summary>
    ReleaseLeases = 2,

    /// <summary>Last words: flush what is buffered (events, logs, metrics).</summary>
    Flush = 3,
}

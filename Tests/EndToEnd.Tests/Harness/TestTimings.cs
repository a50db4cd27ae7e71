namespace Ccm.EndToEnd.Tests;

/// <summary>
/// Short timings so Leases move in seconds: lease 3 s, renew deadline 2 s, retry 0.5 s (client-go's rules still
/// hold), a 20 s graceful stop, and reminders down to 1 s for in-process silos.
/// </summary>
public static class TestTimings
{
    public static readonly TimeSpan MinimumReminderPeriod = TimeSpan.FromSeconds(1);

    public static readonly IReadOnlyList<string> LeaseFlags =
    [
        "--leader-elect-lease-duration=3s",
        "--leader-elect-renew-deadline=2s",
        "--leader-elect-retry-period=500ms",
        "--shutdown-timeout=20s",
    ];

    /// <summary>
    /// Every listener on 127.0.0.1 with a free port (the tests' rule), the Orleans silo port too (on loopback without
    /// POD_IP), so that several silos of one test, and tests side by side, never collide on 11111.
    /// </summary>
    public static readonly IReadOnlyList<string> LoopbackListeners =
        ["--health-probe-bind-addr=127.0.0.1:0", "--metrics-bind-addr=127.0.0.1:0", "--dashboard-bind-addr=127.0.0.1:0", "--silo-port=0"];

    /// <summary>A bound for start-up and convergence on a loaded 2-core machine; a failure bound, never a claim.</summary>
    public static readonly TimeSpan Generous = TimeSpan.FromSeconds(90);
}

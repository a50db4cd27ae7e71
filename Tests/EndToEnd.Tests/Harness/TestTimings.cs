namespace Ccm.EndToEnd.Tests;

/// <summary>
/// Short timings so membership moves in seconds: a 3 s lease duration (probes at Orleans' 2.5 s floor, so a silo that
/// stops answering is declared dead in about 10 s), renew deadline 2 s and retry 0.5 s (checked as client-go checks them),
/// a 20 s graceful stop, and reminders down to 1 s for in-process silos.
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

    /// <summary>Every listener on 127.0.0.1 with a free port (the tests' rule), the silo port too (no <c>$POD_IP</c>: loopback).</summary>
    public static readonly IReadOnlyList<string> LoopbackListeners =
        ["--health-probe-bind-addr=127.0.0.1:0", "--metrics-bind-addr=127.0.0.1:0", "--dashboard-bind-addr=127.0.0.1:0", "--silo-port=0"];

    /// <summary>A bound for start-up and convergence on a loaded 2-core machine; a failure bound, never a claim.</summary>
    public static readonly TimeSpan Generous = TimeSpan.FromSeconds(90);
}

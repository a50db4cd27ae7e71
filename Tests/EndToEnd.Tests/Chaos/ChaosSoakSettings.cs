namespace Ccm.EndToEnd.Tests.Chaos;

/// <summary>
/// How long and how hard a chaos soak runs. <see cref="Short"/> is the test's (about two minutes in all);
/// <see cref="Long"/> the bench's. The fault mix is the in both: about 10% of OpenAPI calls fail (throttled,
/// 5xx, timed out) and 2% are committed and then dropped; watches are cut every <see cref="WatchCutPeriod"/>; one
/// 410 relist and one API server restart with lost state; one silo of three killed and started again every
/// <see cref="KillPeriod"/>.
/// </summary>
public sealed record ChaosSoakSettings
{
    /// <summary>How long faults and changes go on; convergence is judged after.</summary>
    public required TimeSpan Chaos { get; init; }

    public required TimeSpan KillPeriod { get; init; }

    public TimeSpan WatchCutPeriod { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// <c>--service-resync-period</c> and <c>--node-resync-period</c> of the silos: the reconciliation period. After the
    /// faults stop everything must converge within two of them.
    /// </summary>
    public required TimeSpan ResyncPeriod { get; init; }

    /// <summary>How many churned Services exist at a time (besides the one reusing a user's CLB).</summary>
    public required int Services { get; init; }

    /// <summary>Time between two Kubernetes writes of the workload.</summary>
    public required TimeSpan Step { get; init; }

    /// <summary>Time between two invariant checks (each reads both emulators' whole state).</summary>
    public TimeSpan CheckPeriod { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Time between two scrapes of every live silo's /metrics and dashboard API for secrets.</summary>
    public TimeSpan ScrapePeriod { get; init; } = TimeSpan.FromSeconds(10);

    public double ThrottleRate { get; init; } = 0.04;

    public double ErrorRate { get; init; } = 0.05;

    public double TimeoutRate { get; init; } = 0.01;

    public double DropRate { get; init; } = 0.02;

    public int Seed { get; init; } = 18;

    /// <summary>The test's run: 75 s of chaos, a kill every 25 s, a 30 s reconciliation period, 10 Services.</summary>
    public static ChaosSoakSettings Short => new()
    {
        Chaos = TimeSpan.FromSeconds(75), KillPeriod = TimeSpan.FromSeconds(25), ResyncPeriod = TimeSpan.FromSeconds(30),
        Services = 10, Step = TimeSpan.FromMilliseconds(700),
    };

    /// <summary>The bench's run: <paramref name="chaos"/> of chaos, a kill every 60 s, a 60 s reconciliation period, 30 Services.</summary>
    public static ChaosSoakSettings Long(TimeSpan chaos) => new()
    {
        Chaos = chaos, KillPeriod = TimeSpan.FromSeconds(60), ResyncPeriod = TimeSpan.FromSeconds(60), Services = 30,
        Step = TimeSpan.FromMilliseconds(500), ScrapePeriod = TimeSpan.FromSeconds(30),
    };

    /// <summary>When, from the start of the chaos, the one 410 relist is forced.</summary>
    public TimeSpan ExpiredAt => Chaos * 0.3;

    /// <summary>When, from the start of the chaos, the API server restarts with lost state.</summary>
    public TimeSpan RestartAt => Chaos * 0.6;
}

using System.Globalization;
using Ccm.EndToEnd.Tests.Chaos;

namespace Ccm.Bench.Silo;

/// <summary>
/// The long chaos soak of issue 18: the engine the test runs for two minutes (<see cref="ChaosSoak"/>), run for
/// <c>--minutes</c> of faults with a silo killed every 60 s and a 60 s reconciliation period. Prints the table (faults by
/// kind, operations, invariant checks, violations, secrets scanned and found); exits 1 on a safety violation (two CLBs for
/// one Service, something foreign touched) or a secret found, and <see cref="IBenchmark.TargetMissed"/> when the
/// cluster did not converge (or collect a leaked CLB) within the two periods after the faults stopped.
/// </summary>
public sealed class ChaosSoakBenchmark : IBenchmark
{
    public string Name => "chaos-soak";

    public string Description => "three silo processes under every fault kind while Services, endpoints and Nodes change: violations and secret hits (target 0), convergence within two reconciliation periods [--minutes 30]";

    // One minute, not less: at 15 s the 410 relist and the API server restart fell 4 s apart, inside the silos' first
    // sync, and the silos stayed without the seeded nodes (an open finding, see the issue notes).
    public IReadOnlyList<string> SmokeArgs => ["--minutes", "1"];

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var minutes = 30.0;
        if (args is ["--minutes", var value, ..])
        {
            if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out minutes) || minutes <= 0)
            {
                Console.Error.WriteLine($"--minutes: {value} is not a positive number of minutes (e.g. --minutes 30)");
                return 2;
            }
        }
        else if (args.Length > 0)
        {
            Console.Error.WriteLine($"unknown arguments: {string.Join(' ', args)}; usage: chaos-soak [--minutes 30]");
            return 2;
        }

        var settings = ChaosSoakSettings.Long(TimeSpan.FromMinutes(minutes));
        var soak = new ChaosSoak(settings, (siloArgs, environment) => new BenchChaosSilo(BenchSilo.Start(siloArgs, environment)),
            line => Console.WriteLine($"[{DateTimeOffset.UtcNow:HH:mm:ss}] {line}"));
        Console.WriteLine($"load average {Wait.LoadAverage()} on {Environment.ProcessorCount} cores; {minutes:0.#} min of chaos, {settings.Services} Services, " +
            $"a silo killed every {settings.KillPeriod.TotalSeconds:0} s, reconciliation period {settings.ResyncPeriod.TotalSeconds:0} s");
        var result = await soak.RunAsync(cancellationToken);
        Console.WriteLine(result.Table());
        Console.WriteLine($"load average {Wait.LoadAverage()} at the end");
        // Safety (one CLB per UID, nothing foreign touched, no secret) fails the run; being late to converge or to
        // collect a leaked CLB after the faults stop is a missed timed target.
        var unsafeViolations = result.Violations.Where(v => v.Key.StartsWith(ChaosInvariants.OneClbPerService, StringComparison.Ordinal)
            || v.Key.StartsWith(ChaosInvariants.ForeignUntouched, StringComparison.Ordinal)).Sum(v => v.Value);
        var safe = unsafeViolations == 0 && result.SecretHits.Count == 0;
        Console.WriteLine($"violations {result.ViolationCount} ({unsafeViolations} of safety), secret hits {result.SecretHits.Count} (target 0 each): {(result.ViolationCount == 0 && safe ? "met" : "MISSED")}; " +
            $"convergence within two reconciliation periods: {(result.ConvergedAfter is not null ? "met" : "MISSED")}");
        return !safe ? 1 : result.ViolationCount > 0 || result.ConvergedAfter is null ? IBenchmark.TargetMissed : 0;
    }

    /// <summary>A <see cref="BenchSilo"/> as the soak drives it.</summary>
    private sealed class BenchChaosSilo(BenchSilo silo) : IChaosSilo
    {
        public string Output => silo.Transcript;

        public Task<Uri> ListenerAsync(string role, CancellationToken cancellationToken) => silo.ListenerAsync(role, cancellationToken);

        public Task KillAsync() => silo.KillAsync();

        public ValueTask DisposeAsync() => silo.DisposeAsync();
    }
}

using System.Globalization;
using System.Text;

namespace Ccm.EndToEnd.Tests.Chaos;

/// <summary>What a chaos soak did and found; <see cref="Table"/> is what the test and the bench print.</summary>
public sealed record ChaosSoakResult
{
    /// <summary>Faults injected, by kind (every kind the settings ask for appears, with 0 when it never happened).</summary>
    public required IReadOnlyDictionary<string, long> Faults { get; init; }

    /// <summary>Work done, by kind: Kubernetes writes of the workload and OpenAPI calls answered.</summary>
    public required IReadOnlyDictionary<string, long> Operations { get; init; }

    /// <summary>How many times each invariant was checked against the emulators' state.</summary>
    public required IReadOnlyDictionary<string, long> InvariantChecks { get; init; }

    /// <summary>Every distinct invariant violation, with how often it was seen; must be empty.</summary>
    public required IReadOnlyDictionary<string, long> Violations { get; init; }

    /// <summary>How much was scanned for secrets, by kind of source.</summary>
    public required IReadOnlyDictionary<string, long> Scanned { get; init; }

    /// <summary>Each secret found (its kind and where); must be empty.</summary>
    public required IReadOnlyList<string> SecretHits { get; init; }

    /// <summary>How long after the faults stopped everything had converged; null when it had not within <see cref="ConvergenceBound"/>.</summary>
    public TimeSpan? ConvergedAfter { get; init; }

    public required TimeSpan ConvergenceBound { get; init; }

    public required TimeSpan Elapsed { get; init; }

    public long ViolationCount => Violations.Values.Sum();

    public string Table()
    {
        var text = new StringBuilder();
        Section(text, "faults injected", Faults);
        Section(text, "operations", Operations);
        Section(text, "invariant checks", InvariantChecks);
        Section(text, "scanned for secrets", Scanned);
        text.Append(CultureInfo.InvariantCulture, $"{"violations",-64} {ViolationCount,10}\n");
        foreach (var (what, count) in Violations)
        {
            text.Append(CultureInfo.InvariantCulture, $"  {what} (x{count})\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"{"secret hits",-64} {SecretHits.Count,10}\n");
        foreach (var hit in SecretHits.Distinct())
        {
            text.Append(CultureInfo.InvariantCulture, $"  {hit}\n");
        }

        var converged = ConvergedAfter is { } after ? $"{after.TotalSeconds:F1} s" : "NOT";
        text.Append(CultureInfo.InvariantCulture, $"{"converged after the faults stopped",-64} {converged,10} (bound {ConvergenceBound.TotalSeconds:0} s: two reconciliation periods)\n");
        text.Append(CultureInfo.InvariantCulture, $"{"wall time",-64} {Elapsed.TotalSeconds,8:F0} s\n");
        return text.ToString();
    }

    private static void Section(StringBuilder text, string title, IReadOnlyDictionary<string, long> rows)
    {
        text.Append(CultureInfo.InvariantCulture, $"{title,-64} {rows.Values.Sum(),10}\n");
        foreach (var (kind, count) in rows)
        {
            text.Append(CultureInfo.InvariantCulture, $"  {kind,-62} {count,10}\n");
        }
    }
}

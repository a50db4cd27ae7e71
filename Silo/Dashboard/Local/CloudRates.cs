using Ccm.CloudClients.Observability;

namespace Ccm.Silo.Dashboard.Local;

/// <summary>
/// Calls per second per product+action, from the recorder's running totals as the dashboard reads them: each read
/// (at most one per second) keeps its totals for a minute, and a rate compares the newest totals with the oldest kept
/// ones. Nothing runs between reads, so an unwatched silo pays nothing; the first read has no rate yet.
/// </summary>
internal sealed class CloudRates(TimeProvider time)
{
    private static readonly TimeSpan Keep = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan MinimumSpan = TimeSpan.FromSeconds(1);

    private readonly Lock gate = new();
    private readonly Queue<(DateTimeOffset At, Dictionary<(string, string), long> Calls)> samples = new();
    private DateTimeOffset lastAt;

    /// <summary>Records <paramref name="stats"/> and returns each action's rate (absent until one is known).</summary>
    public IReadOnlyDictionary<(string Product, string Action), double> Observe(IReadOnlyList<CloudActionStats> stats)
    {
        var now = time.GetUtcNow();
        var current = stats.ToDictionary(s => (s.Product, s.Action), s => s.Calls);
        lock (gate)
        {
            while (samples.Count > 0 && now - samples.Peek().At > Keep)
            {
                samples.Dequeue();
            }

            var rates = new Dictionary<(string, string), double>();
            if (samples.Count > 0 && now - samples.Peek().At >= MinimumSpan)
            {
                var (at, calls) = samples.Peek();
                var seconds = (now - at).TotalSeconds;
                foreach (var (key, total) in current)
                {
                    rates[key] = Math.Max(0, total - calls.GetValueOrDefault(key)) / seconds;
                }
            }

            if (samples.Count == 0 || now - lastAt >= MinimumSpan)
            {
                samples.Enqueue((now, current));
                lastAt = now;
            }

            return rates;
        }
    }
}

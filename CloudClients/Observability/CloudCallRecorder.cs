using System.Collections.Concurrent;
using System.Collections.Immutable;

namespace Ccm.CloudClients.Observability;

/// <summary>
/// In-process record of OpenAPI calls for the dashboard: per product+action counts, error codes, throttles and
/// latency percentiles (p50/p90/p99) over a recent window. Thread-safe; one per process (a DI singleton).
/// </summary>
public sealed class CloudCallRecorder(TimeProvider time, TimeSpan? window = null, int samplesPerAction = 2048)
{
    /// <summary>Percentiles cover this much recent time unless the constructor says otherwise.</summary>
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromMinutes(5);

    private readonly TimeSpan window = window ?? DefaultWindow;
    private readonly ConcurrentDictionary<(string Product, string Action), Entry> entries = new();

    public CloudCallRecorder()
        : this(TimeProvider.System)
    {
    }

    /// <summary>Records one attempt; <paramref name="code"/> is null on success.</summary>
    public void RecordAttempt(string product, string action, TimeSpan latency, string? code, bool throttled)
    {
        var entry = entries.GetOrAdd((product, action), _ => new Entry(samplesPerAction));
        var now = time.GetUtcNow();
        lock (entry)
        {
            entry.Calls++;
            entry.Latencies.Add(now, latency);
            entry.LastCall = now;
            if (code is not null)
            {
                entry.Errors++;
                entry.LastErrorCode = code;
                entry.Codes[code] = entry.Codes.GetValueOrDefault(code) + 1;
            }

            if (throttled)
            {
                entry.Throttles++;
            }
        }
    }

    public void RecordRetry(string product, string action)
    {
        var entry = entries.GetOrAdd((product, action), _ => new Entry(samplesPerAction));
        lock (entry)
        {
            entry.Retries++;
        }
    }

    /// <summary>A consistent snapshot per action, ordered by product then action.</summary>
    public IReadOnlyList<CloudActionStats> Snapshot()
    {
        var since = time.GetUtcNow() - window;
        var result = new List<CloudActionStats>();
        foreach (var ((product, action), entry) in entries)
        {
            lock (entry)
            {
                var recent = entry.Latencies.Since(since);
                result.Add(new CloudActionStats
                {
                    Product = product,
                    Action = action,
                    Calls = entry.Calls,
                    Errors = entry.Errors,
                    Throttles = entry.Throttles,
                    Retries = entry.Retries,
                    ErrorCodes = entry.Codes.ToImmutableSortedDictionary(StringComparer.Ordinal),
                    WindowSamples = recent.Length,
                    P50 = LatencyWindow.Percentile(recent, 50),
                    P90 = LatencyWindow.Percentile(recent, 90),
                    P99 = LatencyWindow.Percentile(recent, 99),
                    LastCall = entry.LastCall,
                    LastErrorCode = entry.LastErrorCode,
                });
            }
        }

        return [.. result.OrderBy(s => s.Product, StringComparer.Ordinal).ThenBy(s => s.Action, StringComparer.Ordinal)];
    }

    private sealed class Entry(int capacity)
    {
        public long Calls;
        public long Errors;
        public long Throttles;
        public long Retries;
        public DateTimeOffset? LastCall;
        public string? LastErrorCode;
        public readonly Dictionary<string, long> Codes = new(StringComparer.Ordinal);
        public readonly LatencyWindow Latencies = new(capacity);
    }
}

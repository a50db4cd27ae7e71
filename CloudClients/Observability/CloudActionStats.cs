using System.Collections.Immutable;

namespace Ccm.CloudClients.Observability;

/// <summary>
/// What the dashboard shows for one product+action: totals since start, error codes, and latency percentiles over
/// the recent window. An immutable snapshot.
/// </summary>
public sealed record CloudActionStats
{
    public required string Product { get; init; }

    public required string Action { get; init; }

    /// <summary>Requests sent, each attempt counted (what the cloud saw).</summary>
    public required long Calls { get; init; }

    public required long Errors { get; init; }

    public required long Throttles { get; init; }

    public required long Retries { get; init; }

    /// <summary>Error code -> count since start.</summary>
    public required ImmutableSortedDictionary<string, long> ErrorCodes { get; init; }

    /// <summary>Attempts inside the window the percentiles are computed over.</summary>
    public required int WindowSamples { get; init; }

    public required TimeSpan P50 { get; init; }

    public required TimeSpan P90 { get; init; }

    public required TimeSpan P99 { get; init; }

    public DateTimeOffset? LastCall { get; init; }

    public string? LastErrorCode { get; init; }
}

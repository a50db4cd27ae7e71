namespace Ccm.Silo.Dashboard.Model;

/// <summary>
/// OpenAPI calls of one product+action. Counts are since each silo started; percentiles (milliseconds) cover the
/// recent window, and across silos the worst silo's is shown; calls/s is null until two reads are far enough apart.
/// </summary>
public sealed record CloudCallRow
{
    public required string Product { get; init; }

    public required string Action { get; init; }

    public required long Calls { get; init; }

    public required long Errors { get; init; }

    public required long Throttles { get; init; }

    public required long Retries { get; init; }

    public double? CallsPerSecond { get; init; }

    public required double P50Ms { get; init; }

    public required double P90Ms { get; init; }

    public required double P99Ms { get; init; }

    public required int WindowSamples { get; init; }

    public DateTimeOffset? LastCall { get; init; }

    public string? LastErrorCode { get; init; }

    public required IReadOnlyDictionary<string, long> ErrorCodes { get; init; }

    /// <summary>How many silos made these calls.</summary>
    public int Silos { get; init; } = 1;
}

/// <summary>The cloud calls page: every action of every product.</summary>
public sealed record CloudCallsView(DateTimeOffset Now, IReadOnlyList<CloudCallRow> Actions, IReadOnlyList<PeerStatus> Silos);

/// <summary>One product's traffic on the overview.</summary>
public sealed record CloudProductRow(string Product, long Calls, long Errors, long Throttles, double? CallsPerSecond);

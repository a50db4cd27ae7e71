namespace Ccm.Sandbox.Aliyun.Faults;

/// <summary>The faults currently injected, as the control API reports them (times in milliseconds).</summary>
public sealed record FaultSettings
{
    public double LatencyMs { get; init; }

    public IReadOnlyDictionary<string, double> ActionLatencyMs { get; init; } = new Dictionary<string, double>();

    public IReadOnlyDictionary<string, double> QpsLimits { get; init; } = new Dictionary<string, double>();

    public double ErrorRate { get; init; }

    public IReadOnlyDictionary<string, double> ActionErrorRates { get; init; } = new Dictionary<string, double>();

    public IReadOnlyDictionary<string, int> PendingDrops { get; init; } = new Dictionary<string, int>();

    public RandomFaults Random { get; init; } = RandomFaults.None;
}

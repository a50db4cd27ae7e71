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

    public IReadOnlyDictionary<string, GarbledAnswers> PendingGarbles { get; init; } = new Dictionary<string, GarbledAnswers>();
    public RandomFaults Random { get; init; } = RandomFaults.None;
}

/// <summary>How the next <paramref name="Count"/> answers of an action are garbled (a <see cref="MalformedAnswer"/> name).</summary>
public sealed record GarbledAnswers(string Kind, int Count);

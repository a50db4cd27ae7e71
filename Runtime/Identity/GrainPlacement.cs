namespace Ccm.Runtime;

/// <summary>Where grains of one type live, read from the interface's attributes.</summary>
internal sealed record GrainPlacement
{
    private GrainPlacement(string? affinityGroup, bool siloLocal)
    {
        AffinityGroup = affinityGroup;
        SiloLocal = siloLocal;
    }

    /// <summary>Every grain of the type on one shard (<see cref="ShardAffinityAttribute"/>), else null.</summary>
    public string? AffinityGroup { get; }

    /// <summary>On every silo, outside the shards (<see cref="SiloLocalAttribute"/>).</summary>
    public bool SiloLocal { get; }

    public static GrainPlacement ByKey { get; } = new(null, false);

    public static GrainPlacement Of(Type grainInterface)
    {
        var affinity = grainInterface.GetCustomAttributes(typeof(ShardAffinityAttribute), inherit: false)
            .OfType<ShardAffinityAttribute>().FirstOrDefault();
        var local = grainInterface.IsDefined(typeof(SiloLocalAttribute), inherit: false);
        if (affinity is not null && local)
        {
            throw new ArgumentException($"{grainInterface.Name}: [ShardAffinity] and [SiloLocal] exclude each other");
        }

        return local ? new(null, true) : affinity is null ? ByKey : new(affinity.Group, false);
    }
}

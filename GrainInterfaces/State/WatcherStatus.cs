namespace Ccm.GrainInterfaces.State;

/// <summary>The watcher grain of one silo: what its cache holds and how much it has fanned out.</summary>
[GenerateSerializer, Immutable, Alias("Ccm.WatcherStatus")]
public sealed record WatcherStatus
{
    [Id(0)]
    public required bool Synced { get; init; }

    [Id(1)]
    public required IReadOnlyList<WatchedKind> Kinds { get; init; }

    /// <summary>Signals sent, per grain type.</summary>
    [Id(2)]
    public required IReadOnlyDictionary<string, long> SignalsSent { get; init; }
}

/// <summary>One informer: the kind, whether its first list is in, how many objects it holds, its last version.</summary>
[GenerateSerializer, Immutable, Alias("Ccm.WatchedKind")]
public sealed record WatchedKind(string Resource, bool Synced, int Objects, string? ResourceVersion);

namespace Ccm.GrainInterfaces.State;

/// <summary>The watcher grain of one silo: what its cache holds and how much it has fanned out.</summary>
public sealed record WatcherStatus
{
    public required bool Synced { get; init; }

    public required IReadOnlyList<WatchedKind> Kinds { get; init; }

    /// <summary>Signals sent, per grain type.</summary>
    public required IReadOnlyDictionary<string, long> SignalsSent { get; init; }
}

/// <summary>One informer: the kind, whether its first list is in, how many objects it holds, its last version.</summary>
public sealed record WatchedKind(string Resource, bool Synced, int Objects, string? ResourceVersion);

using Ccm.GrainInterfaces.State;

namespace Ccm.GrainInterfaces;

/// <summary>
/// Where grains publish their latest state snapshot, and where the dashboard and metrics read it without ever waiting
/// for a grain's turn (OrleansDashboard's users asked for low overhead). One per silo; it holds the grains of the
/// shards this silo owns. A grain publishes after each turn and removes its entry when its object is gone; the
/// entries of a shard that leaves the silo are dropped with it.
/// </summary>
public interface IGrainStateBoard
{
    /// <summary>Replaces the snapshot of the grain <c>(state's type, state.Key)</c>.</summary>
    void Publish<TState>(TState state) where TState : GrainState;

    /// <summary>Removes the snapshot of one grain.</summary>
    void Remove<TState>(string key) where TState : GrainState;

    TState? Get<TState>(string key) where TState : GrainState;

    /// <summary>Every snapshot of one kind, ordered by key.</summary>
    IReadOnlyList<TState> List<TState>() where TState : GrainState;
}

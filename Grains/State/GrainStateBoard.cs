using System.Collections.Concurrent;
using Ccm.GrainInterfaces;
using Ccm.GrainInterfaces.State;

namespace Ccm.Grains.State;

/// <summary>
/// The silo's <see cref="IGrainStateBoard"/>: a dictionary per state type, holding what the grains this silo runs
/// published. A grain takes its entry off as its activation ends (<see cref="Reconcile.ReconcilerGrain"/>'s Withdraw),
/// when it moves to another silo too, so the dashboard shows each grain once, from the silo that runs it. (Dropping
/// entries by key ownership when membership changed would hide a grain that still runs here until its next turn.)
/// </summary>
public sealed class GrainStateBoard : IGrainStateBoard
{
    private readonly ConcurrentDictionary<Type, ConcurrentDictionary<string, GrainState>> boards = new();

    public void Publish<TState>(TState state) where TState : GrainState => Board(typeof(TState))[state.Key] = state;

    public void Remove<TState>(string key) where TState : GrainState => Board(typeof(TState)).TryRemove(key, out _);

    public TState? Get<TState>(string key) where TState : GrainState =>
        Board(typeof(TState)).TryGetValue(key, out var state) ? (TState)state : null;

    public IReadOnlyList<TState> List<TState>() where TState : GrainState =>
        [.. Board(typeof(TState)).Values.Cast<TState>().OrderBy(s => s.Key, StringComparer.Ordinal)];

    private ConcurrentDictionary<string, GrainState> Board(Type stateType) =>
        boards.GetOrAdd(stateType, _ => new ConcurrentDictionary<string, GrainState>(StringComparer.Ordinal));
}

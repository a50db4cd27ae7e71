using System.Collections.Concurrent;
using Ccm.GrainInterfaces;
using Ccm.GrainInterfaces.State;
using Ccm.Grains.Placement;

namespace Ccm.Grains.State;

/// <summary>
/// The silo's <see cref="IGrainStateBoard"/>: a dictionary per state type, holding the grains this silo runs. When
/// membership changes, the entries of keys another silo now owns are dropped (<see cref="KeepOnly"/>): their new owner
/// publishes them, so the dashboard never shows a grain twice across silos.
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

    /// <summary>Drops every entry whose placement key this silo no longer owns (route tables share the route group's).</summary>
    public void KeepOnly(Func<string, bool> owns)
    {
        foreach (var (type, board) in boards)
        {
            foreach (var key in board.Keys)
            {
                if (!owns(type == typeof(RouteTableGrainState) ? RouteGroupPlacement.Group : key))
                {
                    board.TryRemove(key, out _);
                }
            }
        }
    }

    private ConcurrentDictionary<string, GrainState> Board(Type stateType) =>
        boards.GetOrAdd(stateType, _ => new ConcurrentDictionary<string, GrainState>(StringComparer.Ordinal));
}

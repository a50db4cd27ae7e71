using System.Collections.Concurrent;
using Ccm.GrainInterfaces;
using Ccm.GrainInterfaces.State;
using Ccm.Grains.Placement;

namespace Ccm.Grains.State;

/// <summary>
/// The silo's <see cref="IGrainStateBoard"/>: a dictionary per state type, holding what the grains this silo runs
/// published. A grain takes its entry off as its activation ends (<see cref="Reconcile.ReconcilerGrain"/>'s Withdraw),
/// when it moves to another silo too, so the dashboard shows each grain once, from the silo that runs it. A membership
/// change drops only what no running grain of this silo published (<see cref="DropInactive"/>): dropping by key
/// ownership alone would hide a grain that still runs here until its next turn moves it.
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

    /// <summary>
    /// After a membership change: drops the entries of grains that no longer run here (a retired grain leaves its last
    /// publication) whose placement key another silo owns now, so they do not stand beside what the owner publishes
    /// when the grain starts there again. A grain that runs here keeps its entry until it withdraws it.
    /// </summary>
    public void DropInactive(Func<string, bool> owns, IReadOnlySet<string> running)
    {
        foreach (var (type, board) in boards)
        {
            foreach (var key in board.Keys)
            {
                if (!running.Contains(key) && !owns(type == typeof(RouteTableGrainState) ? RouteGroupPlacement.Group : key))
                {
                    board.TryRemove(key, out _);
                }
            }
        }
    }

    private ConcurrentDictionary<string, GrainState> Board(Type stateType) =>
        boards.GetOrAdd(stateType, _ => new ConcurrentDictionary<string, GrainState>(StringComparer.Ordinal));
}

using System.Collections.Concurrent;
using Ccm.GrainInterfaces;
using Ccm.GrainInterfaces.State;
using Ccm.Runtime;

namespace Ccm.Grains.State;

/// <summary>
/// The silo's <see cref="IGrainStateBoard"/>: a dictionary per state type. When a shard starts leaving the silo its
/// grains' entries go with it (the new owner's board will have them), so the dashboard never shows a grain twice
/// across silos.
/// </summary>
public sealed class GrainStateBoard : IGrainStateBoard, IDisposable
{
    private readonly ConcurrentDictionary<Type, ConcurrentDictionary<string, GrainState>> boards = new();
    private readonly IShardDirectory shards;

    public GrainStateBoard(IShardDirectory shards)
    {
        this.shards = shards;
        shards.ShardReleasing += OnShardReleasing;
    }

    public void Publish<TState>(TState state) where TState : GrainState => Board(typeof(TState))[state.Key] = state;

    public void Remove<TState>(string key) where TState : GrainState => Board(typeof(TState)).TryRemove(key, out _);

    public TState? Get<TState>(string key) where TState : GrainState =>
        Board(typeof(TState)).TryGetValue(key, out var state) ? (TState)state : null;

    public IReadOnlyList<TState> List<TState>() where TState : GrainState =>
        [.. Board(typeof(TState)).Values.Cast<TState>().OrderBy(s => s.Key, StringComparer.Ordinal)];

    public void Dispose() => shards.ShardReleasing -= OnShardReleasing;

    private ConcurrentDictionary<string, GrainState> Board(Type stateType) =>
        boards.GetOrAdd(stateType, _ => new ConcurrentDictionary<string, GrainState>(StringComparer.Ordinal));

    private void OnShardReleasing(object? sender, ShardEventArgs e)
    {
        foreach (var (type, board) in boards)
        {
            try
            {
                foreach (var key in board.Keys)
                {
                    if (ShardOf(type, key) == e.Shard)
                    {
                        board.TryRemove(key, out _);
                    }
                }
            }
            catch (ArgumentException)
            {
                // The grain type is not registered on this silo (its controller is off): its states, if any were
                // published, belong to no shard of ours, and the other types' releases must still happen.
            }
        }
    }

    private int ShardOf(Type stateType, string key) => stateType switch
    {
        _ when stateType == typeof(ServiceGrainState) => shards.ShardOf<IServiceGrain>(key),
        _ when stateType == typeof(NodeGrainState) => shards.ShardOf<INodeGrain>(key),
        _ when stateType == typeof(RouteTableGrainState) => shards.ShardOf<IRouteTableGrain>(key),
        _ => -1,
    };
}

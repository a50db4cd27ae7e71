using Ccm.GrainInterfaces;
using Ccm.GrainInterfaces.State;
using Ccm.Grains.State;
using Ccm.Runtime;

namespace Ccm.Grains.Tests.State;

public class GrainStateBoardTests
{
    [Fact]
    public void Publishing_replaces_a_grains_snapshot_and_lists_are_ordered_by_key()
    {
        using var board = new GrainStateBoard(new TwoShards());

        board.Publish(Node("b", GrainPhase.Pending));
        board.Publish(Node("a", GrainPhase.Ready));
        board.Publish(Node("b", GrainPhase.Ready));

        Assert.Equal(["a", "b"], board.List<NodeGrainState>().Select(s => s.Key));
        Assert.Equal(GrainPhase.Ready, board.Get<NodeGrainState>("b")!.Phase);
        Assert.Empty(board.List<ServiceGrainState>());
    }

    [Fact]
    public void A_shard_leaving_the_silo_takes_its_grains_entries_with_it()
    {
        var shards = new TwoShards();
        using var board = new GrainStateBoard(shards);
        board.Publish(Node("even-0", GrainPhase.Ready));
        board.Publish(Node("odd-1", GrainPhase.Ready));

        shards.Release(1);

        Assert.Equal(["even-0"], board.List<NodeGrainState>().Select(s => s.Key));
    }

    [Fact]
    public void States_of_a_grain_type_this_silo_does_not_run_do_not_stop_a_shard_release()
    {
        var shards = new TwoShards { Unregistered = typeof(IRouteTableGrain) };
        using var board = new GrainStateBoard(shards);
        board.Publish(new RouteTableGrainState { Key = "vtb-1", Phase = GrainPhase.Ready });
        board.Publish(Node("odd-1", GrainPhase.Ready));

        shards.Release(1);

        Assert.Empty(board.List<NodeGrainState>());
        Assert.Equal(["vtb-1"], board.List<RouteTableGrainState>().Select(s => s.Key));
    }

    private static NodeGrainState Node(string key, GrainPhase phase) => new() { Key = key, Phase = phase };

    /// <summary>Keys ending in a digit live on that digit's shard (mod 2).</summary>
    private sealed class TwoShards : IShardDirectory
    {
        public int ShardCount => 2;

        public IReadOnlyList<int> ActiveShards => [0, 1];

        public event EventHandler<ShardEventArgs>? ShardAcquired;

        public event EventHandler<ShardEventArgs>? ShardReleasing;

        /// <summary>A grain interface the silo has not registered: asking its shard throws, as the runtime does.</summary>
        public Type? Unregistered { get; init; }

        public int ShardOf<TGrainInterface>(string key) where TGrainInterface : IGrainWithStringKey =>
            typeof(TGrainInterface) == Unregistered
                ? throw new ArgumentException($"{typeof(TGrainInterface).Name} is not a registered grain interface")
                : (key[^1] - '0') % 2;

        public bool IsActive(int shard) => true;

        public void Release(int shard) => ShardReleasing?.Invoke(this, new ShardEventArgs(shard));

        public void Acquire(int shard) => ShardAcquired?.Invoke(this, new ShardEventArgs(shard));
    }
}

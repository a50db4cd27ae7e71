using Ccm.GrainInterfaces.State;
using Ccm.Grains.Placement;
using Ccm.Grains.State;

namespace Ccm.Grains.Tests.State;

public class GrainStateBoardTests
{
    [Fact]
    public void Publishing_replaces_a_grains_snapshot_and_lists_are_ordered_by_key()
    {
        var board = new GrainStateBoard();

        board.Publish(Node("b", GrainPhase.Pending));
        board.Publish(Node("a", GrainPhase.Ready));
        board.Publish(Node("b", GrainPhase.Ready));

        Assert.Equal(["a", "b"], board.List<NodeGrainState>().Select(s => s.Key));
        Assert.Equal(GrainPhase.Ready, board.Get<NodeGrainState>("b")!.Phase);
        Assert.Empty(board.List<ServiceGrainState>());
    }

    [Fact]
    public void After_a_membership_change_the_entries_of_keys_another_silo_owns_are_dropped()
    {
        var board = new GrainStateBoard();
        board.Publish(Node("even-0", GrainPhase.Ready));
        board.Publish(Node("odd-1", GrainPhase.Ready));

        board.KeepOnly(key => key[^1] == '0');

        Assert.Equal(["even-0"], board.List<NodeGrainState>().Select(s => s.Key));
    }

    [Fact]
    public void Route_tables_follow_the_owner_of_the_route_group_not_their_own_keys()
    {
        var board = new GrainStateBoard();
        board.Publish(new RouteTableGrainState { Key = "vtb-1", Phase = GrainPhase.Ready });
        board.Publish(Node("vtb-1", GrainPhase.Ready));

        board.KeepOnly(key => key == RouteGroupPlacement.Group);

        Assert.Empty(board.List<NodeGrainState>());
        Assert.Equal(["vtb-1"], board.List<RouteTableGrainState>().Select(s => s.Key));
    }

    private static NodeGrainState Node(string key, GrainPhase phase) => new() { Key = key, Phase = phase };
}

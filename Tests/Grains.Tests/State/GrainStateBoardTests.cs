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
    public void A_membership_change_drops_what_retired_grains_published_under_keys_another_silo_owns_but_keeps_running_grains()
    {
        var board = new GrainStateBoard();
        board.Publish(Node("mine-0", GrainPhase.Ready));
        board.Publish(Node("retired-1", GrainPhase.Ready));
        board.Publish(Node("running-1", GrainPhase.Ready));
        board.Publish(new RouteTableGrainState { Key = "vtb-1", Phase = GrainPhase.Ready });

        board.DropInactive(key => key[^1] == '0' || key == RouteGroupPlacement.Group, new HashSet<string>(["running-1"]));

        Assert.Equal(["mine-0", "running-1"], board.List<NodeGrainState>().Select(s => s.Key));
        Assert.Equal(["vtb-1"], board.List<RouteTableGrainState>().Select(s => s.Key));
    }

    private static NodeGrainState Node(string key, GrainPhase phase) => new() { Key = key, Phase = phase };
}

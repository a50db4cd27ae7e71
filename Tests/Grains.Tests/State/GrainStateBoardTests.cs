using Ccm.GrainInterfaces.State;
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

    private static NodeGrainState Node(string key, GrainPhase phase) => new() { Key = key, Phase = phase };
}

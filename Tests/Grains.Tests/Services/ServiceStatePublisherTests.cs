using Ccm.GrainInterfaces.State;
using Ccm.Grains.Services;
using Ccm.Grains.Tests.Fakes;
using static Ccm.Grains.Tests.Services.ServiceBuilders;

namespace Ccm.Grains.Tests.Services;

/// <summary>What a Service grain puts on the state board for the dashboard, which keeps every Service's state.</summary>
public sealed class ServiceStatePublisherTests
{
    [Fact]
    public void The_published_state_lists_the_first_members_of_each_listener_and_counts_them_all()
    {
        var desired = Desired(Svc("crowded", tweaks: Port("https", "TCP", 443, 30443)), ManyNodes(25));
        var board = new DictionaryStateBoard();
        var publisher = new ServiceStatePublisher(board, TimeProvider.System);

        var snapshot = ServiceStatePublisher.Describe(desired, null, new Grains.Services.ExecutionContext(null) { LoadBalancerId = "lb-crowded" }, applied: true);
        publisher.Publish("default/crowded", new ServiceMemory(), GrainPhase.Ready, "applied", null, snapshot);

        var state = board.Get<ServiceGrainState>("default/crowded")!;
        Assert.Equal(2, state.Listeners.Count);
        Assert.All(state.Listeners, l =>
        {
            Assert.Equal(25, l.Backends);
            Assert.Equal(ServiceStatePublisher.BackendsListed, l.BackendServers.Count);
            Assert.Equal(["i-node00", "i-node01", "i-node02"], l.BackendServers.Take(3).Select(b => b.ServerId));
        });
        Assert.Equal(50, state.BackendCount); // 25 nodes on each of two node ports, counted from the full lists
    }

    [Fact]
    public void A_listener_with_few_members_lists_them_all()
    {
        var desired = Desired(Svc("small"), ManyNodes(3));

        var snapshot = ServiceStatePublisher.Describe(desired, null, new Grains.Services.ExecutionContext(null) { LoadBalancerId = "lb-small" }, applied: true);

        var listener = Assert.Single(snapshot.Listeners);
        Assert.Equal(3, listener.Backends);
        Assert.Equal(["i-node00", "i-node01", "i-node02"], listener.BackendServers.Select(b => b.ServerId));
        Assert.Equal(3, snapshot.Backends);
    }
}

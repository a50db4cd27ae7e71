using Ccm.CloudClients.Transport.Budget;
using Ccm.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using static Ccm.Grains.Tests.Services.ServiceBuilders;

namespace Ccm.Grains.Tests.Services;

/// <summary>
/// What a Service turn holds while it waits for the cloud budget: thousands of turns wait at once behind the SLB rate
/// limit, so none of them may hold a member per node before its reads are done.
/// </summary>
public sealed class ServiceTurnFootprintTests(ServiceWorld world) : IClassFixture<ServiceWorld>
{
    [Fact]
    public async Task A_turn_waiting_for_an_SLB_permit_has_not_listed_the_nodes_so_holds_no_member_built_from_them()
    {
        var h = world.NewHarness();
        await h.CreateAsync(Svc("permit-wait", tweaks: Port("https", "TCP", 443, 30443)));
        await h.TurnAsync("permit-wait"); // its load balancer exists

        // One SLB call at once, the next a hundred seconds later: the lookup goes through, the first read waits.
        await using var budgeted = world.CreateClients(attempts: 1, rateLimits: "SLB=0.01:1");
        var budget = budgeted.GetRequiredService<CloudCallBudget>();
        var waiting = world.NewHarness(withClients: budgeted);
        waiting.Cache.With((await h.RefreshAsync("permit-wait"))!);
        using var stop = new CancellationTokenSource();
        var turn = waiting.Reconciler.ReconcileAsync("default/permit-wait", waiting.Memory, stop.Token);

        await Eventually.TrueAsync(() => budget.Snapshot().Sum(s => s.EventWaiters) == 1, "the turn's first read waits for a permit");
        Assert.False(turn.IsCompleted);
        Assert.Equal(0, waiting.Cache.NodeLists);

        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => turn);
        Assert.Equal(0, waiting.Cache.NodeLists);
    }

    [Fact]
    public async Task A_turn_past_its_reads_waits_for_a_slot_before_it_builds_members_and_goes_on_when_one_is_free()
    {
        var h = world.NewHarness(Options() with { ServiceTurnsWithMembers = 1 });
        var service = await h.CreateAsync(Svc("slot-wait"));
        var other = await h.Slots.EnterAsync(CancellationToken.None); // another Service's turn holds the only slot

        var turn = h.TurnAsync("slot-wait");
        await Eventually.TrueAsync(() => h.Slots.Slots.Waiting(CloudCallPriority.Event) == 1, "the turn waits for a slot");
        Assert.Equal(0, h.Cache.NodeLists);
        Assert.Null(h.LoadBalancerOf(service)); // nothing written yet
        other.Dispose();

        await turn;
        Assert.Equal(1, h.Cache.NodeLists);
        Assert.Equal(0, h.Slots.Slots.Held);
        Assert.NotNull(h.LoadBalancerOf(service));
    }

    [Fact]
    public async Task A_turn_lists_the_nodes_once_its_reads_are_done_and_makes_every_node_a_member()
    {
        var h = world.NewHarness();
        await h.CreateAsync(Svc("members-after-reads"));

        await h.TurnAsync("members-after-reads");

        Assert.Equal(1, h.Cache.NodeLists);
        var group = Assert.Single(world.Cloud.Cloud.VServerGroups(h.LoadBalancerOf((await h.RefreshAsync("members-after-reads"))!)!.LoadBalancerId));
        Assert.Equal(3, group.BackendServers.Length);
    }
}

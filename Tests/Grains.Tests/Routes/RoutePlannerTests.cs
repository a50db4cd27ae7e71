using Ccm.CloudClients.Vpc;
using Ccm.Grains.Routes;
using static Ccm.Grains.Tests.Routes.Support.RouteFixtures;

namespace Ccm.Grains.Tests.Routes;

public sealed class RoutePlannerTests
{
    /// <summary>Upstream's rule for a node whose Ready is Unknown: its route stays as it is; it gets none it lacks.</summary>
    public static TheoryData<string, RouteEntry[], string[]> ReadyUnknown => new()
    {
        { "its present route is kept", [EntryFor(1)], [] },
        { "no route is created for it", [], [] },
        { "a route of ours to another instance on its CIDR is not replaced", [Entry("172.20.1.0/24", "i-9")], [] },
        { "a route to its instance on a CIDR it no longer has is kept", [Entry("172.20.99.0/24", "i-1")], [] },
        { "a stale route of no node is still collected", [EntryFor(1), Entry("172.20.7.0/24", "i-7")], ["DeleteRouteEntry 172.20.7.0/24 -> i-7 (no live node)"] },
    };

    [Theory]
    [MemberData(nameof(ReadyUnknown))]
    public void A_node_whose_Ready_is_Unknown_keeps_its_route_but_gets_no_new_one(string rule, RouteEntry[] entries, string[] expected)
    {
        var plan = RoutePlanner.Plan(Input([Node(1, Ready("Unknown"))], entries));

        Assert.True(expected.SequenceEqual(plan.Operations.Select(Describe)), $"{rule}: {string.Join(" | ", plan.Operations.Select(Describe))}");
        Assert.Empty(plan.Routes);
    }

    [Fact]
    public void A_node_that_is_Ready_again_gets_its_missing_route()
    {
        var plan = RoutePlanner.Plan(Input([Node(1, Ready("True")), Node(2, Ready("Unknown"))], []));

        Assert.Equal(Route(1), Assert.IsType<RouteOperation.CreateOne>(Assert.Single(plan.Operations)).Route);
    }

    [Fact]
    public void A_missing_route_is_created_alone_with_a_ClientToken()
    {
        var plan = RoutePlanner.Plan(Input([Node(1)], []));
        var create = Assert.IsType<RouteOperation.CreateOne>(Assert.Single(plan.Operations));
        Assert.Equal(Route(1), create.Route);
        Assert.Equal(RouteClientToken.For(Table, Route(1), ReadAt), create.ClientToken);
        Assert.Equal(RouteStatus.Creating, Assert.Single(plan.Routes).Status);
    }

    [Fact]
    public void Several_missing_routes_are_created_in_batches_of_the_batch_size()
    {
        var plan = RoutePlanner.Plan(Input(Enumerable.Range(1, 5).Select(n => Node(n)), []) with { BatchSize = 2 });
        Assert.Collection(plan.Operations,
            o => Assert.Equal([Route(1), Route(2)], Assert.IsType<RouteOperation.CreateBatch>(o).Routes.ToArray()),
            o => Assert.Equal([Route(3), Route(4)], Assert.IsType<RouteOperation.CreateBatch>(o).Routes.ToArray()),
            o => Assert.Equal(Route(5), Assert.IsType<RouteOperation.CreateOne>(o).Route));
    }

    [Fact]
    public void A_batch_never_exceeds_the_APIs_50_entries()
    {
        var plan = RoutePlanner.Plan(Input(Enumerable.Range(1, 120).Select(n => Node(n)), []) with { BatchSize = 500 });
        Assert.Equal([50, 50, 20], plan.Operations.Select(o => ((RouteOperation.CreateBatch)o).Routes.Length));
    }

    [Theory]
    [InlineData("Available", RouteStatus.Present, false)]
    [InlineData("Pending", RouteStatus.Pending, true)]
    [InlineData("Modifying", RouteStatus.Pending, true)]
    [InlineData("Deleting", RouteStatus.Waiting, true)]
    public void A_route_with_the_right_next_hop_is_left_as_it_is(string status, RouteStatus expected, bool unsettled)
    {
        var plan = RoutePlanner.Plan(Input([Node(1)], [EntryFor(1, status)]));
        Assert.Empty(plan.Operations);
        Assert.Equal(expected, Assert.Single(plan.Routes).Status);
        Assert.Equal(unsettled, plan.Unsettled);
    }

    [Fact]
    public void A_route_of_ours_to_the_wrong_instance_is_deleted_now_and_created_next_turn()
    {
        var wrong = Entry("172.20.1.0/24", "i-9");
        var plan = RoutePlanner.Plan(Input([Node(1)], [wrong]));
        var delete = Assert.IsType<RouteOperation.DeleteOne>(Assert.Single(plan.Operations));
        Assert.Equal((wrong.RouteEntryId, "i-9"), (delete.Route.RouteEntryId, delete.Route.NextHopId));
        Assert.Equal(RouteStatus.Replacing, Assert.Single(plan.Routes).Status);

        var next = RoutePlanner.Plan(Input([Node(1)], []));
        Assert.IsType<RouteOperation.CreateOne>(Assert.Single(next.Operations));
    }

    [Theory]
    [InlineData("Pending", true)]
    [InlineData("Available", false)]
    public void A_wrong_route_is_not_replaced_while_it_settles_or_before_the_cache_synced(string status, bool synced)
    {
        var plan = RoutePlanner.Plan(Input([Node(1)], [Entry("172.20.1.0/24", "i-9", status: status)], synced));
        Assert.Empty(plan.Operations);
        Assert.Equal(RouteStatus.Waiting, Assert.Single(plan.Routes).Status);
    }

    public static TheoryData<string, RouteEntry> ForeignHolders => new()
    {
        { "a system entry", Entry("172.20.1.0/24", "i-9", type: "System") },
        { "an ECMP route", Ecmp("172.20.1.0/24", "i-8", "i-9") },
        { "a NAT gateway next hop", Entry("172.20.1.0/24", "ngw-1", hopType: "NatGateway") },
        { "an ENI next hop", Entry("172.20.1.0/24", "eni-1", hopType: "NetworkInterface") },
    };

    [Theory]
    [MemberData(nameof(ForeignHolders))]
    public void A_destination_held_by_a_route_we_do_not_manage_is_never_touched(string because, RouteEntry holder)
    {
        var plan = RoutePlanner.Plan(Input([Node(1)], [holder]));
        Assert.True(plan.Operations.Count == 0, because);
        Assert.Equal(RouteStatus.Blocked, Assert.Single(plan.Routes).Status);
    }

    [Fact]
    public void A_wrong_route_outside_the_cluster_CIDR_is_never_replaced()
    {
        var plan = RoutePlanner.Plan(Input([Node(1, PodCidrs("10.8.1.0/24"))], [Entry("10.8.1.0/24", "i-9")]));
        Assert.Empty(plan.Operations);
        Assert.Equal(RouteStatus.Blocked, Assert.Single(plan.Routes).Status);
    }

    [Fact]
    public void A_route_no_live_node_claims_is_deleted()
    {
        var stale = Entry("172.20.7.0/24", "i-7");
        var plan = RoutePlanner.Plan(Input([Node(1)], [EntryFor(1), stale]));
        var delete = Assert.IsType<RouteOperation.DeleteOne>(Assert.Single(plan.Operations));
        Assert.Equal(new StaleRoute(stale.RouteEntryId, "172.20.7.0/24", "i-7", "no live node"), delete.Route);
    }

    [Fact]
    public void Without_collection_only_unclaimed_routes_marked_as_ours_are_deleted_and_a_wrong_route_at_a_nodes_CIDR_is_still_replaced()
    {
        var handMade = Entry("172.20.7.0/24", "i-7");
        var ours = Entry("172.20.8.0/24", "i-8") with { Description = "pod CIDR of node node-8 (cloud-controller-manager)" };
        var plan = RoutePlanner.Plan(Input([Node(1), Node(2)], [EntryFor(1), handMade, ours, Entry("172.20.2.0/24", "i-9")]) with { CollectUnclaimed = false });

        Assert.Equal(["172.20.2.0/24", "172.20.8.0/24"], plan.Stale.Select(s => s.DestinationCidrBlock).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(plan.Stale, s => s.RouteEntryId == handMade.RouteEntryId);
    }

    [Fact]
    public void Deletes_are_batched_and_come_before_creates()
    {
        var plan = RoutePlanner.Plan(Input([Node(1), Node(2)], [Entry("172.20.7.0/24", "i-7"), Entry("172.20.8.0/24", "i-8")]));
        Assert.Collection(plan.Operations,
            o => Assert.Equal(2, Assert.IsType<RouteOperation.DeleteBatch>(o).Routes.Length),
            o => Assert.Equal(2, Assert.IsType<RouteOperation.CreateBatch>(o).Routes.Length));
    }

    public static TheoryData<string, RouteEntry, bool> NeverDeleted => new()
    {
        { "a system entry", Entry("172.20.7.0/24", "i-7", type: "System"), true },
        { "the default route", Entry("0.0.0.0/0", "i-7"), true },
        { "an ECMP route", Ecmp("172.20.7.0/24", "i-7", "i-8"), true },
        { "a NAT gateway next hop", Entry("172.20.7.0/24", "ngw-7", hopType: "NatGateway"), true },
        { "an ENI next hop", Entry("172.20.7.0/24", "eni-7", hopType: "NetworkInterface"), true },
        { "a HaVip next hop", Entry("172.20.7.0/24", "havip-7", hopType: "HaVip"), true },
        { "outside the cluster CIDR", Entry("10.1.0.0/16", "i-7"), true },
        { "straddling the cluster CIDR", Entry("172.0.0.0/8", "i-7"), true },
        { "a destination that is not IPv4", Entry("fd00::/64", "i-7"), true },
        { "a live node's pod CIDR (excluded node)", Entry("172.20.2.0/24", "i-7"), true },
        { "a live node's instance as next hop", Entry("172.20.7.0/24", "i-3"), true },
        { "still Pending", Entry("172.20.7.0/24", "i-7", status: "Pending"), true },
        { "already Deleting", Entry("172.20.7.0/24", "i-7", status: "Deleting"), true },
        { "an unsynced cache", Entry("172.20.7.0/24", "i-7"), false },
    };

    [Theory]
    [MemberData(nameof(NeverDeleted))]
    public void Never_deleted(string because, RouteEntry entry, bool synced)
    {
        var nodes = new[] { Node(2, Label("service.alibabacloud.com/exclude-node")), Node(3, PodCidrs("172.20.30.0/24")) };
        var plan = RoutePlanner.Plan(Input(nodes, [entry, Entry("172.20.30.0/24", "i-3")], synced));
        Assert.True(plan.Operations.Count == 0, because);
    }

    [Fact]
    public void Without_a_cluster_CIDR_nothing_is_deleted() =>
        Assert.Empty(RoutePlanner.Plan(Input([], [Entry("172.20.7.0/24", "i-7")]) with { ClusterCidr = null }).Operations);

    [Fact]
    public void Before_the_cache_synced_missing_routes_are_still_created()
    {
        var plan = RoutePlanner.Plan(Input([Node(1)], [Entry("172.20.7.0/24", "i-7")], synced: false));
        Assert.IsType<RouteOperation.CreateOne>(Assert.Single(plan.Operations));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(5, 3)]
    public void Creates_stop_at_the_room_a_full_table_has_left(int room, int creates)
    {
        var plan = RoutePlanner.Plan(Input([Node(1), Node(2), Node(3)], []) with { Room = room });
        Assert.Equal(creates, plan.Operations.Sum(o => o is RouteOperation.CreateBatch b ? b.Routes.Length : 1));
        Assert.Equal(3 - creates, plan.BlockedByQuota);
    }

    [Fact]
    public void A_route_the_cloud_refused_is_not_tried_again_until_forgotten()
    {
        var plan = RoutePlanner.Plan(Input([Node(1)], []).With(new Dictionary<NodeRoute, string> { [Route(1)] = "InvalidNextHop.NotFound: gone" }));
        Assert.Empty(plan.Operations);
        Assert.Equal((RouteStatus.Rejected, "InvalidNextHop.NotFound: gone"), (plan.Routes[0].Status, plan.Routes[0].Note));
        Assert.IsType<RouteOperation.CreateOne>(Assert.Single(RoutePlanner.Plan(Input([Node(2)], []).With(new Dictionary<NodeRoute, string> { [Route(1)] = "x" })).Operations));
    }

    [Fact]
    public void Entries_are_matched_by_their_canonical_destination()
    {
        var plan = RoutePlanner.Plan(Input([Node(1)], [Entry(" 172.20.1.0/24", "i-1")]));
        Assert.Empty(plan.Operations);
        Assert.Equal(RouteStatus.Present, plan.Routes[0].Status);
    }

    private static string Describe(RouteOperation operation) => $"{operation.Action} {operation.Target}";
}

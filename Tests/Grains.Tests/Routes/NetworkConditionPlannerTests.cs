using System.Text.Json;
using Ccm.Grains.Routes;
using Ccm.Grains.Tests.Support;
using k8s.Models;
using static Ccm.Grains.Tests.Routes.Support.RouteFixtures;

namespace Ccm.Grains.Tests.Routes;

public sealed class NetworkConditionPlannerTests
{
    private static TableCoverage Holding(string table, params NodeRoute[] routes) => new(table, [.. routes], ReadAt);

    [Fact]
    public void A_route_in_every_table_makes_the_network_available()
    {
        var change = Assert.Single(NetworkConditionPlanner.Plan([Route(1)], [Holding("vtb-a", Route(1)), Holding("vtb-b", Route(1))], _ => null));
        Assert.Equal(("node-1", "False", "RouteCreated"), (change.NodeName, change.Status, change.Reason));
    }

    [Fact]
    public void A_route_missing_from_one_table_leaves_the_network_unavailable_and_names_the_table()
    {
        var change = Assert.Single(NetworkConditionPlanner.Plan([Route(1)], [Holding("vtb-a", Route(1)), Holding("vtb-b")], _ => null));
        Assert.Equal(("True", "NoRouteCreated"), (change.Status, change.Reason));
        Assert.EndsWith("is missing from route table(s) vtb-b", change.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_table_that_does_not_exist_is_named_with_its_problem()
    {
        var tables = new[] { Holding("vtb-a", Route(1)), new TableCoverage("vtb-x", [], ReadAt, "the route table does not exist") };
        Assert.EndsWith("vtb-x (the route table does not exist)", Assert.Single(NetworkConditionPlanner.Plan([Route(1)], tables, _ => null)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_route_to_the_nodes_old_instance_does_not_count() =>
        Assert.Equal("True", Assert.Single(NetworkConditionPlanner.Plan([Route(1)], [Holding("vtb-a", Route(1) with { InstanceId = "i-old" })], _ => null)).Status);

    [Fact]
    public void A_node_that_already_carries_the_condition_is_not_written()
    {
        var tables = new[] { Holding("vtb-a", Route(1)) };
        var wanted = NetworkConditionPlanner.Wanted(Route(1), tables);
        var present = new V1NodeCondition { Type = "NetworkUnavailable", Status = wanted.Status, Reason = wanted.Reason, Message = wanted.Message };
        Assert.Empty(NetworkConditionPlanner.Plan([Route(1)], tables, _ => present));
        Assert.Single(NetworkConditionPlanner.Plan([Route(1)], tables, _ => present.Clone(c => c.Status = "True")));
    }

    [Fact]
    public void The_patch_sets_only_this_condition_and_keeps_the_transition_time_when_the_status_stays()
    {
        var since = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var wanted = new NetworkCondition("node-1", "False", NetworkCondition.RouteCreated, "in every table");
        var present = new V1NodeCondition { Type = "NetworkUnavailable", Status = "False", Reason = "RouteCreated", LastTransitionTime = since.UtcDateTime };
        using var body = JsonDocument.Parse((string)NetworkConditionPatch.For(wanted, present, ReadAt).Content);
        var condition = Assert.Single(body.RootElement.GetProperty("status").GetProperty("conditions").EnumerateArray());
        Assert.Equal(("NetworkUnavailable", "False", "RouteCreated"), (condition.GetProperty("type").GetString(), condition.GetProperty("status").GetString(), condition.GetProperty("reason").GetString()));
        Assert.Equal(("2026-01-01T00:00:00Z", "2026-03-01T12:00:00Z"), (condition.GetProperty("lastTransitionTime").GetString(), condition.GetProperty("lastHeartbeatTime").GetString()));

        using var changed = JsonDocument.Parse((string)NetworkConditionPatch.For(wanted with { Status = "True" }, present, ReadAt).Content);
        Assert.Equal("2026-03-01T12:00:00Z", changed.RootElement.GetProperty("status").GetProperty("conditions")[0].GetProperty("lastTransitionTime").GetString());
        Assert.Equal(V1Patch.PatchType.StrategicMergePatch, NetworkConditionPatch.For(wanted, null, ReadAt).Type);
    }
}

using Ccm.CloudClients;
using Ccm.GrainInterfaces.State;
using Ccm.Grains.Services;
using Ccm.Grains.Tests.Support;
using Ccm.Sandbox.Demo;
using k8s.Models;
using static Ccm.Grains.Tests.Services.CloudStates;
using static Ccm.Grains.Tests.Services.ServiceBuilders;

namespace Ccm.Grains.Tests.Services;

/// <summary>
/// A reused load balancer (<c>...-loadbalancer-id</c>): what the user annotated is applied, nothing else is forced on
/// it, it is marked <c>kubernetes.reused.by.user</c>, and <c>vgroup-port</c> puts our members into the user's groups.
/// </summary>
public class ReusedLoadBalancerPlannerTests
{
    private const string UserGroup = "rsp-user1";
    private static readonly string[] I = [.. DemoWorld.Nodes.Select(n => n.InstanceId)];
    private static readonly Tag ReuseMark = new("kubernetes.reused.by.user", "true");

    /// <summary>The user's load balancer as found: unprotected, named by the user, PayBySpec, already marked reused.</summary>
    private static ActualLoadBalancer Users(params ActualVServerGroup[] groups) => Lb([], groups, LoadBalancerOwnership.Adopted, l => l with
    {
        LoadBalancerName = "users-lb", DeleteProtection = "off", ModificationProtectionStatus = "NonProtection", InstanceChargeType = "PayBySpec",
        LoadBalancerSpec = "slb.s1.small", Bandwidth = 10, Tags = [ReuseMark, new Tag("owner", "ops")],
    });

    private static V1Service Reusing(params Func<V1Service, V1Service>[] tweaks) => Svc(tweaks: [Annotate("id", LbId), .. tweaks]);

    private static ServicePlan PlanFor(V1Service service, ActualLoadBalancer actual, IReadOnlyList<V1Node>? nodes = null) =>
        ServicePlanner.Plan(Desired(service, nodes), actual, new PlanOptions());

    private static IReadOnlyList<string> LoadBalancerWrites(V1Service service, ActualLoadBalancer actual)
    {
        var plan = PlanFor(service, actual);
        Assert.Empty(plan.Conflicts);
        return [.. Render(plan.Operations).Where(o => !o.Contains("VServerGroup", StringComparison.Ordinal))];
    }

    /// <summary>annotation, value, the one write it causes on the reused load balancer above.</summary>
    public static TheoryData<string, string, string> Applied => new()
    {
        { "name", "renamed", $"SetLoadBalancerName {LbId}: renamed" },
        { "delete-protection", "on", $"SetLoadBalancerDeleteProtection {LbId}: on" },
        { "modification-protection", "ConsoleProtection", $"SetLoadBalancerModificationProtection {LbId}: ConsoleProtection" },
        { "charge-type", "paybybandwidth", $"ModifyLoadBalancerInternetSpec {LbId}: paybybandwidth" },
        { "spec", "slb.s2.small", $"ModifyLoadBalancerInstanceSpec {LbId}: slb.s2.small" },
        { "instance-charge-type", "PayByCLCU", $"ModifyLoadBalancerInstanceChargeType {LbId}: PayByCLCU" },
        { "additional-resource-tags", "team=web", $"AddTags {LbId}: team=web" },
    };

    [Theory]
    [MemberData(nameof(Applied))]
    public void An_annotated_attribute_is_applied_to_the_reused_load_balancer(string annotation, string value, string write) =>
        Assert.Equal([write], LoadBalancerWrites(Reusing(Annotate(annotation, value)), Users()));

    [Fact]
    public void Bandwidth_is_changed_only_when_billed_by_bandwidth() =>
        Assert.Equal([$"ModifyLoadBalancerInternetSpec {LbId}: paybybandwidth 50"],
            LoadBalancerWrites(Reusing(Annotate("charge-type", "paybybandwidth"), Annotate("bandwidth", "50")), Users()));

    [Fact]
    public void Nothing_the_user_did_not_annotate_is_forced_on_it() =>
        Assert.Empty(LoadBalancerWrites(Reusing(), Users()));

    [Fact]
    public void It_is_marked_reused_once_and_not_when_it_already_has_ten_tags()
    {
        var unmarked = Users() with { LoadBalancer = Users().LoadBalancer with { Tags = [] } };
        var crowded = Users() with { LoadBalancer = Users().LoadBalancer with { Tags = [.. Enumerable.Range(0, 10).Select(i => new Tag($"k{i}", "v"))] } };

        Assert.Equal([$"AddTags {LbId}: kubernetes.reused.by.user=true"], LoadBalancerWrites(Reusing(), unmarked));
        Assert.Empty(LoadBalancerWrites(Reusing(), crowded));
    }

    [Fact]
    public void Going_back_from_PayByCLCU_to_PayBySpec_is_refused_before_any_write()
    {
        var clcu = Users() with { LoadBalancer = Users().LoadBalancer with { InstanceChargeType = "PayByCLCU", LoadBalancerSpec = null } };

        var plan = PlanFor(Reusing(Annotate("instance-charge-type", "PayBySpec")), clcu);

        Assert.Empty(plan.Operations);
        var conflict = Assert.Single(plan.Conflicts);
        Assert.Equal(ServicePredicates.AnnotationPrefix + "instance-charge-type", conflict.Annotation);
        Assert.Contains("PayBySpec to PayByCLCU only", conflict.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("198.51.100.7", null, false)]
    [InlineData("203.0.113.10", null, true)]
    [InlineData(null, "web.example.com", true)]
    public void It_is_refused_when_the_Service_already_shows_another_address(string? ip, string? hostname, bool accepted)
    {
        var service = Reusing(s => s.Clone(c => c.Status = new V1ServiceStatus
        {
            LoadBalancer = new V1LoadBalancerStatus { Ingress = [new V1LoadBalancerIngress { Ip = ip, Hostname = hostname }] },
        }));

        var plan = PlanFor(service, Users());

        Assert.Equal(accepted, plan.Conflicts.IsEmpty);
        Assert.True(accepted || plan.Operations.IsEmpty);
        Assert.True(accepted || plan.Conflicts[0].Message.Contains("already shows 198.51.100.7", StringComparison.Ordinal));
    }

    [Fact]
    public void Another_address_is_accepted_when_the_Service_shows_its_EIP()
    {
        var service = Reusing(Annotate("external-ip-type", "eip"), Status("198.51.100.7"));

        Assert.Empty(PlanFor(service, Users()).Conflicts);
    }

    [Fact]
    public void Members_go_into_the_users_group_with_the_total_weight_shared_and_the_users_member_stays()
    {
        var users = new Backend("i-users-own", Backend.Ecs, 8080, 30, Description: "the user's");
        var actual = Users(Group(UserGroup, "user-group", users));

        var plan = PlanFor(Reusing(Annotate("vgroup-port", $"{UserGroup}:80"), Annotate("weight", "60")), actual);

        Assert.Empty(plan.Conflicts);
        Assert.Equal([$"AddVServerGroupBackendServers {UserGroup} ({Key(30080)}): {I[0]}:30080 w20, {I[1]}:30080 w20, {I[2]}:30080 w20"], Render(plan.Operations));
    }

    [Theory]
    [InlineData("off", 1)]
    [InlineData("on", 0)]
    public void Our_members_are_reweighed_unless_weight_updates_are_ignored(string ignore, int reweighs)
    {
        var actual = Users(Group(UserGroup, "user-group", Node(0, weight: 7), Node(1, weight: 33), Node(2, weight: 33)));

        var plan = PlanFor(Reusing(Annotate("vgroup-port", $"{UserGroup}:80"), Annotate("weight", "100"), Annotate("ignore-weight-update", ignore)), actual);

        Assert.Equal(reweighs, Render(plan.Operations).Count(o => o.StartsWith($"SetVServerGroupAttribute {UserGroup}", StringComparison.Ordinal)));
        Assert.True(reweighs == 0 || Render(plan.Operations).Contains($"SetVServerGroupAttribute {UserGroup} ({Key(30080)}): {I[0]}:30080 w33"));
    }

    [Fact]
    public void A_weight_of_zero_drains_every_member()
    {
        var actual = Users(Group(UserGroup, "user-group", Node(0), Node(1), Node(2)));

        var plan = PlanFor(Reusing(Annotate("vgroup-port", $"{UserGroup}:80"), Annotate("weight", "0")), actual);

        Assert.Equal([$"SetVServerGroupAttribute {UserGroup} ({Key(30080)}): {I[0]}:30080 w0, {I[1]}:30080 w0, {I[2]}:30080 w0"], Render(plan.Operations));
    }

    [Theory]
    [InlineData("rsp-missing", "user-group", "is not one of them")]
    [InlineData(UserGroup, "k8s/30080/other/default/c-sandbox", "named k8s/30080/other/default/c-sandbox by a CCM")]
    public void A_group_that_is_missing_or_a_CCMs_own_is_refused(string reused, string actualName, string says)
    {
        var plan = PlanFor(Reusing(Annotate("vgroup-port", $"{reused}:80")), Users(Group(UserGroup, actualName)));

        Assert.Empty(plan.Operations);
        var conflict = Assert.Single(plan.Conflicts);
        Assert.Equal(ServicePredicates.AnnotationPrefix + "vgroup-port", conflict.Annotation);
        Assert.Contains(says, conflict.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_users_group_no_longer_named_only_loses_our_members()
    {
        var actual = Users(Group(UserGroup, "user-group", Node(0), new Backend("i-users-own", Backend.Ecs, 8080, 30, Description: "the user's")));

        var plan = PlanFor(Reusing(), actual);

        Assert.Contains($"RemoveVServerGroupBackendServers {UserGroup} ({Key(30080)}): {I[0]}:30080 w100", Render(plan.Operations));
        Assert.DoesNotContain(Render(plan.Operations), o => o.StartsWith("DeleteVServerGroup", StringComparison.Ordinal));
    }

    [Fact]
    public void Our_own_load_balancer_ignores_vgroup_port_as_upstream_does() =>
        Assert.DoesNotContain(Desired(Svc(tweaks: Annotate("vgroup-port", $"{UserGroup}:80"))).VServerGroups, g => g.ReusedId is not null);
}

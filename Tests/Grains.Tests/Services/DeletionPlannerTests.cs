using System.Collections.Immutable;
using Ccm.CloudClients;
using Ccm.GrainInterfaces.State;
using Ccm.Grains.Services;
using Ccm.Sandbox.Demo;
using static Ccm.Grains.Tests.Services.CloudStates;
using static Ccm.Grains.Tests.Services.ServiceBuilders;

namespace Ccm.Grains.Tests.Services;

public class DeletionPlannerTests
{
    private static readonly ServiceIdentity Web = new("default", "web", Uid, DemoWorld.ClusterId);

    private static IReadOnlyList<string> Plan(ActualLoadBalancer? actual, bool preserve = false, string? adopted = null, params Tag[] additional) =>
        Render(DeletionPlanner.Plan(new DeletionPlanner.Intent(Web, adopted, preserve, [.. additional]), actual));

    [Fact]
    public void Our_load_balancer_is_deleted_after_its_delete_protection_is_switched_off() =>
        Assert.Equal([$"SetLoadBalancerDeleteProtection {LbId}: off", $"DeleteLoadBalancer {LbId}"], Plan(Applied()));

    [Fact]
    public void An_unprotected_load_balancer_is_just_deleted() =>
        Assert.Equal([$"DeleteLoadBalancer {LbId}"], Plan(Lb([], [], tweak: l => l with { DeleteProtection = "off" })));

    [Fact]
    public void Nothing_is_left_to_do_when_the_load_balancer_is_gone() => Assert.Empty(Plan(null));

    [Fact]
    public void With_preserve_on_delete_our_listeners_groups_and_tags_go_and_the_load_balancer_stays_unprotected()
    {
        var actual = Lb([Listener(80, Key(80), "rsp-1"), Listener(8080, "user's", "rsp-user")],
            [Group("rsp-1", Key(30080), Node(0))], tweak: l => l with { Tags = [.. l.Tags, new Tag("team", "web"), new Tag("owner", "ops")] });

        Assert.Equal(
        [
            $"DeleteLoadBalancerListener {LbId}:tcp/80",
            $"DeleteVServerGroup rsp-1 ({Key(30080)})",
            $"RemoveTags {LbId}: kubernetes.do.not.delete, ack.aliyun.com, team",
            $"SetLoadBalancerDeleteProtection {LbId}: off",
            $"SetLoadBalancerModificationProtection {LbId}: NonProtection",
        ], Plan(actual, preserve: true, additional: new Tag("team", "web")));
    }

    [Fact]
    public void An_adopted_load_balancer_loses_only_our_listeners_and_groups()
    {
        var actual = Lb([Listener(80, Key(80), "rsp-1"), Listener(22, "ssh", "rsp-user")],
            [Group("rsp-1", Key(30080), Node(0))], LoadBalancerOwnership.Adopted, l => l with { Tags = [new Tag("env", "prod")] });

        Assert.Equal([$"DeleteLoadBalancerListener {LbId}:tcp/80", $"DeleteVServerGroup rsp-1 ({Key(30080)})"], Plan(actual, adopted: LbId));
    }

    [Fact]
    public void A_group_of_ours_a_user_listener_uses_only_loses_our_members()
    {
        var users = new Backend("i-user", Backend.Ecs, 30080, 100, Description: "mine");
        var actual = Lb([Listener(22, "ssh", "rsp-1")], [Group("rsp-1", Key(30080), Node(0), users)], LoadBalancerOwnership.Adopted);

        Assert.Equal([$"RemoveVServerGroupBackendServers rsp-1 ({Key(30080)}): {DemoWorld.Nodes[0].InstanceId}:30080 w100"], Plan(actual, adopted: LbId));
    }

    [Fact]
    public void Deletion_intent_is_read_even_when_an_annotation_is_broken()
    {
        var service = Svc(tweaks: [Annotate("scheduler", "nonsense"), Annotate("preserve-lb-on-delete", "true"), Annotate("id", "lb-user1")]);

        var intent = DesiredStateBuilder.DeletionIntentOf(service, Options());

        Assert.True(intent.Preserve);
        Assert.Equal("lb-user1", intent.AdoptedLoadBalancerId);
        Assert.Empty(intent.AdditionalTags);
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("anything", true)]
    [InlineData("false", false)]
    [InlineData("off", false)]
    public void Preserve_on_delete_is_on_for_any_value_but_false_and_off(string value, bool preserve) =>
        Assert.Equal(preserve, Desired(Svc(tweaks: Annotate("preserve-lb-on-delete", value))).PreserveOnDelete);
}

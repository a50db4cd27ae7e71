using Ccm.CloudClients;
using Ccm.CloudClients.Slb;
using Ccm.GrainInterfaces.State;
using Ccm.Grains.Services;
using Ccm.Sandbox.Demo;
using k8s.Models;
using static Ccm.Grains.Tests.Services.CloudStates;
using static Ccm.Grains.Tests.Services.ServiceBuilders;

namespace Ccm.Grains.Tests.Services;

public class ServicePlannerTests
{
    private static readonly string[] I = [.. DemoWorld.Nodes.Select(n => n.InstanceId)];

    private static IReadOnlyList<string> Plan(V1Service service, ActualLoadBalancer? actual, IReadOnlyList<V1Node>? nodes = null, PlanOptions? options = null,
        IReadOnlyList<V1EndpointSlice>? slices = null)
    {
        var plan = ServicePlanner.Plan(Desired(service, nodes, slices), actual, options ?? new PlanOptions());
        Assert.Empty(plan.Conflicts);
        return Render(plan.Operations);
    }

    [Fact]
    public void A_two_port_TCP_Service_on_three_nodes_is_created_in_seven_writes()
    {
        var plan = Plan(Svc(tweaks: Port("https", "TCP", 443, 30443)), null);

        Assert.Equal(
        [
            $"CreateLoadBalancer {DefaultName}: AddressType=internet, InstanceChargeType=PayByCLCU, DeleteProtection=on, ModificationProtection=ConsoleProtection, Tags=kubernetes.do.not.delete={DefaultName} ack.aliyun.com=c-sandbox, ClientToken=ccm-clb-{Uid}-1",
            $"CreateVServerGroup {Key(30080)}: {I[0]}:30080 w100, {I[1]}:30080 w100, {I[2]}:30080 w100",
            $"CreateVServerGroup {Key(30443)}: {I[0]}:30443 w100, {I[1]}:30443 w100, {I[2]}:30443 w100",
            "CreateLoadBalancerTCPListener (new load balancer):tcp/80: Bandwidth=-1, Scheduler=rr",
            "StartLoadBalancerListener (new load balancer):tcp/80",
            "CreateLoadBalancerTCPListener (new load balancer):tcp/443: Bandwidth=-1, Scheduler=rr",
            "StartLoadBalancerListener (new load balancer):tcp/443",
        ], plan);
    }

    [Fact]
    public void An_applied_Service_needs_nothing() => Assert.Empty(Plan(Svc(), Applied()));

    [Fact]
    public void A_new_node_is_added_and_a_gone_node_removed_adds_first()
    {
        var actual = Lb([Listener(80, Key(80), "rsp-1")], [Group("rsp-1", Key(30080), Node(0), Node(1))]);

        Assert.Equal(
        [
            $"AddVServerGroupBackendServers rsp-1 ({Key(30080)}): {I[2]}:30080 w100",
            $"RemoveVServerGroupBackendServers rsp-1 ({Key(30080)}): {I[1]}:30080 w100",
        ], Plan(Svc(), actual, [DemoNode(0), DemoNode(2)]));
    }

    [Fact]
    public void A_member_someone_else_added_is_never_removed_and_not_added_twice()
    {
        var foreign = Node(1, description: "added by hand");
        var stranger = new Backend("i-stranger", Backend.Ecs, 30080, 100, Description: "ops team");
        var actual = Lb([Listener(80, Key(80), "rsp-1")], [Group("rsp-1", Key(30080), Node(0), foreign, Node(2), stranger)]);

        Assert.Empty(Plan(Svc(), actual));
    }

    [Fact]
    public void A_changed_weight_is_set_on_the_existing_member() =>
        Assert.Equal([$"SetVServerGroupAttribute rsp-1 ({Key(30080)}): {I[0]}:30080 w40, {I[1]}:30080 w40, {I[2]}:30080 w40"],
            Plan(Svc(tweaks: Annotate("default-weight", "40")), Applied()));

    [Fact]
    public void Members_are_changed_in_batches_of_the_configured_size()
    {
        var nodes = ManyNodes(45);
        var actual = Lb([Listener(80, Key(80), "rsp-1")], [Group("rsp-1", Key(30080))]);

        var plan = Plan(Svc(), actual, nodes, new PlanOptions(BatchSize: 20));

        Assert.Equal(3, plan.Count);
        Assert.All(plan, p => Assert.StartsWith("AddVServerGroupBackendServers", p, StringComparison.Ordinal));
        Assert.Equal([20, 20, 5], plan.Select(p => p.Split(", ").Length));
    }

    [Fact]
    public void A_new_group_takes_its_first_twenty_members_in_the_create_and_the_rest_in_batches()
    {
        var nodes = ManyNodes(30);

        var plan = Plan(Svc(), null, nodes, new PlanOptions(BatchSize: 40)).Where(p => p.Contains("VServerGroup", StringComparison.Ordinal)).ToList();

        Assert.Equal(2, plan.Count);
        Assert.Equal(20, plan[0].Split(", ").Length);
        Assert.StartsWith($"AddVServerGroupBackendServers {Key(30080)}:", plan[1], StringComparison.Ordinal);
        Assert.Equal(10, plan[1].Split(", ").Length);
    }

    [Fact]
    public void Removes_come_first_when_the_200_member_quota_is_near()
    {
        var crowded = Group("rsp-other", Key(31000, "other"), [.. Enumerable.Range(0, 198).Select(i => new Backend($"i-x{i}", Backend.Ecs, 31000, 100, Description: Key(31000, "other")))]);
        var actual = Lb([Listener(80, Key(80), "rsp-1")], [Group("rsp-1", Key(30080), Node(0), Node(1)), crowded]);

        var plan = Plan(Svc(), actual, [DemoNode(0), DemoNode(2)]);

        Assert.StartsWith("RemoveVServerGroupBackendServers", plan[0], StringComparison.Ordinal);
        Assert.StartsWith("AddVServerGroupBackendServers", plan[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Removes_come_first_after_the_quota_was_hit()
    {
        var actual = Lb([Listener(80, Key(80), "rsp-1")], [Group("rsp-1", Key(30080), Node(0), Node(1))]);

        var plan = Plan(Svc(), actual, [DemoNode(0), DemoNode(2)], new PlanOptions(RemovesFirst: true));

        Assert.StartsWith("RemoveVServerGroupBackendServers", plan[0], StringComparison.Ordinal);
    }

    [Fact]
    public void With_unresolved_pod_members_nothing_is_removed_or_reweighed()
    {
        var actual = Lb([Listener(80, Key(80), "rsp-1")], [Group("rsp-1", Key(30080), Node(0), Node(1, weight: 5))]);

        Assert.Equal([$"AddVServerGroupBackendServers rsp-1 ({Key(30080)}): {I[2]}:30080 w100"],
            Plan(Svc(), actual, [DemoNode(0), DemoNode(2)], new PlanOptions(KeepMembers: true)));
    }

    [Fact]
    public void Listener_settings_changed_in_the_console_are_set_back()
    {
        var actual = Lb([Listener(80, Key(80), "rsp-1", scheduler: "wlc", config: new ListenerConfig { PersistenceTimeout = 0 })],
            [Group("rsp-1", Key(30080), Node(0), Node(1), Node(2))]);

        Assert.Equal([$"SetLoadBalancerTCPListenerAttribute {LbId}:tcp/80: PersistenceTimeout=30, Scheduler=rr"],
            Plan(Svc(tweaks: Annotate("persistence-timeout", "30")), actual));
    }

    [Fact]
    public void A_stopped_listener_is_started() =>
        Assert.Equal([$"StartLoadBalancerListener {LbId}:tcp/80"],
            Plan(Svc(), Lb([Listener(80, Key(80), "rsp-1", status: "stopped")], [Group("rsp-1", Key(30080), Node(0), Node(1), Node(2))])));

    [Fact]
    public void A_listener_pointing_at_another_group_is_pointed_back()
    {
        var actual = Lb([Listener(80, Key(80), "rsp-old")], [Group("rsp-1", Key(30080), Node(0), Node(1), Node(2)), Group("rsp-old", Key(31111))]);

        Assert.Equal(
        [
            $"SetLoadBalancerTCPListenerAttribute {LbId}:tcp/80: VServerGroup {Key(30080)}",
            $"DeleteVServerGroup rsp-old ({Key(31111)})",
        ], Plan(Svc(), actual));
    }

    [Fact]
    public void A_port_that_goes_loses_its_listener_then_its_group()
    {
        var actual = Lb([Listener(80, Key(80), "rsp-1"), Listener(443, Key(443), "rsp-2")],
            [Group("rsp-1", Key(30080), Node(0), Node(1), Node(2)), Group("rsp-2", Key(30443), Node(0))]);

        Assert.Equal([$"DeleteLoadBalancerListener {LbId}:tcp/443", $"DeleteVServerGroup rsp-2 ({Key(30443)})"], Plan(Svc(), actual));
    }

    [Fact]
    public void A_user_listener_on_a_wanted_port_is_left_alone_with_a_note()
    {
        var actual = Lb([Listener(80, "my own listener", "rsp-user")], [Group("rsp-1", Key(30080), Node(0), Node(1), Node(2))]);

        var plan = ServicePlanner.Plan(Desired(Svc()), actual, new PlanOptions());

        Assert.Empty(plan.Operations);
        Assert.Contains("we did not create", Assert.Single(plan.Notes), StringComparison.Ordinal);
    }

    [Fact]
    public void A_user_listener_on_another_port_is_never_deleted() =>
        Assert.Empty(Plan(Svc(), Lb([Listener(80, Key(80), "rsp-1"), Listener(8443, "", "rsp-user"), Listener(22, null, null)],
            [Group("rsp-1", Key(30080), Node(0), Node(1), Node(2))])));

    [Fact]
    public void A_TCP_and_a_UDP_listener_share_a_port()
    {
        var plan = Plan(Svc(tweaks: Port("dns", "UDP", 80, 30053)), Applied());

        Assert.Equal(
        [
            $"CreateVServerGroup {Key(30053)}: {I[0]}:30053 w100, {I[1]}:30053 w100, {I[2]}:30053 w100",
            $"CreateLoadBalancerUDPListener {LbId}:udp/80: Bandwidth=-1, Scheduler=rr",
            $"StartLoadBalancerListener {LbId}:udp/80",
        ], plan);
    }

    [Fact]
    public void A_protocol_change_deletes_our_listener_and_creates_the_new_one() =>
        Assert.Equal(
        [
            $"DeleteLoadBalancerListener {LbId}:tcp/80",
            $"CreateLoadBalancerHTTPListener {LbId}:http/80: HealthCheck=off, Scheduler=rr, StickySession=off",
            $"StartLoadBalancerListener {LbId}:http/80",
        ], Plan(Svc(tweaks: Annotate("protocol-port", "http:80")), Applied()));

    [Fact]
    public void An_HTTP_listener_that_forwards_is_created_after_its_HTTPS_target()
    {
        var service = Svc(tweaks: [Port("https", "TCP", 443, 30443), Annotate("protocol-port", "http:80,https:443"), Annotate("cert-id", "cert-1"), Annotate("forward-port", "80:443")]);

        var listeners = Plan(service, null).Where(p => p.Contains("Listener ", StringComparison.Ordinal)).ToList();

        Assert.StartsWith("CreateLoadBalancerHTTPSListener (new load balancer):https/443", listeners[0], StringComparison.Ordinal);
        Assert.Equal("CreateLoadBalancerHTTPListener (new load balancer):http/80: HealthCheck=off, Scheduler=rr, StickySession=off, forward to 443", listeners[2]);
    }

    [Fact]
    public void A_group_left_by_an_interrupted_create_is_reused_not_made_twice()
    {
        var actual = Lb([], [Group("rsp-9", Key(30080), Node(0))]);

        Assert.Equal(
        [
            $"AddVServerGroupBackendServers rsp-9 ({Key(30080)}): {I[1]}:30080 w100, {I[2]}:30080 w100",
            $"CreateLoadBalancerTCPListener {LbId}:tcp/80: Bandwidth=-1, Scheduler=rr",
            $"StartLoadBalancerListener {LbId}:tcp/80",
        ], Plan(Svc(), actual));
    }

    [Fact]
    public void Two_groups_with_our_key_keep_the_first_and_delete_the_other()
    {
        var actual = Lb([Listener(80, Key(80), "rsp-1")], [Group("rsp-1", Key(30080), Node(0), Node(1), Node(2)), Group("rsp-2", Key(30080))]);

        Assert.Equal([$"DeleteVServerGroup rsp-2 ({Key(30080)})"], Plan(Svc(), actual));
    }

    [Fact]
    public void Our_load_balancer_is_put_back_as_the_Service_asks()
    {
        var actual = Lb([Listener(80, Key(80), "rsp-1")], [Group("rsp-1", Key(30080), Node(0), Node(1), Node(2))], tweak: l => l with
        {
            LoadBalancerName = "renamed", DeleteProtection = "off", ModificationProtectionStatus = "NonProtection", Tags = [],
        });

        Assert.Equal(
        [
            $"SetLoadBalancerName {LbId}: {DefaultName}",
            $"SetLoadBalancerDeleteProtection {LbId}: on",
            $"SetLoadBalancerModificationProtection {LbId}: ConsoleProtection",
            $"AddTags {LbId}: kubernetes.do.not.delete={DefaultName}, ack.aliyun.com=c-sandbox",
        ], Plan(Svc(), actual));
    }

    [Fact]
    public void Billing_changes_are_applied_to_our_internet_load_balancer() =>
        Assert.Equal([$"ModifyLoadBalancerInternetSpec {LbId}: paybybandwidth 20"],
            Plan(Svc(tweaks: [Annotate("charge-type", "paybybandwidth"), Annotate("bandwidth", "20")]), Applied()));

    [Theory]
    [InlineData("address-type", "intranet", "internet")]
    [InlineData("master-zoneid", "cn-hangzhou-k", "cn-hangzhou-h")]
    [InlineData("slave-zoneid", "cn-hangzhou-k", "cn-hangzhou-i")]
    [InlineData("ip-version", "ipv6", "ipv4")]
    [InlineData("resource-group-id", "rg-other", "rg-acfmsandbox0000001")]
    public void An_immutable_attribute_asked_differently_refuses_every_write(string annotation, string wanted, string current)
    {
        var plan = ServicePlanner.Plan(Desired(Svc(tweaks: [Annotate(annotation, wanted), Annotate("scheduler", "wrr")])), Applied(), new PlanOptions());

        Assert.Empty(plan.Operations);
        var conflict = Assert.Single(plan.Conflicts);
        Assert.Equal(ServicePredicates.AnnotationPrefix + annotation, conflict.Annotation);
        Assert.Equal(wanted, conflict.Value);
        Assert.StartsWith(current + " (fixed when the load balancer was created", conflict.Allowed, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("vswitch-id", "vsw-bp1sandboxzonei0001", "vsw-bp1sandboxzoneh0001")]
    [InlineData("ip", "192.168.0.150", "192.168.0.101")]
    public void An_intranet_load_balancers_vSwitch_or_address_asked_differently_refuses_every_write(string annotation, string wanted, string current)
    {
        var intranet = CloudStates.Lb(
            [CloudStates.Listener(80, CloudStates.Key(80), "rsp-1")],
            [CloudStates.Group("rsp-1", CloudStates.Key(30080), [.. Enumerable.Range(0, 3).Select(i => CloudStates.Node(i))])],
            tweak: l => l with { AddressType = "intranet", Address = "192.168.0.101", VSwitchId = "vsw-bp1sandboxzoneh0001" });

        var plan = ServicePlanner.Plan(Desired(Svc(tweaks: [Annotate("address-type", "intranet"), Annotate(annotation, wanted), Annotate("scheduler", "wrr")])), intranet, new PlanOptions());

        Assert.Empty(plan.Operations);
        var conflict = Assert.Single(plan.Conflicts);
        Assert.Equal(ServicePredicates.AnnotationPrefix + annotation, conflict.Annotation);
        Assert.Equal(wanted, conflict.Value);
        Assert.StartsWith(current + " (fixed when the load balancer was created", conflict.Allowed, StringComparison.Ordinal);
    }

    [Fact]
    public void An_adopted_load_balancer_gets_groups_but_no_listeners_without_force_override()
    {
        var actual = Lb([Listener(80, "user http", "rsp-user")], [], LoadBalancerOwnership.Adopted, l => l with { DeleteProtection = "off", LoadBalancerName = "users" });

        Assert.Equal([$"AddTags {LbId}: kubernetes.reused.by.user=true", $"CreateVServerGroup {Key(30080)}: {I[0]}:30080 w100, {I[1]}:30080 w100, {I[2]}:30080 w100"],
            Plan(Svc(tweaks: Annotate("id", LbId)), actual));
    }

    [Fact]
    public void With_force_override_our_listeners_are_managed_and_the_users_left_alone()
    {
        var actual = Lb([Listener(80, "user http", "rsp-user"), Listener(443, Key(443), "rsp-1")],
            [Group("rsp-1", Key(30080), Node(0), Node(1), Node(2))], LoadBalancerOwnership.Adopted,
            l => l with { Tags = [new Tag("kubernetes.reused.by.user", "true")] });

        var plan = ServicePlanner.Plan(Desired(Svc(tweaks: [Annotate("id", LbId), Annotate("force-override-listeners", "true")])), actual, new PlanOptions());

        Assert.Equal([$"DeleteLoadBalancerListener {LbId}:tcp/443"], Render(plan.Operations));
        Assert.Single(plan.Notes);
    }

    [Fact]
    public void A_load_balancer_created_by_a_CCM_cannot_be_adopted()
    {
        var actual = Lb([], [], LoadBalancerOwnership.Adopted, l => l with { Tags = [new Tag("kubernetes.do.not.delete", "aother")] });

        var plan = ServicePlanner.Plan(Desired(Svc(tweaks: Annotate("id", LbId))), actual, new PlanOptions());

        Assert.Empty(plan.Operations);
        Assert.Equal(ServicePredicates.AnnotationPrefix + "id", Assert.Single(plan.Conflicts).Annotation);
    }
}

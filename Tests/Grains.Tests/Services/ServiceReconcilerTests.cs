using System.Collections.Immutable;
using Ccm.CloudClients.Slb;
using Ccm.GrainInterfaces.State;
using Ccm.Grains.Events;
using Ccm.Grains.Services;
using Ccm.Grains.Tests.Support;
using Ccm.Kube.Cache;
using Ccm.Grains.Reconcile;
using Ccm.Sandbox.Aliyun.Faults;
using Ccm.Sandbox.Demo;
using k8s;
using static Ccm.Grains.Tests.Services.ServiceBuilders;

namespace Ccm.Grains.Tests.Services;

/// <summary>Turns of the Service grain against both emulators over HTTP; budgets come from the OpenAPI emulator's call log.</summary>
public sealed class ServiceReconcilerTests(ServiceWorld world) : IClassFixture<ServiceWorld>
{
    private static bool IsRead(CallRecord call) => call.Action.StartsWith("Describe", StringComparison.Ordinal) || call.Action.StartsWith("List", StringComparison.Ordinal);

    private IReadOnlyList<CallRecord> SlbCalls() => [.. world.Cloud.Calls.Entries];

    [Fact]
    public async Task Creating_a_two_port_TCP_Service_on_three_nodes_takes_at_most_eight_calls_one_lookup_and_seven_writes()
    {
        var h = world.NewHarness();
        var service = await h.CreateAsync(Svc("budget-create", tweaks: Port("https", "TCP", 443, 30443)));
        world.Cloud.Calls.Clear();

        await h.TurnAsync("budget-create");

        var calls = SlbCalls();
        Assert.True(calls.Count <= 8, "calls: " + string.Join(", ", calls.Select(c => c.Action)));
        Assert.Single(calls, c => c.Action == "DescribeLoadBalancers"); // a new Service cannot have an untagged load balancer of an older CCM
        var lb = Assert.IsType<Sandbox.Aliyun.State.LoadBalancer>(h.LoadBalancerOf(service));
        Assert.Equal("on", lb.DeleteProtection);
        Assert.Contains(lb.Tags, t => t.Key == "ack.aliyun.com" && t.Value == DemoWorld.ClusterId);
        Assert.Equal(["00080/tcp", "00443/tcp"], lb.Listeners.Keys);
        Assert.All(lb.Listeners.Values, l => Assert.Equal("running", l.Status));
        var groups = world.Cloud.Cloud.VServerGroups(lb.LoadBalancerId);
        Assert.Equal(service.Spec!.Ports!.Select(p => $"k8s/{p.NodePort}/budget-create/default/{DemoWorld.ClusterId}").Order(),
            groups.Select(g => g.VServerGroupName).Order());
        Assert.All(groups, g => Assert.Equal(DemoWorld.Nodes.Select(n => n.InstanceId).Order(), g.BackendServers.Select(b => b.ServerId).Order()));

        var updated = await h.RefreshAsync("budget-create");
        Assert.Contains(ServicePredicates.Finalizer, updated!.Metadata.Finalizers!);
        Assert.Equal(lb.Address, Assert.Single(updated.Status!.LoadBalancer!.Ingress!).Ip);
        Assert.Equal([ServiceEvents.Ensuring, ServiceEvents.Ensured], h.Events.Events.Select(e => e.Reason));
        Assert.Equal(GrainPhase.Ready, h.Board.Get<ServiceGrainState>("default/budget-create")!.Phase);
    }

    [Fact]
    public async Task Re_reconciling_an_unchanged_Service_makes_no_writes_and_at_most_two_plus_ports_reads()
    {
        var h = world.NewHarness();
        await h.CreateAsync(Svc("budget-steady", tweaks: Port("https", "TCP", 443, 30443)));
        await h.TurnAsync("budget-steady");
        world.Cloud.Calls.Clear();

        await h.TurnAsync("budget-steady");

        var calls = SlbCalls();
        Assert.DoesNotContain(calls, c => !IsRead(c));
        Assert.True(calls.Count <= 2 + 2, "calls: " + string.Join(", ", calls.Select(c => c.Action)));
        Assert.Equal(ServiceEvents.Ensured, h.Events.Events[^1].Reason);
        Assert.Equal("in sync", h.Board.Get<ServiceGrainState>("default/budget-steady")!.Reason);
    }

    [Fact]
    public async Task Adding_a_port_and_its_endpoints_takes_at_most_six_calls_and_one_turn()
    {
        var h = world.NewHarness();
        var service = await h.CreateAsync(Svc("budget-port", tweaks: Policy("Local")));
        h.Cache.With(Slice("budget-port", [("172.20.0.5", "demo-node-1")]));
        await h.TurnAsync("budget-port");
        world.Cloud.Calls.Clear();

        // kubectl adds a port; the EndpointSlice controller adds it to the slice: the grain's signal delay joins both.
        await h.PatchAsync("budget-port", """{"spec":{"ports":[{"name":"http","protocol":"TCP","port":80,"targetPort":8080},{"name":"https","protocol":"TCP","port":443,"targetPort":8443}]}}""");
        h.Cache.With(Slice("budget-port", [("172.20.0.5", "demo-node-1")]).Clone(s => s.Ports = [.. s.Ports, new() { Name = "https", Port = 8443, Protocol = "TCP" }]));
        await h.TurnAsync("budget-port");

        var calls = SlbCalls();
        Assert.True(calls.Count <= 6, "calls: " + string.Join(", ", calls.Select(c => c.Action)));
        var lb = h.LoadBalancerOf(service)!;
        Assert.Equal(["00080/tcp", "00443/tcp"], lb.Listeners.Keys);
        Assert.All(lb.Listeners.Values, l => Assert.Equal("running", l.Status));
        var https = world.Cloud.Cloud.VServerGroups(lb.LoadBalancerId).Single(g => g.VServerGroupId == lb.Listeners["00443/tcp"].VServerGroupId);
        Assert.Equal(DemoWorld.Nodes[0].InstanceId, Assert.Single(https.BackendServers).ServerId);
    }

    [Fact]
    public async Task A_port_removed_and_added_back_has_one_group_and_a_group_whose_listener_is_blocked_is_not_made_twice()
    {
        var h = world.NewHarness();
        var service = await h.CreateAsync(Svc("port-back", tweaks: Port("https", "TCP", 443, 30443)));
        await h.TurnAsync("port-back");
        var lbId = h.LoadBalancerOf(service)!.LoadBalancerId;
        await h.PatchAsync("port-back", """{"spec":{"ports":[{"name":"http","protocol":"TCP","port":80,"targetPort":8080}]}}""");
        await h.TurnAsync("port-back");
        // Someone else's listener takes port 443: our group for it is made, its listener is not.
        var foreign = await world.Slb.CreateVServerGroupAsync(new CreateVServerGroupRequest { LoadBalancerId = lbId, VServerGroupName = "someone-else" }, default);
        await world.Slb.CreateLoadBalancerTCPListenerAsync(new CreateLoadBalancerTCPListenerRequest
        {
            LoadBalancerId = lbId, ListenerPort = 443, Bandwidth = -1, VServerGroupId = foreign.VServerGroupId, Description = "someone else's",
        }, default);

        await h.PatchAsync("port-back", """{"spec":{"ports":[{"name":"http","protocol":"TCP","port":80,"targetPort":8080},{"name":"https","protocol":"TCP","port":443,"targetPort":443}]}}""");
        await h.TurnAsync("port-back");
        await h.TurnAsync("port-back");

        var ours = world.Cloud.Cloud.VServerGroups(lbId).Where(g => g.VServerGroupName != "someone-else").GroupBy(g => g.VServerGroupName).ToList();
        Assert.Equal(2, ours.Count);
        Assert.All(ours, g => Assert.Single(g));
    }

    [Fact]
    public async Task Deleting_a_Service_takes_at_most_four_calls()
    {
        var h = world.NewHarness();
        var service = await h.CreateAsync(Svc("budget-delete", tweaks: Port("https", "TCP", 443, 30443)));
        await h.TurnAsync("budget-delete");
        var lbId = h.LoadBalancerOf(service)!.LoadBalancerId;
        await world.KubeClient.CoreV1.DeleteNamespacedServiceAsync("budget-delete", "default");
        await h.RefreshAsync("budget-delete");
        world.Cloud.Calls.Clear();

        await h.TurnAsync("budget-delete");

        var calls = SlbCalls();
        Assert.True(calls.Count <= 4, "calls: " + string.Join(", ", calls.Select(c => c.Action)));
        Assert.Null(world.Cloud.Cloud.LoadBalancer(lbId));
        Assert.Null(await h.RefreshAsync("budget-delete"));
    }

    [Fact]
    public async Task A_create_whose_response_is_dropped_leaves_exactly_one_load_balancer()
    {
        await using var oneAttempt = world.CreateClients(attempts: 1);
        var h = world.NewHarness(withClients: oneAttempt);
        var service = await h.CreateAsync(Svc("dropped-create"));
        world.Cloud.Faults.DropResponses("CreateLoadBalancer", 1);

        await Assert.ThrowsAsync<ServiceSyncException>(() => h.TurnAsync("dropped-create"));
        await h.TurnAsync("dropped-create");
        await h.TurnAsync("dropped-create");

        var name = h.Identity(service).DefaultLoadBalancerName;
        Assert.Single(world.Cloud.Cloud.LoadBalancers, l => l.Tags.Any(t => t.Value == name));
        Assert.Single(world.Cloud.Cloud.VServerGroups(h.LoadBalancerOf(service)!.LoadBalancerId));
        Assert.Contains(h.Events.Warnings, e => e.Reason == ServiceEvents.Failed && e.Message.Contains("CreateLoadBalancer", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_vServer_group_whose_create_answer_is_lost_is_found_and_not_made_twice()
    {
        await using var oneAttempt = world.CreateClients(attempts: 1);
        var h = world.NewHarness(withClients: oneAttempt);
        var service = await h.CreateAsync(Svc("dropped-group"));
        world.Cloud.Faults.DropResponses("CreateVServerGroup", 1);

        await Assert.ThrowsAsync<ServiceSyncException>(() => h.TurnAsync("dropped-group"));
        await h.TurnAsync("dropped-group");

        var lb = h.LoadBalancerOf(service)!;
        var group = Assert.Single(world.Cloud.Cloud.VServerGroups(lb.LoadBalancerId));
        Assert.Equal(group.VServerGroupId, lb.Listeners.Values.Single().VServerGroupId);
        Assert.Equal(3, group.BackendServers.Length);
    }

    [Fact]
    public async Task An_invalid_annotation_is_a_warning_naming_it_and_nothing_is_written()
    {
        var h = world.NewHarness();
        await h.CreateAsync(Svc("bad-annotation", tweaks: Annotate("scheduler", "fastest")));
        world.Cloud.Calls.Clear();

        await Assert.ThrowsAsync<TerminalException>(() => h.TurnAsync("bad-annotation"));

        Assert.Empty(world.Cloud.Calls.Entries);
        var warning = Assert.Single(h.Events.Warnings);
        Assert.Equal(ServiceEvents.Failed, warning.Reason);
        Assert.Contains(ServicePredicates.AnnotationPrefix + "scheduler", warning.Message, StringComparison.Ordinal);
        Assert.Contains("\"fastest\"", warning.Message, StringComparison.Ordinal);
        Assert.Contains("rr, wrr, wlc", warning.Message, StringComparison.Ordinal);
        Assert.Null((await h.RefreshAsync("bad-annotation"))!.Metadata.Finalizers);
        Assert.Equal(GrainPhase.Failed, h.Board.Get<ServiceGrainState>("default/bad-annotation")!.Phase);
    }

    [Fact]
    public async Task Another_Service_is_unaffected_by_one_with_a_bad_annotation()
    {
        var h = world.NewHarness();
        await h.CreateAsync(Svc("bad-neighbour", tweaks: Annotate("address-type", "public")));
        var good = await h.CreateAsync(Svc("good-neighbour"));

        await Assert.ThrowsAsync<TerminalException>(() => h.TurnAsync("bad-neighbour"));
        await h.TurnAsync("good-neighbour");

        Assert.NotNull(h.LoadBalancerOf(good));
    }

    [Fact]
    public async Task Changing_an_immutable_annotation_later_is_refused_without_a_write()
    {
        var h = world.NewHarness();
        await h.CreateAsync(Svc("immutable"));
        await h.TurnAsync("immutable");
        await h.AnnotateAsync("immutable", "address-type", "intranet");
        world.Cloud.Calls.Clear();

        await Assert.ThrowsAsync<TerminalException>(() => h.TurnAsync("immutable"));

        Assert.DoesNotContain(world.Cloud.Calls.Entries, c => !IsRead(c));
        Assert.Contains(h.Events.Warnings, e => e.Message.Contains("address-type", StringComparison.Ordinal) && e.Message.Contains("internet (fixed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Backends_follow_the_nodes()
    {
        var h = world.NewHarness();
        var service = await h.CreateAsync(Svc("follow-nodes"));
        await h.TurnAsync("follow-nodes");

        h.Cache.With(DemoNode(1, NotReady));
        await h.TurnAsync("follow-nodes");
        var group = world.Cloud.Cloud.VServerGroups(h.LoadBalancerOf(service)!.LoadBalancerId).Single();
        Assert.Equal([DemoWorld.Nodes[0].InstanceId, DemoWorld.Nodes[2].InstanceId], group.BackendServers.Select(b => b.ServerId).Order());

        h.Cache.With(DemoNode(1));
        await h.TurnAsync("follow-nodes");
        Assert.Equal(3, world.Cloud.Cloud.VServerGroups(h.LoadBalancerOf(service)!.LoadBalancerId).Single().BackendServers.Length);
    }

    [Fact]
    public async Task Listener_drift_made_in_the_console_is_corrected()
    {
        var h = world.NewHarness();
        var service = await h.CreateAsync(Svc("drift", tweaks: Annotate("persistence-timeout", "60")));
        await h.TurnAsync("drift");
        var lb = h.LoadBalancerOf(service)!;
        await world.Slb.SetLoadBalancerTCPListenerAttributeAsync(new SetLoadBalancerTCPListenerAttributeRequest
        {
            LoadBalancerId = lb.LoadBalancerId, ListenerPort = 80, Scheduler = "wlc", PersistenceTimeout = 0,
        }, default);
        await world.Slb.StopLoadBalancerListenerAsync(new ListenerKey(lb.LoadBalancerId, 80, "tcp"), default);

        await h.TurnAsync("drift");

        var listener = h.LoadBalancerOf(service)!.Listeners.Values.Single();
        Assert.Equal("rr", listener.Attributes["Scheduler"]);
        Assert.Equal("60", listener.Attributes["PersistenceTimeout"]);
        Assert.Equal("running", listener.Status);
    }

    [Fact]
    public async Task Deleting_the_Service_deletes_our_load_balancer_then_the_finalizer()
    {
        var h = world.NewHarness();
        var service = await h.CreateAsync(Svc("delete-me"));
        await h.TurnAsync("delete-me");
        var lbId = h.LoadBalancerOf(service)!.LoadBalancerId;

        await world.KubeClient.CoreV1.DeleteNamespacedServiceAsync("delete-me", "default");
        await h.RefreshAsync("delete-me");
        var turn = await h.TurnAsync("delete-me");

        Assert.Null(world.Cloud.Cloud.LoadBalancer(lbId));
        Assert.Empty(world.Cloud.Cloud.VServerGroups(lbId));
        Assert.Null(await h.RefreshAsync("delete-me"));
        Assert.True(turn.Retire);
        Assert.Equal([ServiceEvents.Deleting, ServiceEvents.Deleted], h.Events.Events.Select(e => e.Reason).TakeLast(2));
    }

    [Fact]
    public async Task A_Service_retyped_away_is_cleaned_up_and_gets_a_new_load_balancer_when_retyped_back()
    {
        var h = world.NewHarness();
        var service = await h.CreateAsync(Svc("retype"));
        await h.TurnAsync("retype");
        var first = h.LoadBalancerOf(service)!.LoadBalancerId;

        await h.PatchAsync("retype", """{"spec":{"type":"ClusterIP"}}""");
        await h.TurnAsync("retype");
        Assert.Null(world.Cloud.Cloud.LoadBalancer(first));
        var cleaned = (await h.RefreshAsync("retype"))!;
        Assert.DoesNotContain(ServicePredicates.Finalizer, cleaned.Metadata.Finalizers ?? []);
        Assert.Null(cleaned.Status?.LoadBalancer?.Ingress);

        await h.PatchAsync("retype", """{"spec":{"type":"LoadBalancer"}}""");
        await h.TurnAsync("retype");
        var second = h.LoadBalancerOf(service);
        Assert.NotNull(second);
        Assert.NotEqual(first, second.LoadBalancerId);
    }

    [Fact]
    public async Task A_served_Service_carries_upstreams_id_and_hash_labels_which_follow_its_annotations_and_go_with_its_load_balancer()
    {
        var h = world.NewHarness();
        var service = await h.CreateAsync(Svc("labelled"));
        await h.TurnAsync("labelled");
        var lbId = h.LoadBalancerOf(service)!.LoadBalancerId;

        var served = (await h.RefreshAsync("labelled"))!;
        Assert.Equal(lbId, served.Metadata.Labels[ServiceLabels.LoadBalancerId]);
        Assert.Equal(ServiceLabels.HashOf(served), served.Metadata.Labels[ServiceLabels.Hash]);
        var firstHash = served.Metadata.Labels[ServiceLabels.Hash];

        await h.AnnotateAsync("labelled", "scheduler", "wrr");
        await h.TurnAsync("labelled");
        var changed = (await h.RefreshAsync("labelled"))!;
        Assert.NotEqual(firstHash, changed.Metadata.Labels[ServiceLabels.Hash]);
        Assert.Equal(ServiceLabels.HashOf(changed), changed.Metadata.Labels[ServiceLabels.Hash]);

        await h.PatchAsync("labelled", """{"spec":{"type":"ClusterIP"}}""");
        await h.TurnAsync("labelled");
        var cleaned = (await h.RefreshAsync("labelled"))!;
        Assert.DoesNotContain(cleaned.Metadata.Labels ?? new Dictionary<string, string>(), l => ServiceLabels.Ours.Contains(l.Key));
        Assert.DoesNotContain(ServicePredicates.Finalizer, cleaned.Metadata.Finalizers ?? []);
    }

    [Fact]
    public async Task Preserve_on_delete_keeps_the_load_balancer_without_our_listeners_groups_tags_or_protection()
    {
        var h = world.NewHarness();
        var service = await h.CreateAsync(Svc("preserve", tweaks: Annotate("preserve-lb-on-delete", "true")));
        await h.TurnAsync("preserve");
        var lbId = h.LoadBalancerOf(service)!.LoadBalancerId;

        await world.KubeClient.CoreV1.DeleteNamespacedServiceAsync("preserve", "default");
        await h.RefreshAsync("preserve");
        await h.TurnAsync("preserve");

        var lb = world.Cloud.Cloud.LoadBalancer(lbId)!;
        Assert.Empty(lb.Listeners);
        Assert.Empty(world.Cloud.Cloud.VServerGroups(lbId));
        Assert.DoesNotContain(lb.Tags, t => t.Key is "kubernetes.do.not.delete" or "ack.aliyun.com");
        Assert.Equal("off", lb.DeleteProtection);
        Assert.Null(await h.RefreshAsync("preserve"));
    }

    [Fact]
    public async Task An_adopted_load_balancer_survives_deletion_with_its_user_listeners_untouched()
    {
        var h = world.NewHarness();
        var user = await world.Slb.CreateLoadBalancerAsync(new CreateLoadBalancerRequest { ClientToken = "users-own-lb", LoadBalancerName = "users-lb", AddressType = "internet" }, default);
        var userGroup = await world.Slb.CreateVServerGroupAsync(new CreateVServerGroupRequest { LoadBalancerId = user.LoadBalancerId, VServerGroupName = "user-group" }, default);
        await world.Slb.CreateLoadBalancerTCPListenerAsync(new CreateLoadBalancerTCPListenerRequest
        {
            LoadBalancerId = user.LoadBalancerId, ListenerPort = 8080, Bandwidth = -1, VServerGroupId = userGroup.VServerGroupId, Description = "user listener",
        }, default);
        await h.CreateAsync(Svc("adopter", tweaks: [Annotate("id", user.LoadBalancerId), Annotate("force-override-listeners", "true")]));

        await h.TurnAsync("adopter");
        var adopted = world.Cloud.Cloud.LoadBalancer(user.LoadBalancerId)!;
        Assert.Equal(["00080/tcp", "08080/tcp"], adopted.Listeners.Keys);
        Assert.Equal(user.Address, (await h.RefreshAsync("adopter"))!.Status!.LoadBalancer!.Ingress![0].Ip);

        await world.KubeClient.CoreV1.DeleteNamespacedServiceAsync("adopter", "default");
        await h.RefreshAsync("adopter");
        await h.TurnAsync("adopter");

        var after = world.Cloud.Cloud.LoadBalancer(user.LoadBalancerId)!;
        var listener = Assert.Single(after.Listeners.Values);
        Assert.Equal(8080, listener.ListenerPort);
        Assert.Equal(userGroup.VServerGroupId, listener.VServerGroupId);
        Assert.Equal("user-group", Assert.Single(world.Cloud.Cloud.VServerGroups(user.LoadBalancerId)).VServerGroupName);
    }

    [Fact]
    public async Task With_the_LoadBalancerTypeAnnotation_gate_an_nlb_annotated_Service_gets_no_call_and_no_finalizer()
    {
        var gated = ServiceBuilders.Options() with { FeatureGates = ImmutableDictionary<string, bool>.Empty.Add("LoadBalancerTypeAnnotation", true) };
        var h = world.NewHarness(gated);
        var service = await h.CreateAsync(Svc("typed-nlb", tweaks: Annotate("type", "nlb")));
        world.Cloud.Calls.Clear();

        await h.TurnAsync("typed-nlb");

        Assert.Empty(SlbCalls());
        Assert.Null(h.LoadBalancerOf(service));
        Assert.Null((await h.RefreshAsync("typed-nlb"))!.Metadata.Finalizers);
    }

    [Fact]
    public async Task Dry_run_publishes_the_plan_and_writes_nothing()
    {
        var h = world.NewHarness(Options(dryRun: true));
        var service = await h.CreateAsync(Svc("dry-run"));
        world.Cloud.Calls.Clear();

        await h.TurnAsync("dry-run");

        Assert.DoesNotContain(world.Cloud.Calls.Entries, c => !IsRead(c));
        Assert.Null(h.LoadBalancerOf(service));
        Assert.Null((await h.RefreshAsync("dry-run"))!.Metadata.Finalizers);
        var state = h.Board.Get<ServiceGrainState>("default/dry-run")!;
        Assert.Equal(GrainPhase.PlanPending, state.Phase);
        var plan = Assert.Single(state.RecentPlans);
        Assert.True(plan.DryRun);
        Assert.Equal("CreateLoadBalancer", plan.Operations[0].Action);
        Assert.All(plan.Operations, o => Assert.Equal(OperationOutcome.NotApplied, o.Outcome));
    }

    [Fact]
    public async Task The_hostname_annotation_is_written_to_the_status_instead_of_the_address()
    {
        var h = world.NewHarness();
        await h.CreateAsync(Svc("with-hostname", tweaks: Annotate("hostname", "web.example.com")));

        await h.TurnAsync("with-hostname");

        var ingress = Assert.Single((await h.RefreshAsync("with-hostname"))!.Status!.LoadBalancer!.Ingress!);
        Assert.Equal("web.example.com", ingress.Hostname);
        Assert.Null(ingress.Ip);
    }

    [Fact]
    public async Task Eni_members_are_pod_IPs_behind_their_ENIs_and_IPs_outside_the_VPC_are_skipped_with_an_event()
    {
        var h = world.NewHarness();
        var eni = world.Cloud.Cloud.AddNetworkInterface(DemoWorld.VSwitches[0].VSwitchId, "192.168.5.20");
        var service = await h.CreateAsync(Svc("eni", tweaks: Annotate("service.beta.kubernetes.io/backend-type", "eni")));
        h.Cache.With(Slice("eni", [("192.168.5.20", "demo-node-1"), ("172.20.0.9", "demo-node-2")]));

        await h.TurnAsync("eni");

        var member = Assert.Single(world.Cloud.Cloud.VServerGroups(h.LoadBalancerOf(service)!.LoadBalancerId).Single().BackendServers);
        Assert.Equal((eni.NetworkInterfaceId, "eni", "192.168.5.20", 8080), (member.ServerId, member.Type, member.ServerIp, member.Port));
        Assert.Contains(h.Events.Warnings, e => e.Reason == ServiceEvents.Skipped && e.Message.Contains("172.20.0.9", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_pod_IP_in_the_VPC_without_an_ENI_removes_nothing_and_retries()
    {
        var h = world.NewHarness();
        var eni = world.Cloud.Cloud.AddNetworkInterface(DemoWorld.VSwitches[0].VSwitchId, "192.168.5.30");
        var service = await h.CreateAsync(Svc("eni-missing", tweaks: Annotate("service.beta.kubernetes.io/backend-type", "eni")));
        h.Cache.With(Slice("eni-missing", [("192.168.5.30", "demo-node-1")]));
        await h.TurnAsync("eni-missing");

        h.Cache.With(Slice("eni-missing", [("192.168.5.30", "demo-node-1"), ("192.168.5.31", "demo-node-2")]));
        await Assert.ThrowsAsync<ServiceSyncException>(() => h.TurnAsync("eni-missing"));

        Assert.Equal(eni.NetworkInterfaceId, Assert.Single(world.Cloud.Cloud.VServerGroups(h.LoadBalancerOf(service)!.LoadBalancerId).Single().BackendServers).ServerId);
        Assert.Equal(GrainPhase.Progressing, h.Board.Get<ServiceGrainState>("default/eni-missing")!.Phase);
    }

    [Fact]
    public async Task Hitting_the_backend_quota_makes_the_next_turn_remove_before_it_adds()
    {
        var h = world.NewHarness();
        var vsw = DemoWorld.VSwitches[1].VSwitchId;
        var user = await world.Slb.CreateLoadBalancerAsync(new CreateLoadBalancerRequest { ClientToken = "crowded-lb", LoadBalancerName = "crowded" }, default);
        var crowd = Enumerable.Range(0, 195).Select(i => world.Cloud.Cloud.AddNetworkInterface(vsw, $"192.168.20.{i + 1}"))
            .Select(e => new BackendServer { ServerId = e.NetworkInterfaceId, Port = 80, Type = "eni", ServerIp = e.PrimaryIpAddress }).ToList();
        var userGroup = await world.Slb.CreateVServerGroupAsync(new CreateVServerGroupRequest { LoadBalancerId = user.LoadBalancerId, VServerGroupName = "users" }, default);
        await world.Slb.AddVServerGroupBackendServersInBatchesAsync(userGroup.VServerGroupId, crowd, default);
        var pods = Enumerable.Range(0, 10).Select(i => world.Cloud.Cloud.AddNetworkInterface(vsw, $"192.168.21.{i + 1}").PrimaryIpAddress).ToList();
        await h.CreateAsync(Svc("quota", tweaks: [Annotate("id", user.LoadBalancerId), Annotate("service.beta.kubernetes.io/backend-type", "eni")]));
        h.Cache.With(Slice("quota", pods.Take(5).Select(ip => (ip, "demo-node-1"))));
        await h.TurnAsync("quota");

        h.Cache.With(Slice("quota", pods.Skip(5).Select(ip => (ip, "demo-node-1"))));
        await Assert.ThrowsAsync<ServiceSyncException>(() => h.TurnAsync("quota"));
        await h.TurnAsync("quota");

        Assert.Contains(h.Events.Warnings, e => e.Reason == ServiceEvents.Failed && e.Message.Contains("InstanceBackendServerNumberOverLimit", StringComparison.Ordinal));
        var ours = world.Cloud.Cloud.VServerGroups(user.LoadBalancerId).Single(g => g.VServerGroupName != "users");
        Assert.Equal(pods.Skip(5).Order(), ours.BackendServers.Select(b => b.ServerIp!).Order());
        var last = h.Board.Get<ServiceGrainState>("default/quota")!.RecentPlans[0].Operations;
        Assert.Equal(["RemoveVServerGroupBackendServers", "AddVServerGroupBackendServers"], last.Select(o => o.Action));
    }

    [Fact]
    public async Task A_failed_read_is_reported_with_its_code_and_left_to_the_backoff()
    {
        await using var oneAttempt = world.CreateClients(attempts: 1);
        var h = world.NewHarness(withClients: oneAttempt);
        await h.CreateAsync(Svc("read-fails"));
        world.Cloud.Faults.SetErrorRate(1, "DescribeLoadBalancers");
        try
        {
            var failure = await Assert.ThrowsAsync<CloudClients.Transport.OpenApiException>(() => h.TurnAsync("read-fails"));
            Assert.False(TerminalException.IsTerminal(failure));
        }
        finally
        {
            world.Cloud.Faults.SetErrorRate(0, "DescribeLoadBalancers");
        }

        var state = h.Board.Get<ServiceGrainState>("default/read-fails")!;
        Assert.Equal(GrainPhase.Failed, state.Phase);
        Assert.False(string.IsNullOrEmpty(state.LastError!.Code));
        Assert.Contains(h.Events.Warnings, e => e.Reason == ServiceEvents.Failed && e.Message.Contains(state.LastError.Code!, StringComparison.Ordinal));
        await h.TurnAsync("read-fails");
        Assert.Equal(GrainPhase.Ready, h.Board.Get<ServiceGrainState>("default/read-fails")!.Phase);
    }

    [Fact]
    public async Task A_Service_that_is_gone_retires_its_grain()
    {
        var h = world.NewHarness();

        var turn = await h.TurnAsync("never-existed");

        Assert.True(turn.Retire);
        Assert.Null(h.Board.Get<ServiceGrainState>("default/never-existed"));
    }

    [Fact]
    public async Task A_turn_that_changes_a_cached_object_in_place_fails()
    {
        var h = world.NewHarness();
        await h.CreateAsync(Svc("mutated-in-place"));
        // A code path that notes something on the cached Service itself instead of patching the API server.
        h.Events.OnRecord = regarding =>
            h.Cache.GetService(regarding.NamespaceProperty, regarding.Name)!.Metadata.Annotations = new Dictionary<string, string> { ["noted"] = "yes" };

        var failure = await Assert.ThrowsAsync<CachedObjectMutatedException>(() => h.TurnAsync("mutated-in-place"));

        Assert.Contains("services default/mutated-in-place", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_secret_reaches_a_log_line_or_an_event()
    {
        var h = world.NewHarness();
        await h.CreateAsync(Svc("no-secret"));
        await h.TurnAsync("no-secret");

        Assert.DoesNotContain(world.Logs.Entries, e => e.Message.Contains(ServiceWorld.AccessKeySecret, StringComparison.Ordinal));
        Assert.DoesNotContain(h.Events.Events, e => e.Message.Contains(ServiceWorld.AccessKeySecret, StringComparison.Ordinal));
        Assert.All(h.Events.Events, e => Assert.Equal(EventSeverity.Normal, e.Severity));
    }
}

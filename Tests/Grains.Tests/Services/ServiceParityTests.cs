using System.Collections.Immutable;
using Ccm.CloudClients;
using Ccm.CloudClients.Slb;
using Ccm.GrainInterfaces.State;
using Ccm.Grains.Tests.Support;
using Ccm.Grains.Services;
using Ccm.Sandbox.Demo;
using Ccm.TestSupport;
using k8s;
using static Ccm.Grains.Tests.Services.ServiceBuilders;

namespace Ccm.Grains.Tests.Services;

/// <summary>
/// Turns of the Service grain against both emulators for the annotations upstream has and we lacked: EIPs, tags that
/// leave the annotation, unknown annotations, IPv6 ENI members; and what they cost when absent.
/// </summary>
public sealed class ServiceParityTests(ServiceWorld world) : IClassFixture<ServiceWorld>
{
    private static readonly Func<k8s.Models.V1Service, k8s.Models.V1Service>[] WithEip = [Annotate("address-type", "intranet"), Annotate("external-ip-type", "eip")];

    /// <summary>Our EIPs as the API shows them now (one whose release has settled is gone).</summary>
    private Sandbox.Aliyun.State.EipAddress[] EipsOf(Harness h, k8s.Models.V1Service service) =>
        [.. world.Cloud.Cloud.Snapshot.EipAddresses.Keys.Select(world.Cloud.Cloud.EipAddress).OfType<Sandbox.Aliyun.State.EipAddress>()
            .Where(e => e.Tags.Any(t => t.Key == "kubernetes.do.not.delete" && t.Value == h.Identity(service).DefaultLoadBalancerName))];

    /// <summary>Turns until one is neither waiting for an EIP nor failing, at most <paramref name="turns"/>.</summary>
    private static async Task<ServiceTurn> SettleAsync(Harness h, string name, int turns = 20)
    {
        for (var i = 1; ; i++)
        {
            var turn = await h.TurnAsync(name);
            if (turn.Result.RequeueDelay is null || i == turns)
            {
                return turn;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(150));
        }
    }

    [Fact]
    public async Task An_EIP_is_bound_to_the_intranet_load_balancer_shown_as_the_address_and_released_with_the_Service()
    {
        var h = world.NewHarness();
        var service = await h.CreateAsync(Svc("eip", tweaks: WithEip));

        await h.TurnAsync("eip");

        var lb = h.LoadBalancerOf(service)!;
        var eip = Assert.Single(EipsOf(h, service));
        Assert.Equal((lb.LoadBalancerId, "SlbInstance"), (eip.InstanceId, eip.InstanceType));
        var shown = await h.RefreshAsync("eip");
        Assert.Equal(eip.IpAddress, Assert.Single(shown!.Status!.LoadBalancer!.Ingress!).Ip);
        Assert.Equal("true", shown.Metadata.Annotations![ServiceRecords.EipAnnotation]);

        await world.KubeClient.CoreV1.DeleteNamespacedServiceAsync("eip", "default");
        await h.RefreshAsync("eip");
        var last = await SettleAsync(h, "eip");

        Assert.True(last.Retire);
        Assert.Null(world.Cloud.Cloud.LoadBalancer(lb.LoadBalancerId));
        await Eventually.TrueAsync(() => world.Cloud.Cloud.EipAddress(eip.AllocationId) is null, "our EIP is released", TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Removing_the_annotation_unbinds_and_releases_our_EIP_and_a_users_EIP_is_shown_and_never_touched()
    {
        var h = world.NewHarness();
        var service = await h.CreateAsync(Svc("eip-off", tweaks: WithEip));
        await h.TurnAsync("eip-off");
        var ours = Assert.Single(EipsOf(h, service));

        await h.AnnotateAsync("eip-off", "external-ip-type", "");
        var turn = await SettleAsync(h, "eip-off");

        Assert.Null(turn.Result.RequeueDelay);
        await Eventually.TrueAsync(() => world.Cloud.Cloud.EipAddress(ours.AllocationId) is null, "our EIP is released", TimeSpan.FromSeconds(10));
        var lb = h.LoadBalancerOf(service)!;
        Assert.Equal(lb.Address, Assert.Single((await h.RefreshAsync("eip-off"))!.Status!.LoadBalancer!.Ingress!).Ip);
        Assert.DoesNotContain(ServiceRecords.EipAnnotation, (await h.RefreshAsync("eip-off"))!.Metadata.Annotations!.Keys);

        var users = world.Cloud.Cloud.AddEipAddress("198.51.100.250", lb.LoadBalancerId, "SlbInstance");
        await h.AnnotateAsync("eip-off", "external-ip-type", "eip");
        await SettleAsync(h, "eip-off");
        Assert.Equal(users.IpAddress, Assert.Single((await h.RefreshAsync("eip-off"))!.Status!.LoadBalancer!.Ingress!).Ip);
        Assert.Empty(EipsOf(h, service));

        await h.AnnotateAsync("eip-off", "external-ip-type", "");
        await SettleAsync(h, "eip-off");
        Assert.Equal(lb.LoadBalancerId, world.Cloud.Cloud.EipAddress(users.AllocationId)!.InstanceId);
    }

    [Fact]
    public async Task A_reused_load_balancer_gets_the_annotated_attributes_and_the_reuse_tag_and_our_members_share_the_weight_in_the_users_group()
    {
        var h = world.NewHarness();
        var user = await world.Slb.CreateLoadBalancerAsync(new CreateLoadBalancerRequest { ClientToken = "reused-lb", LoadBalancerName = "users-lb", AddressType = "internet" }, default);
        var group = await world.Slb.CreateVServerGroupAsync(new CreateVServerGroupRequest { LoadBalancerId = user.LoadBalancerId, VServerGroupName = "users" }, default);
        var theirs = world.Cloud.Cloud.AddNetworkInterface(DemoWorld.VSwitches[0].VSwitchId, "192.168.30.1");
        await world.Slb.AddVServerGroupBackendServersInBatchesAsync(group.VServerGroupId,
            [new BackendServer { ServerId = theirs.NetworkInterfaceId, Port = 80, Type = "eni", ServerIp = theirs.PrimaryIpAddress, Weight = 7 }], default);
        await h.CreateAsync(Svc("reuser", tweaks:
        [
            Annotate("id", user.LoadBalancerId), Annotate("name", "renamed-by-annotation"), Annotate("delete-protection", "on"),
            Annotate("additional-resource-tags", "team=web"), Annotate("vgroup-port", $"{group.VServerGroupId}:80"), Annotate("weight", "60"),
        ]));

        await h.TurnAsync("reuser");

        var lb = world.Cloud.Cloud.LoadBalancer(user.LoadBalancerId)!;
        Assert.Equal(("renamed-by-annotation", "on"), (lb.LoadBalancerName, lb.DeleteProtection));
        var tags = lb.Tags.Select(t => $"{t.Key}={t.Value}").ToList();
        Assert.Contains("kubernetes.reused.by.user=true", tags);
        Assert.Contains("team=web", tags);
        var members = world.Cloud.Cloud.VServerGroups(user.LoadBalancerId).Single(g => g.VServerGroupId == group.VServerGroupId).BackendServers;
        var ours = members.Where(m => m.ServerId != theirs.NetworkInterfaceId).ToList();
        Assert.NotEmpty(ours);
        Assert.All(ours, m => Assert.Equal(60 / ours.Count, m.Weight));
        Assert.Equal(7, Assert.Single(members, m => m.ServerId == theirs.NetworkInterfaceId).Weight);
    }

    [Fact]
    public async Task The_SNI_domains_of_an_HTTPS_listener_follow_the_annotation()
    {
        var h = world.NewHarness();
        var service = await h.CreateAsync(Svc("sni", tweaks:
            [Annotate("protocol-port", "https:80"), Annotate("cert-id", "cert-1"), Annotate("domain-extensions", "www.example.com:cert-2,*.example.org:cert-3")]));

        await h.TurnAsync("sni");

        string[] Domains() => [.. h.LoadBalancerOf(service)!.Listeners.Values.Single().DomainExtensions.Select(d => $"{d.Domain}:{d.ServerCertificateId}").Order(StringComparer.Ordinal)];
        Assert.Equal(["*.example.org:cert-3", "www.example.com:cert-2"], Domains());

        await h.AnnotateAsync("sni", "domain-extensions", "www.example.com:cert-4");
        await h.TurnAsync("sni");

        Assert.Equal(["www.example.com:cert-4"], Domains());
    }

    [Fact]
    public async Task A_tag_that_leaves_the_annotation_is_removed_and_the_users_own_tag_stays()
    {
        var h = world.NewHarness();
        var service = await h.CreateAsync(Svc("tags", tweaks: Annotate("additional-resource-tags", "team=web,env=prod")));
        await h.TurnAsync("tags");
        var lb = h.LoadBalancerOf(service)!;
        await world.Slb.AddTagsAsync(new LoadBalancerTagsRequest(lb.LoadBalancerId, [new Tag("owner", "ops")]), default);

        await h.AnnotateAsync("tags", "additional-resource-tags", "env=prod");
        await h.TurnAsync("tags");

        var tags = h.LoadBalancerOf(service)!.Tags.Select(t => $"{t.Key}={t.Value}").ToList();
        Assert.DoesNotContain("team=web", tags);
        Assert.Contains("env=prod", tags);
        Assert.Contains("owner=ops", tags);
        Assert.Equal("env=prod", (await h.RefreshAsync("tags"))!.Metadata.Annotations![ServiceRecords.AddedTagsAnnotation]);
    }

    [Fact]
    public async Task An_unknown_annotation_is_one_warning_naming_the_closest_known_name_not_one_per_turn()
    {
        var h = world.NewHarness();
        await h.CreateAsync(Svc("typo", tweaks: Annotate("persistence-time", "60")));

        await h.TurnAsync("typo");
        await h.TurnAsync("typo");

        var warning = Assert.Single(h.Events.Warnings, e => e.Reason == AnnotationNotices.UnknownReason);
        Assert.Contains(ServicePredicates.AnnotationPrefix + "persistence-timeout", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Service_without_the_new_annotations_gets_no_bookkeeping_and_no_EIP_or_extension_reads()
    {
        var h = world.NewHarness();
        await h.CreateAsync(Svc("plain", tweaks: Port("https", "TCP", 443, 30443)));
        await h.TurnAsync("plain");
        world.Cloud.Calls.Clear();

        await h.TurnAsync("plain");

        Assert.DoesNotContain(world.Cloud.Calls.Entries, c => c.Action is "DescribeEipAddresses" or "DescribeDomainExtensions");
        Assert.DoesNotContain((await h.RefreshAsync("plain"))!.Metadata.Annotations?.Keys ?? [], k => ServiceRecords.Annotations.Contains(k));
    }

    [Fact]
    public async Task IPv6_pods_become_ENI_members_found_by_their_IPv6_address()
    {
        var h = world.NewHarness(Options(eni: true) with { FeatureGates = ImmutableDictionary<string, bool>.Empty.Add("IPv6DualStack", true) });
        var eni = world.Cloud.Cloud.AddNetworkInterface(DemoWorld.VSwitches[0].VSwitchId, "192.168.6.20", ipv6Addresses: ["2408:4000:6::20"]);
        var service = await h.CreateAsync(Svc("ipv6", tweaks: [Annotate("backend-ip-version", "ipv6"), Annotate("ip-version", "ipv6")]));
        h.Cache.With(Slice("ipv6", [("192.168.6.20", "demo-node-1")], name: "ipv6-v4"));
        h.Cache.With(Slice("ipv6", [("2408:4000:6::20", "demo-node-1")], name: "ipv6-v6").Clone(s => s.AddressType = "IPv6"));

        await h.TurnAsync("ipv6");

        var member = Assert.Single(world.Cloud.Cloud.VServerGroups(h.LoadBalancerOf(service)!.LoadBalancerId).Single().BackendServers);
        Assert.Equal((eni.NetworkInterfaceId, "eni", "2408:4000:6::20"), (member.ServerId, member.Type, member.ServerIp));
        Assert.Equal(GrainPhase.Ready, h.Board.Get<ServiceGrainState>("default/ipv6")!.Phase);
    }
}

using System.Text.Json;
using Ccm.Sandbox.Demo;
using static Ccm.Sandbox.Tests.Aliyun.Api;

namespace Ccm.Sandbox.Tests.Aliyun;

public sealed class LoadBalancerTests
{
    [Fact]
    public async Task The_same_ClientToken_returns_the_first_load_balancer_and_creates_no_second()
    {
        await using var f = await EmulatorFixture.StartAsync();
        var first = (await f.Client.V2(SignedClient.Slb, "CreateLoadBalancer", P(("ClientToken", "t1"), ("LoadBalancerName", "a")))).Ok();
        var again = (await f.Client.V3(SignedClient.Slb, "CreateLoadBalancer", P(("ClientToken", "t1"), ("LoadBalancerName", "a")))).Ok();
        Assert.Equal(first["LoadBalancerId"].GetString(), again["LoadBalancerId"].GetString());
        Assert.NotEqual(first["RequestId"].GetString(), again["RequestId"].GetString());
        (await f.Client.V2(SignedClient.Slb, "CreateLoadBalancer", P(("ClientToken", "t2")))).Ok();
        Assert.Equal(2, f.Emulator.Cloud.LoadBalancers.Count);
    }

    [Fact]
    public async Task An_intranet_load_balancer_takes_an_address_in_its_vSwitch()
    {
        await using var f = await EmulatorFixture.StartAsync();
        var vSwitch = DemoWorld.VSwitches[1];
        var created = (await f.Client.V2(SignedClient.Slb, "CreateLoadBalancer", P(("VSwitchId", vSwitch.VSwitchId)))).Ok();
        Assert.Equal("192.168.16.100", created["Address"].GetString());
        Assert.Equal(DemoWorld.VpcId, created["VpcId"].GetString());
        Assert.Equal("vpc", created["NetworkType"].GetString());
        var attribute = (await f.Client.V2(SignedClient.Slb, "DescribeLoadBalancerAttribute", P(("LoadBalancerId", created["LoadBalancerId"].GetString()!)))).Ok();
        Assert.Equal("intranet", attribute["AddressType"].GetString());
        Assert.Equal(vSwitch.ZoneId, attribute["MasterZoneId"].GetString());
        (await f.Client.V2(SignedClient.Slb, "CreateLoadBalancer", P(("VSwitchId", "vsw-none")))).Fails(400, "InvalidVSwitchId.NotFound");
    }

    [Fact]
    public async Task An_intranet_load_balancer_without_a_vSwitch_is_classic_with_a_private_address()
    {
        await using var f = await EmulatorFixture.StartAsync();
        var created = (await f.Client.V2(SignedClient.Slb, "CreateLoadBalancer", P(("AddressType", "intranet")))).Ok();
        Assert.Equal(("classic", "10.128.0.1"), (created["NetworkType"].GetString(), created["Address"].GetString()));
        var found = (await f.Client.V2(SignedClient.Slb, "DescribeLoadBalancers", P(("NetworkType", "classic")))).Ok();
        Assert.Equal(created["LoadBalancerId"].GetString(), found["LoadBalancers"].GetProperty("LoadBalancer")[0].GetProperty("LoadBalancerId").GetString());
    }

    [Fact]
    public async Task Delete_protection_blocks_deletion_until_it_is_turned_off()
    {
        await using var f = await EmulatorFixture.StartAsync();
        var id = (await f.Client.V2(SignedClient.Slb, "CreateLoadBalancer", P(("DeleteProtection", "on"))))["LoadBalancerId"].GetString()!;
        var refused = (await f.Client.V2(SignedClient.Slb, "DeleteLoadBalancer", P(("LoadBalancerId", id)))).Fails(400, "OperationDenied.DeleteProtectionIsOn");
        Assert.Equal("The loadbalancer can't be deleted due to DeleteProtection is enabled.", refused.Message);
        (await f.Client.V2(SignedClient.Slb, "SetLoadBalancerDeleteProtection", P(("LoadBalancerId", id), ("DeleteProtection", "off")))).Ok();
        (await f.Client.V2(SignedClient.Slb, "DeleteLoadBalancer", P(("LoadBalancerId", id)))).Ok();
        (await f.Client.V2(SignedClient.Slb, "DeleteLoadBalancer", P(("LoadBalancerId", id)))).Fails(400, "InvalidLoadBalancerId.NotFound");
    }

    [Fact]
    public async Task Deleting_a_load_balancer_deletes_its_listeners_and_groups()
    {
        await using var f = await EmulatorFixture.StartAsync();
        var id = await ClbScenario.CreateAsync(f);
        await ClbScenario.GroupWithListenerAsync(f, id, 80);
        (await f.Client.V2(SignedClient.Slb, "DeleteLoadBalancer", P(("LoadBalancerId", id)))).Ok();
        Assert.Empty(f.Emulator.Cloud.Snapshot.VServerGroups);
    }

    [Fact]
    public async Task Setters_change_name_protection_and_specs()
    {
        await using var f = await EmulatorFixture.StartAsync();
        var id = await ClbScenario.CreateAsync(f);
        (await f.Client.V2(SignedClient.Slb, "SetLoadBalancerName", P(("LoadBalancerId", id), ("LoadBalancerName", "renamed")))).Ok();
        (await f.Client.V2(SignedClient.Slb, "SetLoadBalancerModificationProtection", P(("LoadBalancerId", id),
            ("ModificationProtectionStatus", "ConsoleProtection"), ("ModificationProtectionReason", "managed by ccm")))).Ok();
        (await f.Client.V2(SignedClient.Slb, "ModifyLoadBalancerInstanceSpec", P(("LoadBalancerId", id), ("LoadBalancerSpec", "slb.s2.small")))).Ok();
        var order = (await f.Client.V2(SignedClient.Slb, "ModifyLoadBalancerInternetSpec", P(("LoadBalancerId", id),
            ("InternetChargeType", "paybybandwidth"), ("Bandwidth", "10")))).Ok();
        Assert.True(order["OrderId"].GetInt64() > 0);
        (await f.Client.V2(SignedClient.Slb, "ModifyLoadBalancerInstanceSpec", P(("LoadBalancerId", id), ("LoadBalancerSpec", "slb.huge")))).Fails(400, "InvalidParameter");
        var lb = f.Emulator.Cloud.LoadBalancer(id)!;
        Assert.Equal(("renamed", "ConsoleProtection", "managed by ccm", "slb.s2.small", "paybybandwidth", 10),
            (lb.LoadBalancerName, lb.ModificationProtectionStatus, lb.ModificationProtectionReason, lb.LoadBalancerSpec, lb.InternetChargeType, lb.Bandwidth!.Value));
    }

    [Fact]
    public async Task DescribeLoadBalancers_pages_and_filters_by_tags_ids_and_names()
    {
        await using var f = await EmulatorFixture.StartAsync();
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(await ClbScenario.CreateAsync(f, ("LoadBalancerName", $"lb{i}"), ("Tag.1.Key", "ack.aliyun.com"), ("Tag.1.Value", i < 3 ? "c1" : "c2")));
        }

        var pages = new List<string>();
        for (var page = 1; page <= 3; page++)
        {
            var reply = (await f.Client.V2(SignedClient.Slb, "DescribeLoadBalancers", P(("PageNumber", $"{page}"), ("PageSize", "2")))).Ok();
            Assert.Equal(5, reply["TotalCount"].GetInt32());
            pages.AddRange(Ids(reply));
        }

        Assert.Equal(ids, pages);
        var tagged = (await f.Client.V2(SignedClient.Slb, "DescribeLoadBalancers",
            P(("Tags", """[{"tagKey":"ack.aliyun.com","tagValue":"c2"}]""")))).Ok();
        Assert.Equal(ids[3..], Ids(tagged));
        var byKey = (await f.Client.V2(SignedClient.Slb, "DescribeLoadBalancers", P(("Tags", """[{"TagKey":"ack.aliyun.com"}]""")))).Ok();
        Assert.Equal(5, byKey["TotalCount"].GetInt32());
        var byId = (await f.Client.V2(SignedClient.Slb, "DescribeLoadBalancers", P(("LoadBalancerId", $"{ids[0]},{ids[4]}")))).Ok();
        Assert.Equal([ids[0], ids[4]], Ids(byId));
        var byName = (await f.Client.V2(SignedClient.Slb, "DescribeLoadBalancers", P(("LoadBalancerName", "lb2")))).Ok();
        Assert.Equal([ids[2]], Ids(byName));
        (await f.Client.V2(SignedClient.Slb, "DescribeLoadBalancers", P(("PageSize", "101")))).Fails(400, "InvalidParameter");
        (await f.Client.V2(SignedClient.Slb, "DescribeLoadBalancers", P(("LoadBalancerId", string.Join(',', Enumerable.Range(0, 11).Select(i => $"lb-{i}"))))))
            .Fails(400, "InvalidParameter");
    }

    [Fact]
    public async Task Tags_are_added_removed_and_counted()
    {
        await using var f = await EmulatorFixture.StartAsync();
        var a = await ClbScenario.CreateAsync(f);
        var b = await ClbScenario.CreateAsync(f);
        foreach (var id in new[] { a, b })
        {
            (await f.Client.V2(SignedClient.Slb, "AddTags", P(("LoadBalancerId", id), ("Tags", """[{"TagKey":"team","TagValue":"web"},{"TagKey":"env","TagValue":"prod"}]""")))).Ok();
        }

        (await f.Client.V2(SignedClient.Slb, "RemoveTags", P(("LoadBalancerId", b), ("Tags", """[{"TagKey":"env"}]""")))).Ok();
        var sets = (await f.Client.V2(SignedClient.Slb, "DescribeTags", P())).Ok()["TagSets"].GetProperty("TagSet").EnumerateArray()
            .Select(t => $"{t.GetProperty("TagKey").GetString()}={t.GetProperty("TagValue").GetString()}:{t.GetProperty("InstanceCount").GetInt32()}");
        Assert.Equal(["env=prod:1", "team=web:2"], sets);
    }

    [Fact]
    public async Task TagResources_tags_load_balancers_listeners_and_groups()
    {
        await using var f = await EmulatorFixture.StartAsync();
        var id = await ClbScenario.CreateAsync(f);
        var group = await ClbScenario.GroupWithListenerAsync(f, id, 80);
        var resources = new[] { ("instance", id), ("listener", $"{id}_tcp_80"), ("vservergroup", group) };
        foreach (var (type, resource) in resources)
        {
            (await f.Client.V2(SignedClient.Slb, "TagResources", P(("ResourceType", type), ("ResourceId.1", resource),
                ("Tag.1.Key", "kubernetes.do.not.delete"), ("Tag.1.Value", "svc")))).Ok();
            var listed = (await f.Client.V2(SignedClient.Slb, "ListTagResources", P(("ResourceType", type), ("ResourceId.1", resource)))).Ok();
            var row = Assert.Single(listed["TagResources"].GetProperty("TagResource").EnumerateArray());
            Assert.Equal((resource, type, "kubernetes.do.not.delete"),
                (row.GetProperty("ResourceId").GetString(), row.GetProperty("ResourceType").GetString(), row.GetProperty("TagKey").GetString()));
        }

        (await f.Client.V2(SignedClient.Slb, "UntagResources", P(("ResourceType", "listener"), ("ResourceId.1", $"{id}_tcp_80"), ("All", "true")))).Ok();
        Assert.Empty(f.Emulator.Cloud.LoadBalancer(id)!.Listeners.Values.Single().Tags);
        (await f.Client.V2(SignedClient.Slb, "TagResources", P(("ResourceType", "listener"), ("ResourceId.1", $"{id}_tcp_81"),
            ("Tag.1.Key", "k"), ("Tag.1.Value", "v")))).Fails(400, "InvalidResourceId.NotFound");
    }

    private static List<string> Ids(ApiReply reply) =>
        [.. reply["LoadBalancers"].GetProperty("LoadBalancer").EnumerateArray().Select(l => l.GetProperty("LoadBalancerId").GetString()!)];
}

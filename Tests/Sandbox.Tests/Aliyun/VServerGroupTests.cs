using static Ccm.Sandbox.Tests.Aliyun.Api;

namespace Ccm.Sandbox.Tests.Aliyun;

public sealed class VServerGroupTests
{
    [Fact]
    public async Task BackendServers_JSON_is_read_leniently_like_the_CCM_sends_it()
    {
        await using var f = await EmulatorFixture.StartAsync();
        var id = await ClbScenario.CreateAsync(f);
        var group = await ClbScenario.GroupAsync(f, id);
        // What the upstream CCM marshals: lower-camel keys, numeric port and weight, extra keys.
        var ccm = $$"""[{"serverId":"{{Node(0)}}","port":30080,"weight":100,"type":"ecs","description":"k8s/80/web/default/c1","NodeName":"demo-node-1","IsUserManaged":false}]""";
        var documented = $$"""[{"ServerId":"{{Node(1)}}","Port":"30080","Weight":"50","Type":"ecs"}]""";
        (await f.Client.V2(SignedClient.Slb, "AddVServerGroupBackendServers", P(("VServerGroupId", group), ("BackendServers", ccm)))).Ok();
        var reply = (await f.Client.V2(SignedClient.Slb, "AddVServerGroupBackendServers", P(("VServerGroupId", group), ("BackendServers", documented)))).Ok();
        var backends = reply["BackendServers"].GetProperty("BackendServer").EnumerateArray()
            .Select(b => (b.GetProperty("ServerId").GetString(), b.GetProperty("Port").GetInt32(), b.GetProperty("Weight").GetInt32())).ToList();
        Assert.Equal([(Node(0), 30080, 100), (Node(1), 30080, 50)], backends);
    }

    [Fact]
    public async Task Backends_are_removed_modified_and_reweighted()
    {
        await using var f = await EmulatorFixture.StartAsync();
        var id = await ClbScenario.CreateAsync(f);
        var group = await ClbScenario.GroupAsync(f, id, Backends(Node(0), Node(1)));
        (await f.Client.V2(SignedClient.Slb, "RemoveVServerGroupBackendServers", P(("VServerGroupId", group), ("BackendServers", Backends(Node(0)))))).Ok();
        (await f.Client.V2(SignedClient.Slb, "ModifyVServerGroupBackendServers", P(("VServerGroupId", group),
            ("OldBackendServers", Backends(Node(1))), ("NewBackendServers", Backends(Node(2)))))).Ok();
        (await f.Client.V2(SignedClient.Slb, "SetVServerGroupAttribute", P(("VServerGroupId", group), ("VServerGroupName", "renamed"),
            ("BackendServers", $$"""[{"ServerId":"{{Node(2)}}","Port":30080,"Weight":0}]""")))).Ok();
        var attribute = (await f.Client.V2(SignedClient.Slb, "DescribeVServerGroupAttribute", P(("VServerGroupId", group)))).Ok();
        Assert.Equal("renamed", attribute["VServerGroupName"].GetString());
        var only = Assert.Single(attribute["BackendServers"].GetProperty("BackendServer").EnumerateArray());
        Assert.Equal((Node(2), 0), (only.GetProperty("ServerId").GetString(), only.GetProperty("Weight").GetInt32()));
    }

    [Fact]
    public async Task Forty_backends_per_call_pass_and_more_are_refused()
    {
        await using var f = await EmulatorFixture.StartAsync();
        var group = await ClbScenario.GroupAsync(f, await ClbScenario.CreateAsync(f));
        (await f.Client.V2(SignedClient.Slb, "AddVServerGroupBackendServers", P(("VServerGroupId", group), ("BackendServers", Ports(Node(0), 1, 40))))).Ok();
        (await f.Client.V2(SignedClient.Slb, "AddVServerGroupBackendServers", P(("VServerGroupId", group), ("BackendServers", Ports(Node(0), 41, 41)))))
            .Fails(400, "InvalidParameter");
    }

    [Fact]
    public async Task A_load_balancer_holds_at_most_200_backends_across_its_groups()
    {
        await using var f = await EmulatorFixture.StartAsync();
        var id = await ClbScenario.CreateAsync(f);
        var first = await ClbScenario.GroupAsync(f, id);
        var second = await ClbScenario.GroupAsync(f, id);
        for (var start = 1; start <= 160; start += 40)
        {
            (await f.Client.V2(SignedClient.Slb, "AddVServerGroupBackendServers", P(("VServerGroupId", first), ("BackendServers", Ports(Node(0), start, 40))))).Ok();
        }

        (await f.Client.V2(SignedClient.Slb, "AddVServerGroupBackendServers", P(("VServerGroupId", second), ("BackendServers", Ports(Node(1), 1, 40))))).Ok();
        (await f.Client.V2(SignedClient.Slb, "AddVServerGroupBackendServers", P(("VServerGroupId", second), ("BackendServers", Ports(Node(2), 1, 1)))))
            .Fails(400, "InstanceBackendServerNumberOverLimit");
        // Removing first makes room, which is why the CCM removes before it re-adds.
        (await f.Client.V2(SignedClient.Slb, "RemoveVServerGroupBackendServers", P(("VServerGroupId", first), ("BackendServers", Ports(Node(0), 1, 1))))).Ok();
        (await f.Client.V2(SignedClient.Slb, "AddVServerGroupBackendServers", P(("VServerGroupId", second), ("BackendServers", Ports(Node(2), 1, 1))))).Ok();
    }

    [Fact]
    public async Task Backends_must_exist()
    {
        await using var f = await EmulatorFixture.StartAsync();
        var group = await ClbScenario.GroupAsync(f, await ClbScenario.CreateAsync(f));
        (await f.Client.V2(SignedClient.Slb, "AddVServerGroupBackendServers", P(("VServerGroupId", group), ("BackendServers", Backends("i-gone")))))
            .Fails(400, "InvalidParameter");
        var eni = f.Emulator.Cloud.AddNetworkInterface(Ccm.Sandbox.Demo.DemoWorld.VSwitches[0].VSwitchId, "192.168.0.201");
        (await f.Client.V2(SignedClient.Slb, "AddVServerGroupBackendServers", P(("VServerGroupId", group),
            ("BackendServers", $$"""[{"ServerId":"{{eni.NetworkInterfaceId}}","ServerIp":"192.168.0.201","Port":8080,"Type":"eni"}]""")))).Ok();
        (await f.Client.V2(SignedClient.Slb, "AddVServerGroupBackendServers", P(("VServerGroupId", group),
            ("BackendServers", $$"""[{"ServerId":"{{eni.NetworkInterfaceId}}","Port":8080,"Type":"eni"}]""")))).Fails(400, "InvalidParameter");
        (await f.Client.V2(SignedClient.Slb, "DescribeVServerGroupAttribute", P(("VServerGroupId", "rsp-none")))).Fails(400, "InvalidParameter");
    }

    [Fact]
    public async Task DescribeVServerGroups_lists_groups_with_their_listeners_when_asked()
    {
        await using var f = await EmulatorFixture.StartAsync();
        var id = await ClbScenario.CreateAsync(f);
        var group = await ClbScenario.GroupWithListenerAsync(f, id, 80);
        await ClbScenario.GroupAsync(f, id, Backends(Node(0)));
        var plain = (await f.Client.V2(SignedClient.Slb, "DescribeVServerGroups", P(("LoadBalancerId", id)))).Ok();
        Assert.Equal([0L, 1L], plain["VServerGroups"].GetProperty("VServerGroup").EnumerateArray().Select(g => g.GetProperty("ServerCount").GetInt64()));
        var withListeners = (await f.Client.V2(SignedClient.Slb, "DescribeVServerGroups", P(("LoadBalancerId", id), ("IncludeListener", "true")))).Ok();
        var first = withListeners["VServerGroups"].GetProperty("VServerGroup")[0];
        Assert.Equal(group, first.GetProperty("VServerGroupId").GetString());
        var listener = Assert.Single(first.GetProperty("AssociatedObjects").GetProperty("Listeners").GetProperty("Listener").EnumerateArray());
        Assert.Equal((80, "tcp"), (listener.GetProperty("Port").GetInt32(), listener.GetProperty("Protocol").GetString()));
    }

    [Fact]
    public async Task Terminating_an_instance_removes_it_from_backends()
    {
        await using var f = await EmulatorFixture.StartAsync();
        var group = await ClbScenario.GroupAsync(f, await ClbScenario.CreateAsync(f), Backends(Node(0), Node(1)));
        f.Emulator.Cloud.TerminateInstance(Node(0));
        var attribute = (await f.Client.V2(SignedClient.Slb, "DescribeVServerGroupAttribute", P(("VServerGroupId", group)))).Ok();
        Assert.Equal([Node(1)], attribute["BackendServers"].GetProperty("BackendServer").EnumerateArray().Select(b => b.GetProperty("ServerId").GetString()));
    }

    private static string Backends(params string[] instances) =>
        "[" + string.Join(',', instances.Select(i => $$"""{"ServerId":"{{i}}","Port":30080,"Weight":100,"Type":"ecs"}""")) + "]";

    private static string Ports(string instance, int first, int count) =>
        "[" + string.Join(',', Enumerable.Range(first, count).Select(p => $$"""{"ServerId":"{{instance}}","Port":{{p}}}""")) + "]";
}

using System.Text.Json;
using Ccm.Sandbox.Demo;
using static Ccm.Sandbox.Tests.Aliyun.Api;

namespace Ccm.Sandbox.Tests.Aliyun;

public sealed class EcsTests
{
    [Fact]
    public async Task Instances_are_found_by_JSON_id_and_address_arrays()
    {
        await using var f = await EmulatorFixture.StartAsync();
        var byId = (await f.Client.V2(SignedClient.Ecs, "DescribeInstances", P(("InstanceIds", $"[\"{Node(2)}\",\"i-none\"]")))).Ok();
        var instance = Assert.Single(Instances(byId));
        var node = DemoWorld.Nodes[2];
        Assert.Equal((node.InstanceId, node.Name, node.ZoneId, node.InstanceType, "Running", node.PrivateIp, DemoWorld.VpcId, 4, 16384),
            (instance.GetProperty("InstanceId").GetString(), instance.GetProperty("InstanceName").GetString(), instance.GetProperty("ZoneId").GetString(),
             instance.GetProperty("InstanceType").GetString(), instance.GetProperty("Status").GetString(),
             instance.GetProperty("VpcAttributes").GetProperty("PrivateIpAddress").GetProperty("IpAddress")[0].GetString(),
             instance.GetProperty("VpcAttributes").GetProperty("VpcId").GetString(), instance.GetProperty("Cpu").GetInt32(), instance.GetProperty("Memory").GetInt32()));
        var eni = instance.GetProperty("NetworkInterfaces").GetProperty("NetworkInterface")[0];
        Assert.Equal(("Primary", node.PrivateIp), (eni.GetProperty("Type").GetString(), eni.GetProperty("PrimaryIpAddress").GetString()));

        var byIp = (await f.Client.V2(SignedClient.Ecs, "DescribeInstances", P(("VpcId", DemoWorld.VpcId), ("InstanceNetworkType", "vpc"),
            ("PrivateIpAddresses", $"[\"{DemoWorld.Nodes[1].PrivateIp}\"]")))).Ok();
        Assert.Equal([Node(1)], Instances(byIp).Select(i => i.GetProperty("InstanceId").GetString()));
        var tooMany = JsonSerializer.Serialize(Enumerable.Range(0, 101).Select(i => $"i-{i}"));
        (await f.Client.V2(SignedClient.Ecs, "DescribeInstances", P(("InstanceIds", tooMany)))).Fails(400, "InvalidParameter");
        (await f.Client.V2(SignedClient.Ecs, "DescribeInstances", P(("InstanceIds", "i-1,i-2")))).Fails(400, "InvalidParameter");
    }

    [Fact]
    public async Task NextToken_pages_fill_PageSize_with_the_number_returned()
    {
        await using var f = await EmulatorFixture.StartAsync();
        for (var i = 0; i < 4; i++)
        {
            f.Emulator.Cloud.AddInstance(new());
        }

        var ids = new List<string>();
        var sizes = new List<int>();
        string? token = null;
        do
        {
            var query = P(("MaxResults", "3"));
            if (token is not null)
            {
                query["NextToken"] = token;
            }

            var page = (await f.Client.V3(SignedClient.Ecs, "DescribeInstances", query)).Ok();
            Assert.False(page.Body.TryGetProperty("PageNumber", out _));
            Assert.Equal(7, page["TotalCount"].GetInt32());
            sizes.Add(page["PageSize"].GetInt32());
            ids.AddRange(Instances(page).Select(i => i.GetProperty("InstanceId").GetString()!));
            token = page["NextToken"].GetString();
        }
        while (!string.IsNullOrEmpty(token));

        Assert.Equal([3, 3, 1], sizes);
        Assert.Equal(f.Emulator.Cloud.Instances.Select(i => i.InstanceId), ids);
        var legacy = (await f.Client.V2(SignedClient.Ecs, "DescribeInstances", P(("PageNumber", "2"), ("PageSize", "5")))).Ok();
        Assert.Equal((2, 5, 2), (legacy["PageNumber"].GetInt32(), legacy["PageSize"].GetInt32(), Instances(legacy).Count));
    }

    [Fact]
    public async Task Stopped_and_terminated_instances_show_as_such()
    {
        await using var f = await EmulatorFixture.StartAsync();
        f.Emulator.Cloud.StopInstance(Node(0));
        f.Emulator.Cloud.TerminateInstance(Node(1));
        var stopped = (await f.Client.V2(SignedClient.Ecs, "DescribeInstances", P(("Status", "Stopped")))).Ok();
        Assert.Equal([Node(0)], Instances(stopped).Select(i => i.GetProperty("InstanceId").GetString()));
        var all = (await f.Client.V2(SignedClient.Ecs, "DescribeInstances", P(("InstanceIds", $"[\"{Node(1)}\"]")))).Ok();
        Assert.Empty(Instances(all));
        (await f.Client.V2(SignedClient.Ecs, "DescribeInstances", P(("Status", "Gone")))).Fails(400, "InvalidParameter");
        f.Emulator.Cloud.StartInstance(Node(0));
        Assert.Equal(2, (await f.Client.V2(SignedClient.Ecs, "DescribeInstances", P(("Status", "Running")))).Ok()["TotalCount"].GetInt32());
    }

    [Fact]
    public async Task Tag_filters_match_on_the_key_alone_when_no_value_is_given()
    {
        await using var f = await EmulatorFixture.StartAsync();
        var tagged = f.Emulator.Cloud.AddInstance(new() { Tags = new Dictionary<string, string> { ["ack.aliyun.com"] = "c1" } });
        var byKey = (await f.Client.V2(SignedClient.Ecs, "DescribeInstances", P(("Tag.1.Key", "ack.aliyun.com")))).Ok();
        Assert.Equal([tagged.InstanceId], Instances(byKey).Select(i => i.GetProperty("InstanceId").GetString()));
        var wrongValue = (await f.Client.V2(SignedClient.Ecs, "DescribeInstances", P(("Tag.1.Key", "ack.aliyun.com"), ("Tag.1.Value", "c2")))).Ok();
        Assert.Empty(Instances(wrongValue));
    }

    [Fact]
    public async Task Network_interfaces_are_found_by_any_of_their_addresses()
    {
        await using var f = await EmulatorFixture.StartAsync();
        var pod = f.Emulator.Cloud.AddNetworkInterface(DemoWorld.VSwitches[0].VSwitchId, "192.168.0.201");
        var reply = (await f.Client.V2(SignedClient.Ecs, "DescribeNetworkInterfaces", P(("Status", "InUse"),
            ("PrivateIpAddress.1", "192.168.0.201"), ("PrivateIpAddress.2", DemoWorld.Nodes[0].PrivateIp), ("MaxResults", "100")))).Ok();
        var found = reply["NetworkInterfaceSets"].GetProperty("NetworkInterfaceSet").EnumerateArray()
            .Select(e => (e.GetProperty("NetworkInterfaceId").GetString(), e.GetProperty("Type").GetString(), e.GetProperty("InstanceId").GetString())).ToList();
        var primary = f.Emulator.Cloud.Instances[0].NetworkInterfaceId;
        Assert.Equal([(primary, "Primary", Node(0)), (pod.NetworkInterfaceId, "Secondary", "")], found);
        Assert.Equal(2, reply["PageSize"].GetInt32());
        (await f.Client.V2(SignedClient.Ecs, "DescribeNetworkInterfaces", P(("MaxResults", "5")))).Fails(400, "InvalidParameter");
    }

    [Fact]
    public async Task Network_interfaces_are_found_by_IPv6_address_and_list_it_in_Ipv6Sets()
    {
        await using var f = await EmulatorFixture.StartAsync();
        var pod = f.Emulator.Cloud.AddNetworkInterface(DemoWorld.VSwitches[0].VSwitchId, "192.168.0.202", ipv6Addresses: ["2001:db8::10"]);

        var found = (await f.Client.V2(SignedClient.Ecs, "DescribeNetworkInterfaces", P(("Status", "InUse"), ("Ipv6Address.1", "2001:db8::10")))).Ok();
        var none = (await f.Client.V2(SignedClient.Ecs, "DescribeNetworkInterfaces", P(("Ipv6Address.1", "2001:db8::11")))).Ok();

        var eni = Assert.Single(found["NetworkInterfaceSets"].GetProperty("NetworkInterfaceSet").EnumerateArray());
        Assert.Equal((pod.NetworkInterfaceId, "2001:db8::10"),
            (eni.GetProperty("NetworkInterfaceId").GetString(), eni.GetProperty("Ipv6Sets").GetProperty("Ipv6Set")[0].GetProperty("Ipv6Address").GetString()));
        Assert.Equal(0, none["TotalCount"].GetInt32());
    }

    [Fact]
    public async Task A_primary_ENI_starts_with_SourceDestCheck_on_and_ModifyNetworkInterfaceAttribute_turns_it_off()
    {
        await using var f = await EmulatorFixture.StartAsync();
        var eni = f.Emulator.Cloud.Instances[0].NetworkInterfaceId;
        var check = async () => (await f.Client.V3(SignedClient.Ecs, "DescribeNetworkInterfaces", P(("NetworkInterfaceId.1", eni)))).Ok()
            ["NetworkInterfaceSets"].GetProperty("NetworkInterfaceSet")[0].GetProperty("SourceDestCheck").GetBoolean();
        Assert.True(await check());

        (await f.Client.V2(SignedClient.Ecs, "ModifyNetworkInterfaceAttribute", P(("NetworkInterfaceId", eni), ("SourceDestCheck", "false")))).Ok();
        Assert.False(await check());
        (await f.Client.V2(SignedClient.Ecs, "ModifyNetworkInterfaceAttribute", P(("NetworkInterfaceId", eni), ("SourceDestCheck", "false")))).Ok();
        Assert.False(await check());
        (await f.Client.V2(SignedClient.Ecs, "ModifyNetworkInterfaceAttribute", P(("NetworkInterfaceId", eni), ("Description", "node")))).Ok();
        Assert.False(await check());
    }

    [Fact]
    public async Task ModifyNetworkInterfaceAttribute_names_an_unknown_ENI_and_refuses_what_it_does_not_model()
    {
        await using var f = await EmulatorFixture.StartAsync();
        var eni = f.Emulator.Cloud.Instances[0].NetworkInterfaceId;

        (await f.Client.V2(SignedClient.Ecs, "ModifyNetworkInterfaceAttribute", P(("NetworkInterfaceId", "eni-none"), ("SourceDestCheck", "false"))))
            .Fails(404, "InvalidEniId.NotFound");
        (await f.Client.V2(SignedClient.Ecs, "ModifyNetworkInterfaceAttribute", P(("SourceDestCheck", "false")))).Fails(400, "MissingNetworkInterfaceId");
        (await f.Client.V2(SignedClient.Ecs, "ModifyNetworkInterfaceAttribute", P(("NetworkInterfaceId", eni), ("SourceDestCheck", "no"))))
            .Fails(400, "InvalidParameter");
        (await f.Client.V2(SignedClient.Ecs, "ModifyNetworkInterfaceAttribute", P(("NetworkInterfaceId", eni), ("SecurityGroupId.1", "sg-2"))))
            .Fails(400, "InvalidParameter");
        Assert.True(f.Emulator.Cloud.Snapshot.NetworkInterfaces[eni].SourceDestCheck);
    }

    [Fact]
    public async Task Instances_report_their_charge_type_and_spot_strategy_and_filter_on_the_charge_type()
    {
        await using var f = await EmulatorFixture.StartAsync();
        var spot = f.Emulator.Cloud.AddInstance(new() { InstanceChargeType = "PrePaid", SpotStrategy = "SpotWithPriceLimit" });

        var prepaid = (await f.Client.V2(SignedClient.Ecs, "DescribeInstances", P(("InstanceChargeType", "PrePaid")))).Ok();

        var instance = Assert.Single(Instances(prepaid));
        Assert.Equal((spot.InstanceId, "PrePaid", "SpotWithPriceLimit"), (instance.GetProperty("InstanceId").GetString(),
            instance.GetProperty("InstanceChargeType").GetString(), instance.GetProperty("SpotStrategy").GetString()));
    }

    private static List<JsonElement> Instances(ApiReply reply) => [.. reply["Instances"].GetProperty("Instance").EnumerateArray()];
}

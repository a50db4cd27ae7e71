using static Ccm.Sandbox.Tests.Aliyun.Api;

namespace Ccm.Sandbox.Tests.Aliyun;

public sealed class InstanceTests
{
    [Fact]
    public async Task DescribeInstances_reports_the_EIP_bound_to_an_instance_and_filters_by_it()
    {
        await using var f = await EmulatorFixture.StartAsync();
        var eip = f.Emulator.Cloud.AddEipAddress("47.96.0.10", Node(1));

        var all = (await f.Client.V2(SignedClient.Ecs, "DescribeInstances", P(("InstanceIds", $"[\"{Node(0)}\",\"{Node(1)}\"]")))).Ok();
        var byEip = (await f.Client.V2(SignedClient.Ecs, "DescribeInstances", P(("EipAddresses", "[\"47.96.0.10\"]")))).Ok();

        var eips = all["Instances"].GetProperty("Instance").EnumerateArray()
            .ToDictionary(i => i.GetProperty("InstanceId").GetString()!, i => i.GetProperty("EipAddress").GetProperty("IpAddress").GetString());
        Assert.Equal("", eips[Node(0)]);
        Assert.Equal("47.96.0.10", eips[Node(1)]);
        var found = Assert.Single(byEip["Instances"].GetProperty("Instance").EnumerateArray());
        Assert.Equal(Node(1), found.GetProperty("InstanceId").GetString());
        Assert.Equal(eip.AllocationId, found.GetProperty("EipAddress").GetProperty("AllocationId").GetString());
    }
}

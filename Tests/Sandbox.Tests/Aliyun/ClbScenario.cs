using static Ccm.Sandbox.Tests.Aliyun.Api;

namespace Ccm.Sandbox.Tests.Aliyun;

/// <summary>Arrange steps shared by the SLB tests.</summary>
public static class ClbScenario
{
    public static async Task<string> CreateAsync(EmulatorFixture f, params (string, string)[] extra) =>
        (await f.Client.V2(SignedClient.Slb, "CreateLoadBalancer", P(extra))).Ok()["LoadBalancerId"].GetString()!;

    public static async Task<string> GroupAsync(EmulatorFixture f, string loadBalancerId, string? backends = null)
    {
        var parameters = P(("LoadBalancerId", loadBalancerId), ("VServerGroupName", "k8s/30080/web/default/c1"));
        if (backends is not null)
        {
            parameters["BackendServers"] = backends;
        }

        return (await f.Client.V2(SignedClient.Slb, "CreateVServerGroup", parameters)).Ok()["VServerGroupId"].GetString()!;
    }

    /// <summary>A vServer group and a TCP listener on <paramref name="port"/> forwarding to it.</summary>
    public static async Task<string> GroupWithListenerAsync(EmulatorFixture f, string loadBalancerId, int port)
    {
        var group = await GroupAsync(f, loadBalancerId);
        (await f.Client.V2(SignedClient.Slb, "CreateLoadBalancerTCPListener", P(("LoadBalancerId", loadBalancerId), ("ListenerPort", $"{port}"),
            ("Bandwidth", "-1"), ("VServerGroupId", group)))).Ok();
        return group;
    }
}

using System.Text.Json;
using System.Text.Json.Nodes;
using Ccm.CloudClients.Endpoints;
using Ccm.CloudClients.Hosting;
using Ccm.CloudClients.Slb;
using Ccm.Sandbox.Aliyun.Control;
using Ccm.Sandbox.Demo;
using Microsoft.Extensions.DependencyInjection;

namespace Ccm.EndToEnd.Tests.Chaos;

/// <summary>
/// What belongs to others in the soak's cloud, made before any silo starts, with a fingerprint of each to compare
/// against: a user's untagged CLB (no Service points at it), a user's CLB that a Service reuses with the user's own
/// listener and vServer group on it, foreign routes in both custom tables (outside the cluster CIDR; inside it with a
/// HaVip next hop; inside it by hand towards an ECS instance that is no node), and every system entry of every table.
/// </summary>
internal sealed class ForeignObjects
{
    public const string ReusedServiceName = "chaos-reused";
    private const int UserListenerPort = 8080;

    private readonly Dictionary<string, string> fingerprints = new(StringComparer.Ordinal);

    private ForeignObjects(string untaggedLoadBalancerId, string reusedLoadBalancerId)
    {
        UntaggedLoadBalancerId = untaggedLoadBalancerId;
        ReusedLoadBalancerId = reusedLoadBalancerId;
    }

    public string UntaggedLoadBalancerId { get; }

    public string ReusedLoadBalancerId { get; }

    public static async Task<ForeignObjects> SeedAsync(ChaosCluster cluster, CancellationToken cancellationToken)
    {
        await using var clients = new ServiceCollection()
            .AddSingleton(CloudEnvironment.Empty.With(CloudEnvironment.SlbEndpoint, cluster.Cloud.BaseAddress.Authority).With(CloudEnvironment.ClientScheme, "HTTP")
                .With(CloudEnvironment.AccessKeyId, cluster.AccessKeyId).With(CloudEnvironment.AccessKeySecret, cluster.AccessKeySecret))
            .AddAliyunCloudClients(o => o.RegionId = DemoWorld.RegionId)
            .BuildServiceProvider();
        var slb = clients.GetRequiredService<ISlbClient>();
        var untagged = await slb.CreateLoadBalancerAsync(new CreateLoadBalancerRequest { ClientToken = "chaos-users-lb", LoadBalancerName = "users-own-lb", AddressType = "intranet" }, cancellationToken);
        var reused = await slb.CreateLoadBalancerAsync(new CreateLoadBalancerRequest { ClientToken = "chaos-users-shared-lb", LoadBalancerName = "users-shared-lb", AddressType = "intranet" }, cancellationToken);
        var group = await slb.CreateVServerGroupAsync(new CreateVServerGroupRequest { LoadBalancerId = reused.LoadBalancerId, VServerGroupName = "user-group" }, cancellationToken);
        await slb.CreateLoadBalancerTCPListenerAsync(new CreateLoadBalancerTCPListenerRequest
        {
            LoadBalancerId = reused.LoadBalancerId, ListenerPort = UserListenerPort, Bandwidth = -1, VServerGroupId = group.VServerGroupId, Description = "user listener",
        }, cancellationToken);

        var cloud = cluster.Cloud.Cloud;
        var appliance = cloud.AddInstance(new NewInstance { InstanceName = "users-appliance", VSwitchId = DemoWorld.VSwitches[0].VSwitchId, PrivateIpAddress = "192.168.0.250" });
        foreach (var table in DemoWorld.CustomRouteTableIds)
        {
            cloud.AddForeignRouteEntry(table, "10.99.0.0/24", DemoWorld.Nodes[0].InstanceId);
            cloud.AddForeignRouteEntry(table, "172.20.200.0/24", "havip-bp1chaosforeign01", "HaVip");
            cloud.AddForeignRouteEntry(table, "172.20.250.0/24", appliance.InstanceId);
        }

        var foreign = new ForeignObjects(untagged.LoadBalancerId, reused.LoadBalancerId);
        foreach (var (key, value) in foreign.Read(cloud))
        {
            foreign.fingerprints[key] = value ?? "";
        }

        return foreign;
    }

    /// <summary>The Service reusing the user's shared CLB (our listener on port 80 beside the user's on 8080).</summary>
    public JsonObject ReusedService() => new()
    {
        ["apiVersion"] = "v1", ["kind"] = "Service",
        ["metadata"] = new JsonObject
        {
            ["name"] = ReusedServiceName, ["namespace"] = "default",
            ["annotations"] = new JsonObject
            {
                ["service.beta.kubernetes.io/alibaba-cloud-loadbalancer-id"] = ReusedLoadBalancerId,
                ["service.beta.kubernetes.io/alibaba-cloud-loadbalancer-force-override-listeners"] = "true",
            },
        },
        ["spec"] = new JsonObject
        {
            ["type"] = "LoadBalancer",
            ["ports"] = new JsonArray(new JsonObject { ["name"] = "http", ["port"] = 80, ["protocol"] = "TCP", ["targetPort"] = 80 }),
        },
    };

    /// <summary>Each foreign object whose fingerprint differs from the one taken at the start (missing ones included).</summary>
    public IReadOnlyList<string> Changed(CloudControl cloud)
    {
        var now = Read(cloud);
        return [.. fingerprints.Where(kv => now.GetValueOrDefault(kv.Key) != kv.Value).Select(kv => now.GetValueOrDefault(kv.Key) is null ? $"{kv.Key} is gone" : $"{kv.Key} changed")
            .Concat(now.Keys.Where(k => !fingerprints.ContainsKey(k)).Select(k => $"{k} appeared"))];
    }

    private Dictionary<string, string?> Read(CloudControl cloud)
    {
        var now = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            [$"the user's untagged CLB {UntaggedLoadBalancerId}"] = Json(cloud.LoadBalancer(UntaggedLoadBalancerId)),
            [$"the user's listener {UserListenerPort} on the reused CLB"] =
                Json(cloud.LoadBalancer(ReusedLoadBalancerId)?.Listeners.Values.FirstOrDefault(l => l.ListenerPort == UserListenerPort)),
            ["the user's vServer group on the reused CLB"] = Json(cloud.VServerGroups(ReusedLoadBalancerId).FirstOrDefault(g => g.VServerGroupName == "user-group")),
        };
        foreach (var table in DemoWorld.CustomRouteTableIds.Append(DemoWorld.SystemRouteTableId))
        {
            foreach (var (entry, status) in cloud.RouteEntries(table).Where(e => !e.Entry.IsCustom || !e.Entry.DestinationCidrBlock.StartsWith("172.20.", StringComparison.Ordinal)
                || e.Entry.DestinationCidrBlock is "172.20.200.0/24" or "172.20.250.0/24"))
            {
                now[$"route {entry.DestinationCidrBlock} ({entry.Type}) in {table}"] = Json(entry) + status;
            }
        }

        return now;
    }

    private static string? Json<T>(T? value) => value is null ? null : JsonSerializer.Serialize(value);
}

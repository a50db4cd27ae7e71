using System.Collections.Immutable;
using Ccm.CloudClients;
using Ccm.CloudClients.Slb;
using Ccm.GrainInterfaces.State;
using Ccm.Grains.Services;
using Ccm.Sandbox.Demo;

namespace Ccm.Grains.Tests.Services;

/// <summary>Hand-built actual states for planner tables: what DescribeLoadBalancers/Listeners/VServerGroupAttribute return.</summary>
public static class CloudStates
{
    public const string LbId = "lb-bp1test0001";
    public const string DefaultName = "a6f1b2c3d4e5f4a6b8c7d9e0f1a2b3c4";

    public static string Key(int port, string service = "web") => $"k8s/{port}/{service}/default/{DemoWorld.ClusterId}";

    public static Listener Listener(int port, string? description, string? groupId, string protocol = "tcp", string status = "running",
        string scheduler = "rr", int? bandwidth = -1, ListenerConfig? config = null) => new()
    {
        LoadBalancerId = LbId, ListenerPort = port, ListenerProtocol = protocol, Status = status, Scheduler = scheduler,
        Bandwidth = protocol == "http" ? null : bandwidth, Description = description, VServerGroupId = groupId,
        TCPListenerConfig = protocol == "tcp" ? config ?? new ListenerConfig { HealthCheck = "on" } : null,
        UDPListenerConfig = protocol == "udp" ? config ?? new ListenerConfig { HealthCheck = "on" } : null,
        HTTPListenerConfig = protocol == "http" ? config ?? new ListenerConfig { HealthCheck = "off", StickySession = "off" } : null,
        HTTPSListenerConfig = protocol == "https" ? config ?? new ListenerConfig { HealthCheck = "off", StickySession = "off" } : null,
    };

    public static Backend Node(int index, int port = 30080, int weight = 100, string? description = null) =>
        new(DemoWorld.Nodes[index].InstanceId, Backend.Ecs, port, weight, Description: description ?? Key(port));

    public static ActualVServerGroup Group(string id, string key, params Backend[] backends) => new(id, key, [.. backends]);

    public static ActualLoadBalancer Lb(
        IEnumerable<Listener> listeners, IEnumerable<ActualVServerGroup> groups, LoadBalancerOwnership ownership = LoadBalancerOwnership.Owned,
        Func<LoadBalancer, LoadBalancer>? tweak = null) => new()
    {
        LoadBalancer = (tweak ?? (l => l))(new LoadBalancer
        {
            LoadBalancerId = LbId, LoadBalancerName = DefaultName, Address = "203.0.113.10", AddressType = "internet", AddressIPVersion = "ipv4",
            MasterZoneId = "cn-hangzhou-h", SlaveZoneId = "cn-hangzhou-i", DeleteProtection = "on", ModificationProtectionStatus = "ConsoleProtection",
            InstanceChargeType = "PayByCLCU", InternetChargeType = "paybytraffic", ResourceGroupId = "rg-acfmsandbox0000001",
            Tags = ownership == LoadBalancerOwnership.Owned
                ? [new Tag("kubernetes.do.not.delete", DefaultName), new Tag("ack.aliyun.com", DemoWorld.ClusterId)]
                : [],
        }),
        Ownership = ownership, Listeners = [.. listeners], VServerGroups = [.. groups], AllGroupsListed = true,
    };

    /// <summary>The one-port web Service on three nodes, fully applied.</summary>
    public static ActualLoadBalancer Applied(int nodes = 3) => Lb(
        [Listener(80, Key(80), "rsp-1")],
        [Group("rsp-1", Key(30080), [.. Enumerable.Range(0, nodes).Select(i => Node(i))])]);
}

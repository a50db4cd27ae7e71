using Ccm.Sandbox.Aliyun.State;

namespace Ccm.Sandbox.Aliyun.Control;

/// <summary>The state changes behind <see cref="CloudControl"/>'s instance and ENI operations.</summary>
internal static class InstanceChanges
{
    public static (CloudSnapshot, Instance) Add(CloudSnapshot s, NewInstance spec, DateTimeOffset now)
    {
        var instanceType = spec.InstanceType ?? InstanceValues.DefaultInstanceType;
        if (string.IsNullOrWhiteSpace(instanceType))
        {
            throw new ArgumentException("InstanceType must not be empty; leave it out for the default.");
        }

        var status = OneOf(spec.Status, nameof(NewInstance.Status), "Running", InstanceValues.Statuses);
        var chargeType = OneOf(spec.InstanceChargeType, nameof(NewInstance.InstanceChargeType), "PostPaid", InstanceValues.ChargeTypes);
        var spotStrategy = OneOf(spec.SpotStrategy, nameof(NewInstance.SpotStrategy), "NoSpot", InstanceValues.SpotStrategies);
        var vSwitch = spec.VSwitchId is null
            ? s.VSwitches.Values.FirstOrDefault() ?? throw new InvalidOperationException("The cloud has no vSwitch to put an instance in.")
            : s.VSwitches.GetValueOrDefault(spec.VSwitchId) ?? throw new KeyNotFoundException(spec.VSwitchId);
        string id;
        if (spec.InstanceId is null)
        {
            (id, s) = s.NextId("i");
        }
        else if (s.Instances.ContainsKey(spec.InstanceId))
        {
            throw new InvalidOperationException($"Instance {spec.InstanceId} exists already.");
        }
        else
        {
            id = spec.InstanceId;
        }

        (var eniId, s) = s.NextId("eni");
        (var macNumber, s) = s.NextNumber("mac");
        var instance = new Instance
        {
            InstanceId = id, InstanceName = spec.InstanceName ?? id, HostName = spec.InstanceName ?? id, InstanceType = instanceType,
            ZoneId = vSwitch.ZoneId, VpcId = vSwitch.VpcId, VSwitchId = vSwitch.VSwitchId,
            PrivateIpAddress = spec.PrivateIpAddress ?? AddressAllocator.Free(s, vSwitch, firstHost: 20)
                ?? throw new InvalidOperationException($"vSwitch {vSwitch.VSwitchId} has no free address."),
            NetworkInterfaceId = eniId, MacAddress = CloudControl.Mac(0x100 + macNumber), CreationTime = now, Status = status,
            InstanceChargeType = chargeType, SpotStrategy = spotStrategy, Tags = CloudControl.TagsOf(spec.Tags),
        };
        return (s with
        {
            Instances = s.Instances.Add(id, instance),
            NetworkInterfaces = s.NetworkInterfaces.Add(eniId, CloudSeed.PrimaryEni(instance, now)),
        }, instance);
    }

    /// <summary>The value, or <paramref name="fallback"/> when left out; a value the API never reports names the field.</summary>
    private static string OneOf(string? value, string field, string fallback, IReadOnlyList<string> allowed) =>
        value is null ? fallback
        : allowed.Contains(value) ? value
        : throw new ArgumentException($"{field} must be one of {string.Join(", ", allowed)}; got \"{value}\".");

    public static CloudSnapshot SetStatus(CloudSnapshot s, string instanceId, string status)
    {
        var instance = s.Instances.GetValueOrDefault(instanceId) ?? throw new KeyNotFoundException(instanceId);
        return s with { Instances = s.Instances.SetItem(instanceId, instance with { Status = status }) };
    }

    /// <summary>
    /// A released ECS leaves every CLB backend list and its EIPs become Available; route entries that use it as next hop
    /// stay behind.
    /// </summary>
    public static CloudSnapshot Terminate(CloudSnapshot s, string instanceId)
    {
        if (!s.Instances.ContainsKey(instanceId))
        {
            throw new KeyNotFoundException(instanceId);
        }

        var enis = s.NetworkInterfaces.Values.Where(e => e.InstanceId == instanceId).Select(e => e.NetworkInterfaceId).ToList();
        var groups = s.VServerGroups.Values
            .Where(g => g.BackendServers.Any(b => b.ServerId == instanceId))
            .Select(g => KeyValuePair.Create(g.VServerGroupId, g with { BackendServers = [.. g.BackendServers.Where(b => b.ServerId != instanceId)] }));
        s = enis.Aggregate(s, (current, eni) => current.UnbindFrom(eni));
        return (s with
        {
            Instances = s.Instances.Remove(instanceId),
            NetworkInterfaces = s.NetworkInterfaces.RemoveRange(enis),
            VServerGroups = s.VServerGroups.SetItems(groups),
        }).UnbindFrom(instanceId);
    }

    public static (CloudSnapshot, NetworkInterface) AddNetworkInterface(
        CloudSnapshot s, string vSwitchId, string privateIpAddress, string? instanceId, IReadOnlyList<string> ipv6Addresses, DateTimeOffset now)
    {
        var vSwitch = s.VSwitches.GetValueOrDefault(vSwitchId) ?? throw new KeyNotFoundException(vSwitchId);
        (var id, s) = s.NextId("eni");
        (var macNumber, s) = s.NextNumber("mac");
        var eni = new NetworkInterface
        {
            NetworkInterfaceId = id, VpcId = vSwitch.VpcId, VSwitchId = vSwitch.VSwitchId, ZoneId = vSwitch.ZoneId,
            PrimaryIpAddress = privateIpAddress, MacAddress = CloudControl.Mac(0x100 + macNumber), CreationTime = now,
            InstanceId = instanceId, Type = "Secondary", Status = "InUse", Ipv6Addresses = [.. ipv6Addresses],
        };
        return (s with { NetworkInterfaces = s.NetworkInterfaces.Add(id, eni) }, eni);
    }
}

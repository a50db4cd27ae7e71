using System.Collections.Immutable;
using System.Globalization;
using Ccm.Sandbox.Aliyun.State;
using Ccm.Sandbox.Aliyun.Vpc;
using Ccm.Sandbox.Demo;

namespace Ccm.Sandbox.Aliyun.Control;

/// <summary>
/// Direct access to the emulated cloud for tests: read CLBs, listeners, groups, backends and route entries; add, stop,
/// start and terminate instances; add or delete route entries "by hand" (as a user in the console would, bypassing the
/// API's asynchrony and TaskConflict). Changes are atomic and visible to the next API call.
/// </summary>
public sealed class CloudControl
{
    private readonly CloudStore store;
    private readonly EmulatorSettings settings;
    private readonly SeedKind seed;

    internal CloudControl(CloudStore store, EmulatorSettings settings, SeedKind seed)
    {
        this.store = store;
        this.settings = settings;
        this.seed = seed;
    }

    /// <summary>The whole cloud now (immutable).</summary>
    public CloudSnapshot Snapshot => store.Current;

    public IReadOnlyList<LoadBalancer> LoadBalancers => [.. store.Current.LoadBalancers.Values];

    public LoadBalancer? LoadBalancer(string loadBalancerId) => store.Current.LoadBalancers.GetValueOrDefault(loadBalancerId);

    public IReadOnlyList<VServerGroup> VServerGroups(string loadBalancerId) =>
        [.. store.Current.VServerGroups.Values.Where(g => g.LoadBalancerId == loadBalancerId)];

    public IReadOnlyList<Instance> Instances => [.. store.Current.Instances.Values];

    /// <summary>The table's entries that exist now, with the status each has now.</summary>
    public IReadOnlyList<(RouteEntry Entry, string Status)> RouteEntries(string routeTableId)
    {
        var now = settings.Clock.GetUtcNow();
        var table = store.Current.RouteTables.GetValueOrDefault(routeTableId) ?? throw new KeyNotFoundException(routeTableId);
        return [.. table.LiveEntries(now).Select(e => (e, e.Status(now)))];
    }

    public Instance AddInstance(NewInstance spec) => store.Update(s => InstanceChanges.Add(s, spec, settings.Clock.GetUtcNow()));

    public void StopInstance(string instanceId) => store.Update(s => InstanceChanges.SetStatus(s, instanceId, "Stopped"));

    public void StartInstance(string instanceId) => store.Update(s => InstanceChanges.SetStatus(s, instanceId, "Running"));

    /// <summary>Releases the instance and its ENIs; the CLBs drop it from their backends, route entries keep pointing at it.</summary>
    public void TerminateInstance(string instanceId) => store.Update(s => InstanceChanges.Terminate(s, instanceId));

    /// <summary>A secondary ENI (an ECI pod's, say) that CLBs can use as an <c>eni</c> backend, with IPv6 addresses if given.</summary>
    public NetworkInterface AddNetworkInterface(string vSwitchId, string privateIpAddress, string? instanceId = null, IReadOnlyList<string>? ipv6Addresses = null)
    {
        // The control API deserialises absent fields as null: name them rather than fail deeper down.
        ArgumentException.ThrowIfNullOrEmpty(vSwitchId, "VSwitchId");
        ArgumentException.ThrowIfNullOrEmpty(privateIpAddress, "PrivateIpAddress");
        return store.Update(s => InstanceChanges.AddNetworkInterface(s, vSwitchId, privateIpAddress, instanceId, ipv6Addresses ?? [], settings.Clock.GetUtcNow()));
    }

    /// <summary>Adds an Available custom entry nobody asked the API for (e.g. another controller's route).</summary>
    public RouteEntry AddForeignRouteEntry(string routeTableId, string destinationCidrBlock, string nextHopId, string nextHopType = "Instance")
    {
        ArgumentException.ThrowIfNullOrEmpty(destinationCidrBlock, "DestinationCidrBlock");
        ArgumentException.ThrowIfNullOrEmpty(nextHopId, "NextHopId");
        return store.Update(s =>
        {
            var table = s.RouteTables.GetValueOrDefault(routeTableId) ?? throw new KeyNotFoundException(routeTableId);
            var now = settings.Clock.GetUtcNow();
            var cidr = Ipv4Cidr.Parse(destinationCidrBlock).ToString();
            (var id, s) = s.NextId("rte");
            var entry = new RouteEntry
            {
                RouteEntryId = id, RouteTableId = routeTableId, DestinationCidrBlock = cidr, Type = "Custom",
                NextHops = [new RouteNextHop(nextHopType, nextHopId)], CreatedAt = now, AvailableAt = now,
            };
            return (s with { RouteTables = s.RouteTables.SetItem(routeTableId, table with { Entries = table.Entries.Add(id, entry) }) }, entry);
        });
    }

    /// <summary>Removes an entry at once, whatever its status; false when the table holds no such destination.</summary>
    public bool DeleteRouteEntryByHand(string routeTableId, string destinationCidrBlock) =>
        store.Update(s =>
        {
            var table = s.RouteTables.GetValueOrDefault(routeTableId) ?? throw new KeyNotFoundException(routeTableId);
            var gone = table.Entries.Values.Where(e => e.DestinationCidrBlock == destinationCidrBlock).Select(e => e.RouteEntryId).ToList();
            return (s with { RouteTables = s.RouteTables.SetItem(routeTableId, table with { Entries = table.Entries.RemoveRange(gone) }) }, gone.Count > 0);
        });

    /// <summary>Sets how many custom entries the table may hold (raised in Quota Center, or lowered to test a full table).</summary>
    public void SetRouteEntryQuota(string routeTableId, int quota)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(quota);
        store.Update(s =>
        {
            var table = s.RouteTables.GetValueOrDefault(routeTableId) ?? throw new KeyNotFoundException(routeTableId);
            return RouteWrites.Put(s, table with { CustomEntryQuota = quota });
        });
    }

    /// <summary>Another VPC with one vSwitch and its system route table (for next hops that are in the wrong VPC, say).</summary>
    public VSwitch AddVpc(string cidrBlock, string vSwitchCidrBlock, string zoneId) => store.Update(s => NetworkChanges.AddVpc(s, cidrBlock, vSwitchCidrBlock, zoneId, settings.Clock.GetUtcNow()));

    /// <summary>The EIP as the API would show it now (transitions that have settled applied), or null when released.</summary>
    public EipAddress? EipAddress(string allocationId) =>
        store.Current.EipAddresses.GetValueOrDefault(allocationId)?.At(settings.Clock.GetUtcNow());

    /// <summary>An EIP nobody allocated through the API: bound at once to <paramref name="instanceId"/> when given, else Available.</summary>
    public EipAddress AddEipAddress(string ipAddress, string? instanceId = null, string? instanceType = null) =>
        store.Update(s =>
        {
            (var id, s) = s.NextId("eip");
            var eip = new EipAddress
            {
                AllocationId = id, IpAddress = ipAddress, AllocationTime = settings.Clock.GetUtcNow(), InstanceId = instanceId,
                InstanceType = instanceId is null ? null : instanceType ?? "EcsInstance",
            };
            return (s with { EipAddresses = s.EipAddresses.Add(id, eip) }, eip);
        });

    /// <summary>Back to the seed the emulator started with (ClientTokens and id counters included).</summary>
    public void Reset() => store.Replace(CloudSeed.Build(seed, settings.RegionId));

    internal static string Mac(int n) => "00:16:3e:" + string.Join(':', new[] { n >> 16, (n >> 8) & 0xFF, n & 0xFF }
        .Select(b => b.ToString("x2", CultureInfo.InvariantCulture)));

    internal static ImmutableArray<ResourceTag> TagsOf(IReadOnlyDictionary<string, string>? tags) =>
        tags is null ? [] : [.. tags.Select(t => new ResourceTag(t.Key, t.Value))];
}

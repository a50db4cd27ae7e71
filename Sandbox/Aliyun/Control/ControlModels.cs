using Ccm.Sandbox.Aliyun.Faults;
using Ccm.Sandbox.Aliyun.State;

namespace Ccm.Sandbox.Aliyun.Control;

// Bodies of the /_emulator/ control API (JSON, property names as declared, read case-insensitively).

public sealed record LatencyRequest(double Milliseconds, string? Action = null);

public sealed record QpsLimitRequest(string Action, double PerSecond);

public sealed record ErrorRateRequest(double Rate, string? Action = null);

public sealed record DropRequest(string Action, int Count);

/// <summary><c>Kind</c> names a <see cref="MalformedAnswer"/>: Truncated, WrongType or Html.</summary>
public sealed record GarbleRequest(string Action, string Kind, int Count);

public sealed record ForeignRouteEntryRequest(string DestinationCidrBlock, string NextHopId, string NextHopType = "Instance");

public sealed record RouteEntryQuotaRequest(int Quota);

public sealed record NetworkInterfaceRequest(string VSwitchId, string PrivateIpAddress, string? InstanceId = null, IReadOnlyList<string>? Ipv6Addresses = null);

public sealed record CallLogView(IReadOnlyDictionary<string, long> Counts, IReadOnlyList<CallRecord> Calls);

public sealed record RouteEntryView(
    string RouteEntryId, string RouteTableId, string DestinationCidrBlock, string Type, string Status, IReadOnlyList<RouteNextHop> NextHops);

/// <summary>A CLB with its listeners and vServer groups (and so its backends), for tests to assert on.</summary>
public sealed record LoadBalancerView(LoadBalancer LoadBalancer, IReadOnlyList<Listener> Listeners, IReadOnlyList<VServerGroup> VServerGroups);

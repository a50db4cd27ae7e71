using System.Net;
using Orleans;
using Orleans.Runtime;

namespace Ccm.Clustering.Kubernetes.Tests.Support;

/// <summary>Membership rows as Orleans writes them.</summary>
public static class Silos
{
    /// <summary>A time with whole milliseconds: a Lease's renewTime keeps microseconds, not .NET's 100 ns ticks.</summary>
    public static readonly DateTime Epoch = new(2026, 12, 1, 8, 0, 0, DateTimeKind.Utc);

    public static SiloAddress Address(int port, int generation = 1) => SiloAddress.New(IPAddress.Loopback, port, generation);

    public static MembershipEntry Entry(SiloAddress silo, SiloStatus status = SiloStatus.Joining, DateTime? time = null) => new()
    {
        SiloAddress = silo,
        Status = status,
        HostName = "node-a",
        SiloName = $"ccm-{silo.Endpoint.Port}",
        ProxyPort = 0,
        StartTime = time ?? Epoch,
        IAmAliveTime = time ?? Epoch,
    };

    /// <summary>A copy of <paramref name="entry"/> with another status (entries are mutable; tests never share one).</summary>
    public static MembershipEntry With(this MembershipEntry entry, SiloStatus status) => new()
    {
        SiloAddress = entry.SiloAddress,
        Status = status,
        SuspectTimes = entry.SuspectTimes is null ? null : [.. entry.SuspectTimes],
        HostName = entry.HostName,
        SiloName = entry.SiloName,
        ProxyPort = entry.ProxyPort,
        RoleName = entry.RoleName,
        UpdateZone = entry.UpdateZone,
        FaultZone = entry.FaultZone,
        StartTime = entry.StartTime,
        IAmAliveTime = entry.IAmAliveTime,
    };
}

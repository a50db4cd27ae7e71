using System.Text.Json.Serialization;
using Orleans;
using Orleans.Runtime;

namespace Ccm.Clustering.Kubernetes.Membership;

/// <summary>
/// One silo's row as the table ConfigMap stores it (JSON, one data key per row). Every field of
/// <see cref="MembershipEntry"/> is kept; the silo address in its parsable form (<c>ip:port@generation</c>), which
/// Orleans promises to parse back unchanged. <see cref="ETag"/> is the row's own etag, new on every insert and update
/// and untouched by IAmAlive (which lives in the slot Lease). <see cref="Slot"/> names the Lease holding the silo's
/// heartbeat, whose holderIdentity says whether it is still this silo's (a Dead silo's slot goes to the next joiner).
/// </summary>
internal sealed record MembershipRow
{
    public required string SiloAddress { get; init; }

    public required SiloStatus Status { get; init; }

    public IReadOnlyList<SuspectVote>? SuspectTimes { get; init; }

    public int ProxyPort { get; init; }

    public string? HostName { get; init; }

    public string? SiloName { get; init; }

    public string? RoleName { get; init; }

    public int UpdateZone { get; init; }

    public int FaultZone { get; init; }

    public DateTime StartTime { get; init; }

    /// <summary>The IAmAlive time written with the row (insert/update); the slot Lease holds newer ones.</summary>
    public DateTime IAmAliveTime { get; init; }

    public required string ETag { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Slot { get; init; }

    /// <summary>One suspicion: who suspected the silo, and when.</summary>
    public sealed record SuspectVote(string Silo, DateTime Time);

    public static MembershipRow From(MembershipEntry entry, string etag, int? slot) => new()
    {
        SiloAddress = entry.SiloAddress.ToParsableString(),
        Status = entry.Status,
        SuspectTimes = entry.SuspectTimes?.Select(v => new SuspectVote(v.Item1.ToParsableString(), v.Item2)).ToList(),
        ProxyPort = entry.ProxyPort,
        HostName = entry.HostName,
        SiloName = entry.SiloName,
        RoleName = entry.RoleName,
        UpdateZone = entry.UpdateZone,
        FaultZone = entry.FaultZone,
        StartTime = entry.StartTime,
        IAmAliveTime = entry.IAmAliveTime,
        ETag = etag,
        Slot = slot,
    };

    /// <summary>The entry Orleans sees, with <paramref name="iAmAliveTime"/> (from the slot Lease when newer).</summary>
    public MembershipEntry ToEntry(DateTime iAmAliveTime) => new()
    {
        SiloAddress = Orleans.Runtime.SiloAddress.FromParsableString(SiloAddress),
        Status = Status,
        SuspectTimes = SuspectTimes?.Select(v => Tuple.Create(Orleans.Runtime.SiloAddress.FromParsableString(v.Silo), v.Time)).ToList(),
        ProxyPort = ProxyPort,
        HostName = HostName!,
        SiloName = SiloName!,
        RoleName = RoleName,
        UpdateZone = UpdateZone,
        FaultZone = FaultZone,
        StartTime = StartTime,
        IAmAliveTime = iAmAliveTime,
    };

    /// <summary>The ConfigMap data key of a silo's row.</summary>
    public static string KeyOf(SiloAddress silo) => Objects.DataKey.For(KeyKind, silo.ToParsableString());

    /// <summary>The prefix of every row key (the table's other key is <c>version</c>).</summary>
    public const string KeyKind = "silo";
}

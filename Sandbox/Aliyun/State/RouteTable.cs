using System.Collections.Immutable;

namespace Ccm.Sandbox.Aliyun.State;

/// <summary>A VPC route table, <c>System</c> (one per VPC) or <c>Custom</c>, with its entries keyed by RouteEntryId.</summary>
public sealed record RouteTable
{
    public required string RouteTableId { get; init; }

    public required string VpcId { get; init; }

    public required string VRouterId { get; init; }

    /// <summary><c>System</c> or <c>Custom</c>, as the API spells them.</summary>
    public required string RouteTableType { get; init; }

    public required DateTimeOffset CreationTime { get; init; }

    public string RouteTableName { get; init; } = "";

    public string Description { get; init; } = "";

    public ImmutableSortedDictionary<string, RouteEntry> Entries { get; init; } = ImmutableSortedDictionary.Create<string, RouteEntry>(StringComparer.Ordinal);

    public ImmutableArray<ResourceTag> Tags { get; init; } = [];

    /// <summary>Custom entries the table may hold (200 unless raised, as through Quota Center; tests lower it).</summary>
    public int CustomEntryQuota { get; init; } = DefaultCustomEntryQuota;

    /// <summary>Custom route entries per route table by default (reference §4.2, [S9]).</summary>
    public const int DefaultCustomEntryQuota = 200;

    /// <summary>The entries that exist at <paramref name="now"/> (a deleted entry lingers as Deleting until it settles).</summary>
    public IEnumerable<RouteEntry> LiveEntries(DateTimeOffset now) => Entries.Values.Where(e => !e.IsGone(now));

    /// <summary>This table without entries whose deletion has settled.</summary>
    public RouteTable Pruned(DateTimeOffset now) =>
        Entries.Values.Any(e => e.IsGone(now))
            ? this with { Entries = Entries.RemoveRange(Entries.Values.Where(e => e.IsGone(now)).Select(e => e.RouteEntryId).ToList()) }
            : this;
}

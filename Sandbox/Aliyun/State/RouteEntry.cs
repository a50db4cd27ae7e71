using System.Collections.Immutable;

namespace Ccm.Sandbox.Aliyun.State;

/// <summary>
/// A route entry. Writes are asynchronous in the real VPC: a new entry is <c>Pending</c> until
/// <see cref="AvailableAt"/>, a deleted one <c>Deleting</c> until <see cref="DeletedAt"/>. The status is computed
/// from the clock when read, so no timer has to move it along.
/// </summary>
public sealed record RouteEntry
{
    public required string RouteEntryId { get; init; }

    public required string RouteTableId { get; init; }

    public required string DestinationCidrBlock { get; init; }

    /// <summary><c>Custom</c> or <c>System</c>.</summary>
    public required string Type { get; init; }

    public required ImmutableArray<RouteNextHop> NextHops { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset AvailableAt { get; init; }

    public DateTimeOffset? DeletedAt { get; init; }

    public string RouteEntryName { get; init; } = "";

    public string Description { get; init; } = "";

    public bool IsCustom => Type == "Custom";

    public bool IsGone(DateTimeOffset now) => DeletedAt is { } deleted && now >= deleted;

    /// <summary>Pending or Deleting: the VPC refuses other route writes meanwhile (<c>TaskConflict</c>).</summary>
    public bool IsSettling(DateTimeOffset now) => now < AvailableAt || (DeletedAt is { } deleted && now < deleted);

    public string Status(DateTimeOffset now) => DeletedAt is not null ? "Deleting" : now < AvailableAt ? "Pending" : "Available";
}

/// <summary>One next hop: <c>Instance</c> + <c>i-…</c>, <c>NetworkInterface</c> + <c>eni-…</c>, or <c>local</c>/<c>service</c> for system entries.</summary>
public sealed record RouteNextHop(string NextHopType, string NextHopId);

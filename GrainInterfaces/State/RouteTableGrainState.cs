namespace Ccm.GrainInterfaces.State;

/// <summary>One VPC route table as its grain last saw and made it.</summary>
public sealed record RouteTableGrainState : GrainState
{
    public string? VpcId { get; init; }

    /// <summary>Pod-CIDR routes that exist and point at the right instance.</summary>
    public int RoutesPresent { get; init; }

    /// <summary>Nodes that should have a route in this table.</summary>
    public int RoutesDesired { get; init; }

    /// <summary>Custom entries in the table, ours and others' (the quota counts them all).</summary>
    public int CustomEntries { get; init; }

    /// <summary>The table's custom-entry quota (200 unless the cloud says otherwise).</summary>
    public int Quota { get; init; } = 200;

    /// <summary>True after a <c>QuotaExceeded</c>: creates wait for room.</summary>
    public bool Full { get; init; }

    /// <summary>When the last full period (reminder) run finished.</summary>
    public DateTimeOffset? LastPeriodAt { get; init; }

    public IReadOnlyList<RouteSummary> Routes { get; init; } = [];
}

/// <summary>One pod-CIDR route of this table and the node it serves.</summary>
public sealed record RouteSummary(string DestinationCidrBlock, string? NextHopId, string? NodeName, string Status);

namespace Ccm.Silo.Dashboard.Model;

/// <summary>One silo as the membership table records it (every silo reads the same table).</summary>
public sealed record MemberRow
{
    /// <summary>Orleans' silo address (<c>ip:port@generation</c>).</summary>
    public required string Address { get; init; }

    public required string Name { get; init; }

    /// <summary>Joining, Active, ShuttingDown, Stopping or Dead.</summary>
    public required string Status { get; init; }

    public string? HostName { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>The silo's last heartbeat in the table (written every 30 s; diagnostic: liveness comes from probes).</summary>
    public DateTimeOffset? IAmAliveAt { get; init; }

    /// <summary>Where the silo's dashboard answers (from its silo metadata), if it advertises one.</summary>
    public string? Dashboard { get; init; }
}

/// <summary>The membership table as the answering silo reads it.</summary>
public sealed record LocalMembership(string Silo, DateTimeOffset Now, IReadOnlyList<MemberRow> Members);

/// <summary>The cluster's silos and, from each silo that answered, the grains it hosts per type.</summary>
public sealed record MembershipView(DateTimeOffset Now, IReadOnlyList<MemberRow> Members, IReadOnlyList<SiloCard> Placement, IReadOnlyList<PeerStatus> Silos);

/// <summary>A peer this silo can read: its name and where its dashboard answers.</summary>
public sealed record SiloMember(string Name, string? Address, bool IsSelf);

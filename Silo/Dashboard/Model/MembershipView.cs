namespace Ccm.Silo.Dashboard.Model;

/// <summary>One silo as the membership table records it (every silo reads the same table).</summary>
public sealed record MemberRow
{
    /// <summary>Orleans' silo address (<c>ip:port@generation</c>).</summary>
    public required string Address { get; init; }

    public required string Name { get; init; }

    /// <summary>Joining, Active, ShuttingDown, Stopping or Dead.</summary>
    public required string Status { get; init; }

    /// <summary>The silo that answered (the one whose dashboard is being read).</summary>
    public bool IsSelf { get; init; }

    public string? HostName { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>The silo's last heartbeat in the table (written every 30 s; diagnostic: liveness comes from probes).</summary>
    public DateTimeOffset? IAmAliveAt { get; init; }

    /// <summary>Where the silo's dashboard answers (from its silo metadata), if it advertises one.</summary>
    public string? Dashboard { get; init; }
}

/// <summary>The membership table as the answering silo reads it; <see cref="Error"/> says why it fell back to its own view.</summary>
public sealed record LocalMembership(string Silo, DateTimeOffset Now, IReadOnlyList<MemberRow> Members, string? Error = null);

/// <summary>
/// The membership page (<c>/api/membership</c>): every row of the membership table, and from each silo that answered
/// its summary with the activations it hosts per grain type and state (<see cref="RuntimeSummary.GrainTypes"/>).
/// </summary>
public sealed record MembershipView(
    DateTimeOffset Now, IReadOnlyList<MemberRow> Members, IReadOnlyList<SiloCard> Placement, IReadOnlyList<PeerStatus> Silos, string? MembershipError = null);

/// <summary>A peer this silo can read: its name and where its dashboard answers.</summary>
public sealed record SiloMember(string Name, string? Address, bool IsSelf);

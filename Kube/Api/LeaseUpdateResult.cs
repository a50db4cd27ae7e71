using Ccm.Kube.Models;

namespace Ccm.Kube.Api;

/// <summary>
/// The outcome of a conditional Lease replacement. A conflict is an expected outcome of leader election (another
/// contender wrote first), so it is a result, not an exception.
/// </summary>
public sealed record LeaseUpdateResult
{
    private LeaseUpdateResult(Lease? lease, Status? conflict)
    {
        Lease = lease;
        Conflict = conflict;
    }

    /// <summary>The Lease as stored, when the update won.</summary>
    public Lease? Lease { get; }

    /// <summary>The server's 409 Status, when our resourceVersion was stale.</summary>
    public Status? Conflict { get; }

    public bool IsConflict => Conflict is not null;

    public static LeaseUpdateResult Updated(Lease lease) => new(lease, null);

    public static LeaseUpdateResult Conflicted(Status status) => new(null, status);
}

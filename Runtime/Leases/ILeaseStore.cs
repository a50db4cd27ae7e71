namespace Ccm.Runtime;

/// <summary>
/// The Leases of one namespace (the seam over the Kubernetes API). Losing a race is an expected outcome and comes
/// back as null; transport and server failures throw.
/// </summary>
public interface ILeaseStore
{
    /// <summary>Every Lease carrying the label <paramref name="labelKey"/>=<paramref name="labelValue"/>.</summary>
    Task<IReadOnlyList<LeaseRecord>> ListAsync(string labelKey, string labelValue, CancellationToken cancellationToken);

    /// <summary>The Lease, or null when it does not exist.</summary>
    Task<LeaseRecord?> GetAsync(string name, CancellationToken cancellationToken);

    /// <summary>Creates the Lease; null when it already exists (another contender created it first).</summary>
    Task<LeaseRecord?> CreateAsync(LeaseRecord lease, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the Lease on condition that its resourceVersion is still <see cref="LeaseRecord.ResourceVersion"/>
    /// (a PUT with a precondition); null when it is not (409: someone wrote first) or the Lease is gone.
    /// </summary>
    Task<LeaseRecord?> ReplaceAsync(LeaseRecord lease, CancellationToken cancellationToken);

    /// <summary>Deletes the Lease; a missing one is not an error.</summary>
    Task DeleteAsync(string name, CancellationToken cancellationToken);
}

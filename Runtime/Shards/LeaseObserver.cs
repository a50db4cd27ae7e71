namespace Ccm.Runtime;

/// <summary>
/// When this silo last saw each Lease change, by its own clock. Expiry is judged from that, never from the
/// record's <c>renewTime</c>: remote clocks are not trusted, only the local rate of time (client-go
/// <c>observedTime</c>). A Lease first seen now counts as freshly renewed, which errs towards not taking over.
/// </summary>
internal sealed class LeaseObserver
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, (string? Version, DateTimeOffset At)> seen = [];

    public void Observe(LeaseRecord lease, DateTimeOffset now)
    {
        lock (gate)
        {
            if (!seen.TryGetValue(lease.Name, out var last) || last.Version != lease.ResourceVersion)
            {
                seen[lease.Name] = (lease.ResourceVersion, now);
            }
        }
    }

    /// <summary>Observes a complete listing: also forgets Leases that are gone.</summary>
    public void ObserveAll(IReadOnlyCollection<LeaseRecord> leases, DateTimeOffset now)
    {
        lock (gate)
        {
            var names = leases.Select(l => l.Name).ToHashSet();
            foreach (var gone in seen.Keys.Where(n => !names.Contains(n)).ToList())
            {
                seen.Remove(gone);
            }

            foreach (var lease in leases)
            {
                Observe(lease, now);
            }
        }
    }

    /// <summary>Whether the holder's claim has lapsed: no change seen for <c>leaseDurationSeconds</c>.</summary>
    public bool IsExpired(LeaseRecord lease, DateTimeOffset now)
    {
        lock (gate)
        {
            return seen.TryGetValue(lease.Name, out var last)
                && last.Version == lease.ResourceVersion
                && last.At + TimeSpan.FromSeconds(lease.LeaseDurationSeconds) <= now;
        }
    }
}

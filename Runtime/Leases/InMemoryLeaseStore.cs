using System.Globalization;

namespace Ccm.Runtime;

/// <summary>
/// An <see cref="ILeaseStore"/> in memory with the API server's concurrency rules (resourceVersion preconditions,
/// create conflicts), shared by several silos of one test. <see cref="Unavailable"/> makes every call fail, as a
/// partitioned API server would, and <see cref="Writes"/> counts the writes.
/// </summary>
public sealed class InMemoryLeaseStore : ILeaseStore
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, LeaseRecord> leases = [];
    private long version;
    private long writes;

    /// <summary>When true every call throws <see cref="HttpRequestException"/>.</summary>
    public bool Unavailable { get; set; }

    public long Writes => Interlocked.Read(ref writes);

    public LeaseRecord? this[string name]
    {
        get
        {
            lock (gate)
            {
                return leases.GetValueOrDefault(name);
            }
        }
    }

    public IReadOnlyList<LeaseRecord> All
    {
        get
        {
            lock (gate)
            {
                return [.. leases.Values];
            }
        }
    }

    public Task<IReadOnlyList<LeaseRecord>> ListAsync(string labelKey, string labelValue, CancellationToken cancellationToken) =>
        Run<IReadOnlyList<LeaseRecord>>(() => [.. leases.Values.Where(l => l.Labels.GetValueOrDefault(labelKey) == labelValue)]);

    public Task<LeaseRecord?> GetAsync(string name, CancellationToken cancellationToken) => Run(() => leases.GetValueOrDefault(name));

    public Task<LeaseRecord?> CreateAsync(LeaseRecord lease, CancellationToken cancellationToken) =>
        Run(() => leases.ContainsKey(lease.Name) ? null : Store(lease));

    public Task<LeaseRecord?> ReplaceAsync(LeaseRecord lease, CancellationToken cancellationToken) =>
        Run(() => leases.TryGetValue(lease.Name, out var stored) && stored.ResourceVersion == lease.ResourceVersion ? Store(lease) : null);

    public Task DeleteAsync(string name, CancellationToken cancellationToken) => Run(() => leases.Remove(name));

    private LeaseRecord Store(LeaseRecord lease)
    {
        var stored = lease with { ResourceVersion = (++version).ToString(CultureInfo.InvariantCulture) };
        leases[lease.Name] = stored;
        Interlocked.Increment(ref writes);
        return stored;
    }

    private Task<T> Run<T>(Func<T> operation)
    {
        lock (gate)
        {
            return Unavailable
                ? Task.FromException<T>(new HttpRequestException("lease store unavailable (test fault)"))
                : Task.FromResult(operation());
        }
    }
}

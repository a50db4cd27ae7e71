namespace Ccm.Sandbox.Aliyun.State;

/// <summary>
/// Holds the current <see cref="CloudSnapshot"/>. Reads are a volatile load (no lock, so reads never queue behind each
/// other or behind writes); writes are serialised by one lock and publish a whole new snapshot, so a multi-resource
/// change (a CLB with its listeners and groups) is seen entirely or not at all. A write that throws changes nothing.
/// </summary>
public sealed class CloudStore(CloudSnapshot initial)
{
    private readonly Lock gate = new();
    private CloudSnapshot current = initial;

    public CloudSnapshot Current => Volatile.Read(ref current);

    /// <summary>Applies <paramref name="change"/> to the current snapshot atomically and returns its result.</summary>
    public T Update<T>(Func<CloudSnapshot, (CloudSnapshot Next, T Result)> change)
    {
        lock (gate)
        {
            var (next, result) = change(current);
            Volatile.Write(ref current, next);
            return result;
        }
    }

    public void Update(Func<CloudSnapshot, CloudSnapshot> change) => Update(s => (change(s), true));

    public void Replace(CloudSnapshot snapshot)
    {
        lock (gate)
        {
            Volatile.Write(ref current, snapshot);
        }
    }
}

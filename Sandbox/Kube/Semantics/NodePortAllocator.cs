namespace Ccm.Sandbox.Kube.Semantics;

/// <summary>
/// Node ports from the service node-port range (30000-32767 by default), unique across the cluster: random, preferring
/// the upper part of the range as the API server does (KEP-3668), and specific ports on request if free. Mutated only
/// under the store's write lock.
/// </summary>
internal sealed class NodePortAllocator
{
    private readonly HashSet<int> used = [];
    private readonly Random random;
    private readonly int staticBand;

    public NodePortAllocator(int first, int last, Random random)
    {
        if (first < 1 || last > 65535 || last <= first)
        {
            throw new ArgumentException($"invalid node port range {first}-{last}");
        }

        First = first;
        Last = last;
        staticBand = Math.Min(Math.Max(16, (last - first + 1) / 32), 128);
        this.random = random;
    }

    public int First { get; }

    public int Last { get; }

    public bool InRange(long port) => port >= First && port <= Last;

    public bool IsAllocated(int port) => used.Contains(port);

    public bool TryAllocate(int port) => InRange(port) && used.Add(port);

    public int? AllocateNext()
    {
        var count = Last - First + 1;
        if (used.Count >= count)
        {
            return null;
        }

        for (var attempt = 0; attempt < 64; attempt++)
        {
            var port = random.Next(First + staticBand, Last + 1);
            if (used.Add(port))
            {
                return port;
            }
        }

        for (var i = 0; i < count; i++)
        {
            var port = First + (staticBand + i) % count;
            if (used.Add(port))
            {
                return port;
            }
        }

        return null;
    }

    public void Release(int port) => used.Remove(port);

    /// <summary>Forgets every allocation (a restart rebuilds them from the stored Services).</summary>
    public void Clear() => used.Clear();
}

namespace Ccm.Runtime;

/// <summary>
/// The intervals during which this silo ran each shard, most recent last (bounded). The dashboard shows shard
/// moves from it, and tests check across silos that no two intervals of one shard overlap.
/// </summary>
internal sealed class ShardClaimLog
{
    private const int Capacity = 1024;
    private readonly Lock gate = new();
    private readonly List<ShardClaim> claims = [];

    public void Begin(int shard, DateTimeOffset at)
    {
        lock (gate)
        {
            if (claims.Count == Capacity)
            {
                claims.RemoveAt(claims.FindIndex(c => c.To is not null) is var i and >= 0 ? i : 0);
            }

            claims.Add(new ShardClaim(shard, at, null));
        }
    }

    public void End(int shard, DateTimeOffset at)
    {
        lock (gate)
        {
            var open = claims.FindLastIndex(c => c.Shard == shard && c.To is null);
            if (open >= 0)
            {
                claims[open] = claims[open] with { To = at < claims[open].From ? claims[open].From : at };
            }
        }
    }

    public IReadOnlyList<ShardClaim> Snapshot()
    {
        lock (gate)
        {
            return [.. claims];
        }
    }
}

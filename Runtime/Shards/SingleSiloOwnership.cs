namespace Ccm.Runtime;

/// <summary>
/// <c>--leader-elect=false</c>: this silo owns every shard from start to stop, with no Lease traffic at all.
/// Running two such silos against one cluster is the operator's mistake, as with upstream.
/// </summary>
internal sealed class SingleSiloOwnership(IShardHost host, int shardCount, string siloName, TimeProvider time) : IShardOwnership
{
    private readonly List<ShardClaim> history = [];
    private bool running;

    public string Identity => siloName;

    public DateTimeOffset? LastSync => null;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        for (var shard = 0; shard < shardCount; shard++)
        {
            host.Activate(shard, DateTimeOffset.MaxValue);
            history.Add(new ShardClaim(shard, now, null));
        }

        running = true;
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await Task.WhenAll(Enumerable.Range(0, shardCount).Select(s => host.StopAsync(s, DeactivationReason.SiloStopping, force: false)))
            .WaitAsync(cancellationToken);
        var now = time.GetUtcNow();
        for (var i = 0; i < history.Count; i++)
        {
            history[i] = history[i] with { To = history[i].To ?? now };
        }

        running = false;
    }

    public Task AbortAsync()
    {
        running = false;
        return Task.WhenAll(Enumerable.Range(0, shardCount).Select(s => host.StopAsync(s, DeactivationReason.SiloStopping, force: true)));
    }

    public IReadOnlyList<ShardStatistics> Shards() =>
        [.. Enumerable.Range(0, shardCount).Select(s => new ShardStatistics
        {
            Shard = s,
            State = running ? ShardState.Active : ShardState.NotHeld,
            Holder = running ? siloName : null,
            AssignedTo = siloName,
        })];

    public IReadOnlyList<SiloMember> Members() => [new SiloMember(siloName, siloName, null, null, null, IsSelf: true)];

    public IReadOnlyList<ShardClaim> History() => [.. history];
}

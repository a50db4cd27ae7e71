using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Ccm.Runtime.Tests;

/// <summary>
/// Silos of one ring sharing an in-memory Lease store and a fake clock; each round is ticked by hand, so the
/// protocol runs step by step and every intermediate state can be checked.
/// </summary>
internal sealed class Ring : IDisposable
{
    private readonly List<RingSilo> silos = [];

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public InMemoryLeaseStore Store { get; } = new();

    public TimeSpan RetryPeriod { get; } = TimeSpan.FromSeconds(2);

    public TimeSpan RenewDeadline { get; } = TimeSpan.FromSeconds(10);

    public TimeSpan LeaseDuration { get; } = TimeSpan.FromSeconds(15);

    public IReadOnlyList<RingSilo> Silos => silos;

    public RingSilo Add(string name, string? incarnation = null, ILeaseStore? store = null)
    {
        var options = new GrainRuntimeOptions { SiloName = name, ShardCount = 16 };
        options.Leases.LeaseDuration = LeaseDuration;
        options.Leases.RenewDeadline = RenewDeadline;
        options.Leases.RetryPeriod = RetryPeriod;
        var host = new RecordingShardHost();
        var ownership = new LeaseShardOwnership(store ?? Store, host, options, Time, NullLogger.Instance, $"{name}_{incarnation ?? "1"}");
        var silo = new RingSilo(name, ownership, host);
        silos.Add(silo);
        return silo;
    }

    /// <summary>One retry period: every running silo ticks once, checking after each tick that no shard runs twice.</summary>
    public async Task RoundAsync()
    {
        foreach (var silo in silos.Where(s => s.Running))
        {
            await silo.Ownership.TickAsync(CancellationToken.None);
            AssertNoShardRunsTwice();
        }

        Time.Advance(RetryPeriod);
    }

    public async Task RoundsAsync(int count)
    {
        for (var i = 0; i < count; i++)
        {
            await RoundAsync();
        }
    }

    /// <summary>The invariant: at no instant do two silos run one shard (by the runtime's view and by claim history).</summary>
    public void AssertNoShardRunsTwice()
    {
        var now = Time.GetUtcNow();
        var running = silos.SelectMany(s => s.Host.Active.Where(a => a.Value > now).Select(a => (s.Name, Shard: a.Key)));
        foreach (var shard in running.GroupBy(r => r.Shard).Where(g => g.Count() > 1))
        {
            Assert.Fail($"shard {shard.Key} runs on {string.Join(" and ", shard.Select(r => r.Name))}");
        }

        ShortLeases.AssertNoShardRanTwice(silos.SelectMany(s => s.Ownership.History().Select(c => (s.Name, s.Running ? c : Crashed(s, c)))));
    }

    /// <summary>A crashed silo's grains died with it at the latest when its renew deadline passed.</summary>
    private static ShardClaim Crashed(RingSilo silo, ShardClaim claim) =>
        claim.To is null && silo.Host.Active.TryGetValue(claim.Shard, out var validUntil) ? claim with { To = validUntil } : claim;

    /// <summary>Which silo runs each shard (null when none).</summary>
    public string?[] Owners()
    {
        var now = Time.GetUtcNow();
        return [.. Enumerable.Range(0, 16).Select(shard =>
            silos.SingleOrDefault(s => s.Host.Active.TryGetValue(shard, out var until) && until > now)?.Name)];
    }

    public void Dispose() => silos.ForEach(s => s.Ownership.Dispose());
}

internal sealed class RingSilo(string name, LeaseShardOwnership ownership, RecordingShardHost host)
{
    public string Name { get; } = name;

    public LeaseShardOwnership Ownership { get; } = ownership;

    public RecordingShardHost Host { get; } = host;

    /// <summary>False once crashed: it ticks no more (and releases nothing).</summary>
    public bool Running { get; set; } = true;

    public int Held => Host.Active.Count;
}

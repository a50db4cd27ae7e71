using System.Globalization;
using Microsoft.Extensions.Logging;

namespace Ccm.Runtime;

/// <summary>
/// Shards as <c>coordination.k8s.io/v1</c> Leases shared by the silos of one ring. Every retry period the silo
/// renews its membership Lease and the shard Leases it holds, lists the ring's Leases, computes each shard's owner
/// among the live members by rendezvous hashing, and steps each shard (<see cref="ShardPlanner"/>).
/// </summary>
/// <remarks>
/// The client-go leader-election rules kept: resourceVersion-conditional writes (a 409 means another contender
/// won); expiry judged by the local clock from observed changes; a holder that has not renewed within the renew
/// deadline stops acting (before any peer may take over at the lease duration); taking over counts a transition;
/// renewing keeps <c>acquireTime</c>; release clears the holder. Leases do not fence: grain work must be idempotent.
/// </remarks>
internal sealed partial class LeaseShardOwnership : IShardOwnership, IDisposable
{
    private readonly ILeaseStore store;
    private readonly IShardHost host;
    private readonly ShardLeaseOptions options;
    private readonly string siloName;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly LeaseNames names;
    private readonly LeaseObserver observer = new();
    private readonly ShardSlot[] slots;
    private readonly MembershipLease membership;
    private readonly ShardClaimLog claims = new();
    private readonly CancellationTokenSource stop = new();
    private IReadOnlyList<SiloMember> members = [];
    private TaskCompletionSource wake = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task loop = Task.CompletedTask;
    private volatile bool leaving;
    private bool storeFailing;
    private long lastSyncTicks;

    public LeaseShardOwnership(
        ILeaseStore store, IShardHost host, GrainRuntimeOptions options, TimeProvider time, ILogger logger, string? identity = null)
    {
        this.store = store;
        this.host = host;
        this.options = options.Leases;
        siloName = options.SiloName;
        this.time = time;
        this.logger = logger;
        // client-go identities are "<host>_<uuid>": a restarted pod with the same name is a new holder, so it waits
        // out its previous incarnation's Leases instead of assuming it is dead.
        Identity = identity ?? $"{siloName}_{Guid.NewGuid().ToString("N")[..8]}";
        names = new LeaseNames(this.options.ResourceName);
        slots = [.. Enumerable.Range(0, options.ShardCount).Select(s => new ShardSlot(s, names.Shard(s)))];
        membership = new MembershipLease(store, names, siloName, Identity, this.options, time.GetUtcNow(), logger);
    }

    public string Identity { get; }

    public DateTimeOffset? LastSync => Interlocked.Read(ref lastSyncTicks) is var t and > 0 ? new DateTimeOffset(t, TimeSpan.Zero) : null;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        loop = RunAsync(stop.Token);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Leaves the ring first (peers re-hash at once), then drains and releases every shard, each as soon as its
    /// grains are done, so the new owners acquire without waiting for expiry. Gives up when the host's shutdown
    /// token fires; what is still held then expires.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        BeginLeaving();
        try
        {
            // The rounds do the leaving; an aborted silo has no rounds left and nothing to wait for.
            while ((slots.Any(s => s.IsHeld) || membership.Holds) && !loop.IsCompleted)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50), time, cancellationToken);
            }
        }
        finally
        {
            await StopLoopAsync();
        }
    }

    /// <summary>
    /// From the next round on, the silo releases its membership Lease (peers re-hash at once) and drains and
    /// releases every shard. The rounds do the writes, so no write of the loop races with them.
    /// </summary>
    internal void BeginLeaving()
    {
        leaving = true;
        Wake();
    }

    /// <summary>
    /// For chaos tests: behave as a crashed process. The loop stops with no write at all (nothing is released, the
    /// membership Lease stays), and the grains stop at once, as they would die with the process.
    /// </summary>
    public async Task AbortAsync()
    {
        await StopLoopAsync();
        var now = time.GetUtcNow();
        await Task.WhenAll(slots.Where(s => s.IsHeld).Select(s => Lose(s, now, "silo aborted")));
    }

    public void Dispose()
    {
        stop.Cancel();
        stop.Dispose();
    }

    public IReadOnlyList<ShardStatistics> Shards() => [.. slots.Select(s => s.Snapshot(options.RenewDeadline))];

    public IReadOnlyList<SiloMember> Members() => members;

    public IReadOnlyList<ShardClaim> History() => claims.Snapshot();

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            // A wake during this round (a drain finishing, a stop) must end the wait that follows it.
            var woken = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Volatile.Write(ref wake, woken);
            await TickAsync(cancellationToken);
            try
            {
                // A drain finishing, or a graceful stop, wakes the loop early: releases should not wait a period.
                await Task.WhenAny(woken.Task, Task.Delay(options.RetryPeriod, time, cancellationToken)).WaitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task StopLoopAsync()
    {
        await stop.CancelAsync();
        await loop;
    }

    private void Wake() => Volatile.Read(ref wake).TrySetResult();

    private void StoreSucceeded()
    {
        Interlocked.Exchange(ref lastSyncTicks, time.GetUtcNow().UtcTicks);
        if (storeFailing)
        {
            storeFailing = false;
            logger.LogInformation("Silo {SiloName} reaches the Lease store again", siloName);
        }
    }

    private void StoreFailed(Exception error)
    {
        // Logged once per outage, not every retry period; the renew deadline decides what stops.
        if (!storeFailing)
        {
            storeFailing = true;
            logger.LogWarning(error, "Silo {SiloName} cannot reach the Lease store; held shards stop at their renew deadline", siloName);
        }
    }

    private SiloMember ToMember(LeaseRecord lease) => new(
        lease.Annotations.GetValueOrDefault(LeaseNames.SiloNameAnnotation) ?? lease.Name,
        lease.HolderIdentity ?? "",
        lease.Annotations.GetValueOrDefault(LeaseNames.AddressAnnotation) is { Length: > 0 } address ? address : null,
        DateTimeOffset.TryParse(lease.Annotations.GetValueOrDefault(LeaseNames.StartedAtAnnotation), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var started) ? started : null,
        lease.RenewTime,
        IsSelf: lease.HolderIdentity == Identity);
}

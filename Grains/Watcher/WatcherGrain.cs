using Ccm.GrainInterfaces;
using Ccm.GrainInterfaces.State;
using Ccm.Grains.Cluster;
using Ccm.Runtime;
using Microsoft.Extensions.Logging;

namespace Ccm.Grains.Watcher;

/// <summary>
/// The silo's watcher: starts the cluster cache's list+watch loops and turns every cache change into signals for
/// the grains it can affect (<see cref="FanOutRules"/>). Until the cache has synced nothing is signalled (a grain
/// would read a partial cluster); at sync every grain with work is signalled once. A shard acquired later has each
/// of its grains signalled, since the previous owner's pending signals went with it.
/// </summary>
/// <remarks>Informer handlers and shard events run on their own loops, not in this grain's turns: they only
/// compute signals and hand them to the runtime, which is thread-safe.</remarks>
internal sealed partial class WatcherGrain(
    InformerClusterCache cache, SignalDispatcher dispatcher, RouteTableSet routeTables, IShardDirectory shards, CcmOptions options,
    TimeProvider time, ILogger<WatcherGrain> logger) : Grain, IWatcherGrain, IDisposable
{
    private static readonly TimeSpan SlowSyncWarning = TimeSpan.FromMinutes(1);

    private readonly List<IDisposable> subscriptions = [];
    private readonly CancellationTokenSource deactivated = new();
    private DateTimeOffset activatedAt;
    private bool warnedSlowSync;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        activatedAt = time.GetUtcNow();
        subscriptions.Add(cache.Services.Subscribe(c => Send(FanOutRules.ForService(c.Old, c.New))));
        subscriptions.Add(cache.EndpointSlices.Subscribe(c => Send(FanOutRules.ForEndpointSlice(c.Old, c.New, cache.GetService))));
        subscriptions.Add(cache.Nodes.Subscribe(c => Send(FanOutRules.ForNode(c.Old, c.New, cache.ListServices, routeTables.Ids, options.DefaultEniBackends))));
        shards.ShardAcquired += OnShardAcquired;
        routeTables.Resolved += OnRouteTablesResolved;
        cache.Start();
        _ = SignalEverythingOnceSyncedAsync();

        // Besides warning about a slow sync, the timer keeps this silo-local activation resident (never idle-collected).
        RegisterGrainTimer(_ => WarnIfSyncIsSlow(), TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(15));
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        deactivated.Cancel();
        shards.ShardAcquired -= OnShardAcquired;
        routeTables.Resolved -= OnRouteTablesResolved;
        subscriptions.ForEach(s => s.Dispose());
        subscriptions.Clear();
        return Task.CompletedTask;
    }

    public void Dispose() => deactivated.Dispose();

    Task<WatcherStatus> IWatcherGrain.GetStatusAsync() => Task.FromResult(new WatcherStatus
    {
        Synced = cache.HasSynced,
        Kinds = cache.Kinds(),
        SignalsSent = dispatcher.Accepted,
    });

    private void Send(IReadOnlyList<GrainSignal> signals)
    {
        if (cache.HasSynced)
        {
            dispatcher.Send(signals);
        }
    }

    private async Task SignalEverythingOnceSyncedAsync()
    {
        try
        {
            await cache.WaitForSyncAsync(deactivated.Token);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        var kinds = cache.Kinds();
        LogSynced((time.GetUtcNow() - activatedAt).TotalSeconds, kinds[0].Objects, kinds[1].Objects, kinds[2].Objects);
        dispatcher.Send(FanOutRules.ForEverything(cache.ListServices(), cache.ListNodes(), routeTables.Ids));
    }

    private void OnShardAcquired(object? sender, ShardEventArgs e) =>
        Send(FanOutRules.ForShard(e.Shard, cache.ListServices(), cache.ListNodes(), routeTables.Ids, ShardOf));

    private void OnRouteTablesResolved(object? sender, EventArgs e) => Send([.. routeTables.Ids.Select(GrainSignal.RouteTable)]);

    // Placement is asked only for grains this silo runs: the runtime knows no other type.
    private int ShardOf(GrainSignal signal) => !dispatcher.IsEnabled(signal.Target) ? -1 : signal.Target switch
    {
        SignalTarget.Service => shards.ShardOf<IServiceGrain>(signal.Key),
        SignalTarget.Node => shards.ShardOf<INodeGrain>(signal.Key),
        _ => shards.ShardOf<IRouteTableGrain>(signal.Key),
    };

    private Task WarnIfSyncIsSlow()
    {
        if (!cache.HasSynced && !warnedSlowSync && time.GetUtcNow() - activatedAt > SlowSyncWarning)
        {
            warnedSlowSync = true;
            LogSlowSync(SlowSyncWarning, string.Join(", ", cache.Kinds().Where(k => !k.Synced).Select(k => k.Resource)));
        }

        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Watches synced in {Seconds:0.0}s: {Services} Services, {EndpointSlices} EndpointSlices, {Nodes} Nodes")]
    private partial void LogSynced(double seconds, int services, int endpointSlices, int nodes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Watches not synced after {Elapsed}: still listing {Resources}; grains wait until the cache is complete")]
    private partial void LogSlowSync(TimeSpan elapsed, string resources);
}

using Ccm.GrainInterfaces;
using Ccm.GrainInterfaces.State;
using Ccm.Grains.Cluster;
using Ccm.Grains.Placement;
using Ccm.Grains.Reconcile;
using Ccm.Grains.State;
using k8s.Models;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;

namespace Ccm.Grains.Watcher;

/// <summary>
/// The silo's watcher (key: <see cref="GrainKeys.Watcher"/> of this silo's address, placed here): starts the cluster
/// cache's list+watch loops and turns every cache change into signals for the grains it can affect
/// (<see cref="FanOutRules"/>), sent by <see cref="SignalDispatcher"/> to the grains this silo owns. Until the cache has
/// synced nothing is signalled (a grain would read a partial cluster); at sync every owned grain with work is signalled
/// once. When membership changes, the grains this silo inherited are signalled, and the state board drops what retired
/// grains published under keys this silo no longer owns.
/// </summary>
/// <remarks>Informer handlers and membership events run on their own loops, not in this grain's turns: they only
/// compute signals and hand them to Orleans, which is thread-safe.</remarks>
[GrainType("ccm-watcher")]
[NamedSiloPlacement]
internal sealed partial class WatcherGrain(
    InformerClusterCache cache, SignalDispatcher dispatcher, RouteTableSet routeTables, ClusterOwnership ownership, GrainStateBoard board, ReconcileActivity activity,
    CcmOptions options, TimeProvider time, ILogger<WatcherGrain> logger) : Grain, IWatcherGrain, IDisposable
{
    private static readonly TimeSpan SlowSyncWarning = TimeSpan.FromMinutes(1);

    private readonly List<IDisposable> subscriptions = [];
    private readonly CancellationTokenSource deactivated = new();
    private DateTimeOffset activatedAt;
    private bool warnedSlowSync;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (NamedSiloPlacement.SiloOf(this.GetPrimaryKeyString()) is not { } named || !named.Equals(ownership.Self))
        {
            // Placement puts a watcher only on the silo its key names; this is the belt to that brace.
            throw new InvalidOperationException($"The watcher {this.GetPrimaryKeyString()} must run on the silo its key names, not on {ownership.Self}");
        }

        activatedAt = time.GetUtcNow();
        subscriptions.Add(cache.Services.Subscribe(c => Send(FanOutRules.ForService(c.Old, c.New, options.TypeAnnotationGate))));
        subscriptions.Add(cache.EndpointSlices.Subscribe(c => Send(FanOutRules.ForEndpointSlice(c.Old, c.New, cache.GetService, options.TypeAnnotationGate))));
        subscriptions.Add(cache.Nodes.Subscribe(c => Send(FanOutRules.ForNode(c.Old, c.New, cache.ListServices, routeTables.Ids, options.DefaultEniBackends, HasEndpointsOn, options.TypeAnnotationGate))));
        ownership.Changed += OnMembershipChanged;
        routeTables.Resolved += OnRouteTablesResolved;
        cache.Start();
        _ = SignalEverythingOnceSyncedAsync();

        // Besides warning about a slow sync, the timer keeps this activation resident (never collected as idle).
        this.RegisterGrainTimer(_ => WarnIfSyncIsSlow(), new GrainTimerCreationOptions(TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(15)) { KeepAlive = true });
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        deactivated.Cancel();
        ownership.Changed -= OnMembershipChanged;
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
        SignalsSent = dispatcher.Sent,
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
        dispatcher.Send(FanOutRules.ForEverything(cache.ListServices(), cache.ListNodes(), routeTables.Ids, options.TypeAnnotationGate, LastChanged, options.StartedAt));
    }

    private void OnMembershipChanged(IReadOnlyList<SiloAddress> before, IReadOnlyList<SiloAddress> after)
    {
        board.DropInactive(ownership.Owns, activity.Activations.Select(a => a.Key).ToHashSet(StringComparer.Ordinal));
        Send(FanOutRules.ForInherited(
            cache.ListServices(), cache.ListNodes(), routeTables.Ids, key => ownership.OwnsAmong(key, before), key => ownership.OwnsAmong(key, after), options.TypeAnnotationGate, LastChanged));
    }

    private DateTimeOffset LastChanged(V1Service service) =>
        ServiceRecency.LastChanged(service, cache.GetEndpointSlices(service.Metadata.NamespaceProperty ?? "", service.Metadata.Name ?? ""));

    private bool HasEndpointsOn(V1Service service, string node) =>
        cache.GetEndpointSlices(service.Metadata.NamespaceProperty ?? "", service.Metadata.Name ?? "").Any(s => s.Endpoints?.Any(e => e.NodeName == node) == true);

    private void OnRouteTablesResolved(object? sender, EventArgs e) => Send([.. routeTables.Ids.Select(GrainSignal.RouteTable)]);

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

using System.Collections.Concurrent;
using System.Collections.Frozen;
using Ccm.GrainInterfaces;
using Ccm.Grains.Placement;
using Microsoft.Extensions.Logging;

namespace Ccm.Grains.Watcher;

/// <summary>
/// Sends the watcher's signals to the grains this silo owns (<see cref="ClusterOwnership"/>): every silo watches
/// everything, and each signals its own share, so a change is signalled once in the cluster. A target whose controller
/// is off is never signalled. A signal that fails to arrive (its grain on a silo that died and is not declared dead
/// yet) is tried again while this silo owns the key (<see cref="SignalDelivery"/>). <see cref="Stop"/> closes the gate:
/// the first step of a graceful stop.
/// </summary>
public sealed class SignalDispatcher
{
    private readonly IGrainFactory grains;
    private readonly ClusterOwnership ownership;
    private readonly FrozenSet<SignalTarget> enabled;
    private readonly ConcurrentDictionary<SignalTarget, long> sent = new();
    private readonly WatcherMetrics metrics;
    private readonly SignalDelivery delivery;
    private volatile bool stopped;

    public SignalDispatcher(IGrainFactory grains, ClusterOwnership ownership, CcmOptions options, WatcherMetrics metrics, TimeProvider time, ILogger<SignalDispatcher> logger)
    {
        this.grains = grains;
        this.ownership = ownership;
        this.metrics = metrics;
        delivery = new SignalDelivery(s => Target(s).Signal(s.Kind), s => ownership.Owns(s.PlacementKey), () => stopped, time, logger);
        enabled = new (SignalTarget Target, bool Runs)[]
            {
                (SignalTarget.Service, options.Runs("service")),
                (SignalTarget.Node, options.Runs("node")),
                (SignalTarget.RouteTable, options.Runs("route") && options.ConfigureCloudRoutes),
            }
            .Where(t => t.Runs)
            .Select(t => t.Target)
            .ToFrozenSet();
    }

    public bool IsEnabled(SignalTarget target) => enabled.Contains(target);

    public bool IsStopped => stopped;

    /// <summary>Signals sent by this silo, per target.</summary>
    public IReadOnlyDictionary<string, long> Sent => sent.ToDictionary(kv => kv.Key.ToString(), kv => kv.Value);

    /// <summary>Sends each signal whose grain this silo owns; the others are another silo's to send.</summary>
    public void Send(IEnumerable<GrainSignal> signals)
    {
        foreach (var signal in signals)
        {
            if (stopped || !enabled.Contains(signal.Target))
            {
                continue;
            }

            var mine = ownership.Owns(signal.PlacementKey);
            metrics.Signalled(signal.Target, mine);
            if (mine)
            {
                sent.AddOrUpdate(signal.Target, 1, (_, n) => n + 1);
                _ = delivery.DeliverAsync(signal);
            }
        }
    }

    /// <summary>Stops every further signal (a graceful stop has begun).</summary>
    public void Stop() => stopped = true;

    private IReconcilerGrain Target(GrainSignal signal) => signal.Target switch
    {
        SignalTarget.Service => grains.GetGrain<IServiceGrain>(signal.Key),
        SignalTarget.Node => grains.GetGrain<INodeGrain>(signal.Key),
        _ => grains.GetGrain<IRouteTableGrain>(signal.Key),
    };
}

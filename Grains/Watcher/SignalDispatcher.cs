using System.Collections.Concurrent;
using System.Collections.Frozen;
using Ccm.GrainInterfaces;
using Ccm.Runtime;

namespace Ccm.Grains.Watcher;

/// <summary>
/// Sends the watcher's signals into the runtime and counts them. A target whose controller is off, or whose grain
/// is not registered in this silo, is never signalled. <see cref="Stop"/> closes the gate: the first step of a
/// graceful stop, so no new turn starts while the silo drains.
/// </summary>
public sealed class SignalDispatcher
{
    private readonly IGrainFactory grains;
    private readonly FrozenSet<SignalTarget> enabled;
    private readonly ConcurrentDictionary<SignalTarget, long> accepted = new();
    private readonly WatcherMetrics metrics;
    private volatile bool stopped;

    public SignalDispatcher(IGrainFactory grains, IEnumerable<GrainRegistration> registrations, CcmOptions options, WatcherMetrics metrics)
    {
        this.grains = grains;
        this.metrics = metrics;
        var registered = registrations.Select(r => r.Interface).ToHashSet();
        enabled = new (SignalTarget Target, Type Grain, bool Runs)[]
            {
                (SignalTarget.Service, typeof(IServiceGrain), options.Runs("service")),
                (SignalTarget.Node, typeof(INodeGrain), options.Runs("node")),
                (SignalTarget.RouteTable, typeof(IRouteTableGrain), options.Runs("route") && options.ConfigureCloudRoutes),
            }
            .Where(t => t.Runs && registered.Contains(t.Grain))
            .Select(t => t.Target)
            .ToFrozenSet();
    }

    public bool IsEnabled(SignalTarget target) => enabled.Contains(target);

    public bool IsStopped => stopped;

    /// <summary>Signals accepted by this silo (the grain's shard runs here), per target.</summary>
    public IReadOnlyDictionary<string, long> Accepted => accepted.ToDictionary(kv => kv.Key.ToString(), kv => kv.Value);

    public void Send(IEnumerable<GrainSignal> signals)
    {
        foreach (var signal in signals)
        {
            if (stopped || !enabled.Contains(signal.Target))
            {
                continue;
            }

            var here = signal.Target switch
            {
                SignalTarget.Service => grains.Signal<IServiceGrain>(signal.Key),
                SignalTarget.Node => grains.Signal<INodeGrain>(signal.Key),
                _ => grains.Signal<IRouteTableGrain>(signal.Key),
            };
            if (here)
            {
                accepted.AddOrUpdate(signal.Target, 1, (_, n) => n + 1);
            }

            metrics.Signalled(signal.Target, here);
        }
    }

    /// <summary>Stops every further signal (a graceful stop has begun).</summary>
    public void Stop() => stopped = true;
}

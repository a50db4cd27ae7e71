using System.Collections.Concurrent;
using System.Collections.Frozen;
using Ccm.GrainInterfaces;
using Ccm.Grains.Placement;
using Microsoft.Extensions.Logging;

namespace Ccm.Grains.Watcher;

/// <summary>
/// Sends the watcher's signals to the grains this silo owns (<see cref="ClusterOwnership"/>): every silo watches
/// everything, and each signals its own share, so a change is signalled once in the cluster. A target whose controller
/// is off is never signalled. A signal that fails to arrive (a silo joining or dying as it is sent) is tried again a
/// few times. <see cref="Stop"/> closes the gate: the first step of a graceful stop.
/// </summary>
public sealed partial class SignalDispatcher
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);
    private const int Attempts = 3;

    private readonly IGrainFactory grains;
    private readonly ClusterOwnership ownership;
    private readonly FrozenSet<SignalTarget> enabled;
    private readonly ConcurrentDictionary<SignalTarget, long> sent = new();
    private readonly WatcherMetrics metrics;
    private readonly ILogger logger;
    private volatile bool stopped;

    public SignalDispatcher(IGrainFactory grains, ClusterOwnership ownership, CcmOptions options, WatcherMetrics metrics, ILogger<SignalDispatcher> logger)
    {
        this.grains = grains;
        this.ownership = ownership;
        this.metrics = metrics;
        this.logger = logger;
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
                _ = DeliverAsync(signal);
            }
        }
    }

    /// <summary>Stops every further signal (a graceful stop has begun).</summary>
    public void Stop() => stopped = true;

    private async Task DeliverAsync(GrainSignal signal)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await Target(signal).Signal(signal.Kind);
                return;
            }
            catch (Exception e) when (attempt < Attempts && !stopped)
            {
                LogRetry(signal.Target, signal.Key, e.Message);
                await Task.Delay(RetryDelay);
            }
            catch (Exception e) when (stopped || e is OperationCanceledException)
            {
                return;
            }
            catch (Exception e)
            {
                LogLost(e, signal.Target, signal.Key, Attempts);
                return;
            }
        }
    }

    private IReconcilerGrain Target(GrainSignal signal) => signal.Target switch
    {
        SignalTarget.Service => grains.GetGrain<IServiceGrain>(signal.Key),
        SignalTarget.Node => grains.GetGrain<INodeGrain>(signal.Key),
        _ => grains.GetGrain<IRouteTableGrain>(signal.Key),
    };

    [LoggerMessage(Level = LogLevel.Debug, Message = "Signal to {Target} {Key} did not arrive ({Error}); trying again")]
    private partial void LogRetry(SignalTarget target, string key, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Signal to {Target} {Key} did not arrive after {Attempts} attempts; its periodic resync will catch up")]
    private partial void LogLost(Exception exception, SignalTarget target, string key, int attempts);
}

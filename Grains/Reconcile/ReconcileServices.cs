using Ccm.Grains.Placement;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;

namespace Ccm.Grains.Reconcile;

/// <summary>What every <see cref="ReconcilerGrain"/> needs from the silo, in one constructor argument.</summary>
public sealed class ReconcileServices(
    ReconcileOptions options, ReconcileActivity activity, TimeProvider time, ILogger<ReconcilerGrain> logger, IHostApplicationLifetime lifetime,
    ClusterOwnership ownership, IClusterManifestProvider manifest)
{
    public ReconcileOptions Options => options;

    public RetryBackoffOptions Backoff => options.Retry;

    /// <summary>The silo's live reconcilers and their counters (dashboard, metrics).</summary>
    public ReconcileActivity Activity => activity;

    public TimeProvider Time => time;

    /// <summary>Where turn failures are logged, once each, with the grain's type and key.</summary>
    public ILogger Logger => logger;

    /// <summary>
    /// Fires when the silo begins to stop. Orleans deactivates a grain only between turns, and cancels a timer
    /// callback's token only once deactivating, so a turn that waits (for a cloud permit, say) would hold a graceful
    /// stop until the deactivation timeout; turns watch this token as well and end at once.
    /// </summary>
    public CancellationToken SiloStopping => lifetime.ApplicationStopping;

    /// <summary>Which keys this silo owns among the active silos: a grain on another silo moves to its owner when idle.</summary>
    public ClusterOwnership Ownership => ownership;

    /// <summary>The silos Orleans' placement can choose from (their published manifests).</summary>
    public IReadOnlyCollection<SiloAddress> PlaceableSilos => manifest.Current.Silos.Keys.ToList();
}

/// <summary>How reconcile turns are timed.</summary>
public sealed class ReconcileOptions
{
    /// <summary>Longest a turn may work (permit waits excluded) before its token fires; it is then retried with backoff.</summary>
    public TimeSpan TurnTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Retry backoff after a failed turn: 1 s doubling to 5 min, up to 20% shorter at random.</summary>
    public RetryBackoffOptions Retry { get; set; } = new();
}

using System.Globalization;
using Ccm.Sandbox.Kube.Api;
using Ccm.Sandbox.Kube.Controllers;
using Ccm.Sandbox.Kube.Discovery;
using Ccm.Sandbox.Kube.Seed;
using Ccm.Sandbox.Kube.Semantics;
using Ccm.Sandbox.Kube.Storage;
using Microsoft.Extensions.Logging;

namespace Ccm.Sandbox.Kube.Hosting;

/// <summary>
/// The composition root of one emulated cluster, independent of HTTP: catalog, store, allocators, admission, the API
/// verbs, the HTTP handler that serves them, and the controllers stand-in.
/// </summary>
internal sealed class KubeCluster : IAsyncDisposable
{
    private readonly ClusterIpAllocator clusterIps;
    private readonly AllocationRepair allocations;

    public KubeCluster(KubeEmulatorOptions options, ILoggerFactory loggers)
    {
        Catalog = new ResourceCatalog(BuiltinResources.All.Concat(options.AdditionalResources));
        Store = new ObjectStore(options.WatchHistorySize);
        var random = new Random();
        clusterIps = new ClusterIpAllocator(options.ServiceClusterIpRange, random);
        var (firstPort, lastPort) = ParsePortRange(options.ServiceNodePortRange);
        var nodePorts = new NodePortAllocator(firstPort, lastPort, random);
        allocations = new AllocationRepair(clusterIps, nodePorts);
        var strategies = new StrategyRegistry(clusterIps, nodePorts);
        var writer = new ObjectWriter(strategies, options.TimeProvider, Catalog.Require("namespaces"));
        Operations = new ResourceOperations(Store, writer);
        var freshness = new Freshness(Store, options.TooLargeResourceVersionWait);
        Handler = new KubeApiHandler(
            Catalog,
            new DiscoveryDocuments(Catalog),
            new OpenApiDocuments(Catalog),
            new ResourceHandler(Operations, new ListResponder(Store, freshness), new WatchResponder(Store, freshness, options.BookmarkInterval, WatchCuts), freshness),
            loggers.CreateLogger<KubeApiHandler>());

        ClusterSeed.Apply(Operations, Catalog, options.Seed, clusterIps.First, options.TimeProvider);
        if (options.RunControllers)
        {
            Controllers = new ClusterControllers(Store, Operations, Catalog, options.TimeProvider, loggers.CreateLogger<ClusterControllers>());
            Controllers.Start();
        }
    }

    public ResourceCatalog Catalog { get; }

    public ObjectStore Store { get; }

    /// <summary>Watch events to send half written (a fault; <see cref="KubeFaults.CutWatchesMidEvent"/>).</summary>
    public WatchCuts WatchCuts { get; } = new();

    public ResourceOperations Operations { get; }

    public KubeApiHandler Handler { get; }

    public ClusterControllers? Controllers { get; }

    /// <summary>
    /// The API server restarts on a store that lost its state (see <see cref="ObjectStore.Restart"/>): allocations are
    /// rebuilt from the surviving Services, every watch ends, and the bootstrap objects come back if they were lost.
    /// </summary>
    public void RestartWithLostState(Func<StoredObject, bool> keep)
    {
        var services = Catalog.Require("services");
        Store.Restart(keep, restored => allocations.Rebuild(restored.List(services)));
        Store.Events.CloseAllWatches();
        ClusterSeed.Bootstrap(Operations, Catalog, clusterIps.First);
    }

    public async ValueTask DisposeAsync()
    {
        if (Controllers is not null)
        {
            await Controllers.DisposeAsync();
        }

        Store.Events.Dispose();
    }

    private static (int First, int Last) ParsePortRange(string range)
    {
        var parts = range.Split('-');
        return parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var first)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var last)
            ? (first, last)
            : throw new ArgumentException($"node port range must be FIRST-LAST, got \"{range}\"", nameof(range));
    }
}

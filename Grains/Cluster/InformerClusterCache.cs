using System.Diagnostics.Metrics;
using Ccm.GrainInterfaces.State;
using Ccm.Kube.Api;
using Ccm.Kube.Cache;
using Ccm.Kube.Models;
using Microsoft.Extensions.Logging;

namespace Ccm.Grains.Cluster;

/// <summary>
/// The silo's <see cref="IClusterCache"/>: one list+watch <see cref="Informer{T}"/> each for Services, EndpointSlices
/// (indexed by <c>kubernetes.io/service-name</c>) and Nodes, shared by every grain of the silo. The watcher grain
/// subscribes to the informers to fan changes out; grains only read.
/// </summary>
public sealed class InformerClusterCache : IClusterCache, IAsyncDisposable
{
    private int started;
    private int stopped;

    public InformerClusterCache(IKubeApi api, ILoggerFactory loggers, IMeterFactory meters, TimeProvider time)
    {
        Services = new Informer<Service>(api, new InformerOptions<Service> { LoggerFactory = loggers, MeterFactory = meters, TimeProvider = time });
        EndpointSlices = new Informer<EndpointSlice>(api, new InformerOptions<EndpointSlice>
        {
            Indexes = new Dictionary<string, Func<EndpointSlice, IEnumerable<string>>>
            {
                [KubeIndexes.EndpointSlicesByService] = KubeIndexes.EndpointSliceService,
            },
            LoggerFactory = loggers,
            MeterFactory = meters,
            TimeProvider = time,
        });
        Nodes = new Informer<Node>(api, new InformerOptions<Node> { LoggerFactory = loggers, MeterFactory = meters, TimeProvider = time });
    }

    public Informer<Service> Services { get; }

    public Informer<EndpointSlice> EndpointSlices { get; }

    public Informer<Node> Nodes { get; }

    public bool HasSynced => Services.HasSynced && EndpointSlices.HasSynced && Nodes.HasSynced;

    /// <summary>Starts the three list+watch loops (once).</summary>
    public void Start()
    {
        if (Interlocked.Exchange(ref started, 1) == 0)
        {
            Services.Start();
            EndpointSlices.Start();
            Nodes.Start();
        }
    }

    public Task WaitForSyncAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(Services.WaitForSyncAsync(cancellationToken), EndpointSlices.WaitForSyncAsync(cancellationToken), Nodes.WaitForSyncAsync(cancellationToken));

    public Service? GetService(string @namespace, string name) => Services.Store.Get(@namespace, name);

    public IReadOnlyList<Service> ListServices() => Services.Store.List();

    public IReadOnlyList<EndpointSlice> GetEndpointSlices(string @namespace, string serviceName) =>
        EndpointSlices.Store.ByIndex(KubeIndexes.EndpointSlicesByService, ObjectKey.For(@namespace, serviceName));

    public Node? GetNode(string name) => Nodes.Store.Get(null, name);

    public IReadOnlyList<Node> ListNodes() => Nodes.Store.List();

    /// <summary>Per informer: whether its first list is in, how many objects it holds, its last version.</summary>
    public IReadOnlyList<WatchedKind> Kinds() =>
    [
        new(Service.Resource.Plural, Services.HasSynced, Services.Store.Count, Services.LastSyncResourceVersion),
        new(EndpointSlice.Resource.Plural, EndpointSlices.HasSynced, EndpointSlices.Store.Count, EndpointSlices.LastSyncResourceVersion),
        new(Node.Resource.Plural, Nodes.HasSynced, Nodes.Store.Count, Nodes.LastSyncResourceVersion),
    ];

    /// <summary>Closes the watches (the first step of a graceful stop); the cache keeps its last state for readers.</summary>
    public async Task StopAsync()
    {
        if (Interlocked.Exchange(ref stopped, 1) == 0)
        {
            await Task.WhenAll(Services.DisposeAsync().AsTask(), EndpointSlices.DisposeAsync().AsTask(), Nodes.DisposeAsync().AsTask());
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();
}

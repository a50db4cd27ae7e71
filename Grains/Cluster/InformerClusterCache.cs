using System.Diagnostics.Metrics;
using Ccm.GrainInterfaces.State;
using Ccm.Kube.Client;
using Ccm.Kube.Cache;
using Ccm.Kube.Watch;
using k8s;
using k8s.Models;
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

    public InformerClusterCache(IKubernetes api, ILoggerFactory loggers, IMeterFactory meters, TimeProvider time)
    {
        Services = new Informer<V1Service>(KubeListWatch.Services(api), new InformerOptions<V1Service> { Transform = CacheTrim.Service, LoggerFactory = loggers, MeterFactory = meters, TimeProvider = time });
        EndpointSlices = new Informer<V1EndpointSlice>(KubeListWatch.EndpointSlices(api), new InformerOptions<V1EndpointSlice>
        {
            Transform = CacheTrim.EndpointSlice,
            Indexes = new Dictionary<string, Func<V1EndpointSlice, IEnumerable<string>>>
            {
                [KubeIndexes.EndpointSlicesByService] = KubeIndexes.EndpointSliceService,
            },
            LoggerFactory = loggers,
            MeterFactory = meters,
            TimeProvider = time,
        });
        Nodes = new Informer<V1Node>(KubeListWatch.Nodes(api), new InformerOptions<V1Node> { Transform = CacheTrim.Node, LoggerFactory = loggers, MeterFactory = meters, TimeProvider = time });
    }

    public Informer<V1Service> Services { get; }

    public Informer<V1EndpointSlice> EndpointSlices { get; }

    public Informer<V1Node> Nodes { get; }

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

    public V1Service? GetService(string @namespace, string name) => Services.Store.Get(@namespace, name);

    public IReadOnlyList<V1Service> ListServices() => Services.Store.List();

    public IReadOnlyList<V1EndpointSlice> GetEndpointSlices(string @namespace, string serviceName) =>
        EndpointSlices.Store.ByIndex(KubeIndexes.EndpointSlicesByService, ObjectKey.For(@namespace, serviceName));

    public V1Node? GetNode(string name) => Nodes.Store.Get(null, name);

    public IReadOnlyList<V1Node> ListNodes() => Nodes.Store.List();

    /// <summary>Per informer: whether its first list is in, how many objects it holds, its last version.</summary>
    public IReadOnlyList<WatchedKind> Kinds() =>
    [
        new(Services.Resource, Services.HasSynced, Services.Store.Count, Services.LastSyncResourceVersion),
        new(EndpointSlices.Resource, EndpointSlices.HasSynced, EndpointSlices.Store.Count, EndpointSlices.LastSyncResourceVersion),
        new(Nodes.Resource, Nodes.HasSynced, Nodes.Store.Count, Nodes.LastSyncResourceVersion),
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

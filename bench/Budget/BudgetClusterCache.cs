using System.Collections.Concurrent;
using Ccm.Grains.Cluster;
using k8s.Models;

namespace Ccm.Bench.Budget;

/// <summary>
/// The watcher's cache as the budget run drives it: the run puts in what the API server holds after each step, so a
/// turn sees exactly the objects a watcher would have delivered, and nothing the run did not mean to change.
/// </summary>
internal sealed class BudgetClusterCache(IReadOnlyList<V1Node> nodes) : IClusterCache
{
    private readonly ConcurrentDictionary<(string Namespace, string Name), V1Service> services = new();
    private readonly ConcurrentDictionary<(string Namespace, string Service), V1EndpointSlice> slices = new();

    public bool HasSynced => true;

    public Task WaitForSyncAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Put(V1Service service) => services[(service.Metadata.NamespaceProperty, service.Metadata.Name)] = service;

    public void Remove(string @namespace, string name) => services.TryRemove((@namespace, name), out _);

    /// <summary>The Service's only EndpointSlice (the budget Services have one each).</summary>
    public void Put(string @namespace, string serviceName, V1EndpointSlice slice) => slices[(@namespace, serviceName)] = slice;

    public V1Service? GetService(string @namespace, string name) => services.GetValueOrDefault((@namespace, name));

    public IReadOnlyList<V1Service> ListServices() => [.. services.Values];

    public IReadOnlyList<V1EndpointSlice> GetEndpointSlices(string @namespace, string serviceName) =>
        slices.TryGetValue((@namespace, serviceName), out var slice) ? [slice] : [];

    public V1Node? GetNode(string name) => nodes.FirstOrDefault(n => n.Metadata.Name == name);

    public IReadOnlyList<V1Node> ListNodes() => nodes;
}

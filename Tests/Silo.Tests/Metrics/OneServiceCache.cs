using Ccm.Grains.Cluster;
using k8s.Models;

namespace Ccm.Silo.Tests.Metrics;

/// <summary>A cluster cache that holds at most one Service, which the test replaces between turns.</summary>
public sealed class OneServiceCache : IClusterCache
{
    public V1Service? Service { get; set; }

    public bool HasSynced { get; set; } = true;

    public Task WaitForSyncAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public V1Service? GetService(string @namespace, string name) =>
        Service?.Metadata.NamespaceProperty == @namespace && Service.Metadata.Name == name ? Service : null;

    public IReadOnlyList<V1Service> ListServices() => Service is null ? [] : [Service];

    public IReadOnlyList<V1EndpointSlice> GetEndpointSlices(string @namespace, string serviceName) => [];

    public V1Node? GetNode(string name) => null;

    public IReadOnlyList<V1Node> ListNodes() => [];
}

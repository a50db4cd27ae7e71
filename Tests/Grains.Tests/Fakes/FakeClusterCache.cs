using Ccm.Grains.Cluster;
using Ccm.Kube.Models;

namespace Ccm.Grains.Tests.Fakes;

/// <summary>An <see cref="IClusterCache"/> a test fills by hand.</summary>
public sealed class FakeClusterCache : IClusterCache
{
    private readonly Dictionary<string, Service> services = [];
    private readonly Dictionary<string, Node> nodes = [];
    private readonly List<EndpointSlice> slices = [];

    public bool HasSynced { get; set; } = true;

    public Task WaitForSyncAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public FakeClusterCache With(Service service)
    {
        services[$"{service.Metadata.Namespace}/{service.Metadata.Name}"] = service;
        return this;
    }

    public FakeClusterCache With(Node node)
    {
        nodes[node.Metadata.Name!] = node;
        return this;
    }

    public FakeClusterCache With(EndpointSlice slice)
    {
        slices.RemoveAll(s => s.Metadata.Namespace == slice.Metadata.Namespace && s.Metadata.Name == slice.Metadata.Name);
        slices.Add(slice);
        return this;
    }

    public FakeClusterCache WithoutService(string @namespace, string name)
    {
        services.Remove($"{@namespace}/{name}");
        return this;
    }

    public FakeClusterCache WithoutNode(string name)
    {
        nodes.Remove(name);
        return this;
    }

    public Service? GetService(string @namespace, string name) => services.GetValueOrDefault($"{@namespace}/{name}");

    public IReadOnlyList<Service> ListServices() => [.. services.Values];

    public IReadOnlyList<EndpointSlice> GetEndpointSlices(string @namespace, string serviceName) =>
        [.. slices.Where(s => s.Metadata.Namespace == @namespace
            && s.Metadata.Labels?.GetValueOrDefault("kubernetes.io/service-name") == serviceName)];

    public Node? GetNode(string name) => nodes.GetValueOrDefault(name);

    public IReadOnlyList<Node> ListNodes() => [.. nodes.Values];
}

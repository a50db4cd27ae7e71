using Ccm.Grains.Cluster;
using Ccm.Kube.Cache;
using k8s;
using k8s.Models;

namespace Ccm.Grains.Tests.Fakes;

/// <summary>
/// An <see cref="IClusterCache"/> a test fills by hand. Like the silo's informer cache it hands out the objects it
/// holds, shared, and like the informer under <c>KUBE_CACHE_MUTATION_DETECTOR</c> it fingerprints each one when it is put
/// in: replacing or removing an object that changed in place, or <see cref="VerifyUnchanged"/>, throws
/// <see cref="CachedObjectMutatedException"/>. The harnesses verify after every turn and round.
/// </summary>
public sealed class FakeClusterCache : IClusterCache
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, V1Service> services = new(StringComparer.Ordinal);
    private readonly Dictionary<string, V1Node> nodes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, V1EndpointSlice> slices = new(StringComparer.Ordinal);
    private readonly Dictionary<IKubernetesObject<V1ObjectMeta>, (string Key, ulong Fingerprint)> fingerprints = new(ReferenceEqualityComparer.Instance);

    public bool HasSynced { get; set; } = true;

    public Task WaitForSyncAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public FakeClusterCache With(V1Service service) => Put(services, "services", service);

    public FakeClusterCache With(V1Node node) => Put(nodes, "nodes", node);

    public FakeClusterCache With(V1EndpointSlice slice) => Put(slices, "endpointslices", slice);

    public FakeClusterCache WithoutService(string @namespace, string name) => Drop(services, ObjectKey.For(@namespace, name));

    public FakeClusterCache WithoutNode(string name) => Drop(nodes, name);

    public V1Service? GetService(string @namespace, string name)
    {
        lock (gate)
        {
            return services.GetValueOrDefault(ObjectKey.For(@namespace, name));
        }
    }

    public IReadOnlyList<V1Service> ListServices()
    {
        lock (gate)
        {
            return [.. services.Values];
        }
    }

    public IReadOnlyList<V1EndpointSlice> GetEndpointSlices(string @namespace, string serviceName)
    {
        lock (gate)
        {
            return [.. slices.Values.Where(s => KubeIndexes.EndpointSliceService(s).Contains(ObjectKey.For(@namespace, serviceName)))];
        }
    }

    public V1Node? GetNode(string name)
    {
        lock (gate)
        {
            return nodes.GetValueOrDefault(name);
        }
    }

    /// <summary>How many times the nodes were listed: a turn that has not listed them holds no member built from them.</summary>
    public int NodeLists { get; private set; }

    public IReadOnlyList<V1Node> ListNodes()
    {
        lock (gate)
        {
            NodeLists++;
            return [.. nodes.Values];
        }
    }

    /// <summary>Throws <see cref="CachedObjectMutatedException"/> if any object changed since it was put in.</summary>
    public void VerifyUnchanged()
    {
        lock (gate)
        {
            foreach (var (obj, _) in fingerprints)
            {
                Verify(obj);
            }
        }
    }

    private FakeClusterCache Put<T>(Dictionary<string, T> objects, string resource, T obj)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        var key = ObjectKey.Of(obj);
        lock (gate)
        {
            if (objects.TryGetValue(key, out var old))
            {
                Forget(old);
            }

            objects[key] = obj;
            fingerprints[obj] = ($"{resource} {key}", CacheMutationDetector.Fingerprint(obj));
        }

        return this;
    }

    private FakeClusterCache Drop<T>(Dictionary<string, T> objects, string key)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        lock (gate)
        {
            if (objects.Remove(key, out var old))
            {
                Forget(old);
            }
        }

        return this;
    }

    private void Forget(IKubernetesObject<V1ObjectMeta> old)
    {
        Verify(old);
        fingerprints.Remove(old);
    }

    private void Verify(IKubernetesObject<V1ObjectMeta> cached)
    {
        if (fingerprints.TryGetValue(cached, out var had) && had.Fingerprint != CacheMutationDetector.Fingerprint(cached))
        {
            throw new CachedObjectMutatedException(had.Key);
        }
    }
}

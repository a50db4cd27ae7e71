using k8s;
using k8s.Models;

namespace Ccm.Grains.Cluster;

/// <summary>
/// The silo's read model of the cluster, filled by the watcher grain's informers. Grains read it at the start of
/// every turn (level-triggered: never the event that woke them). Reads are snapshots and never block on the network;
/// returned objects are shared and must not be mutated.
/// </summary>
public interface IClusterCache
{
    /// <summary>True once Services, EndpointSlices and Nodes have all been listed. Before that an absent object
    /// proves nothing: grains must not delete anything on the strength of an unsynced cache.</summary>
    bool HasSynced { get; }

    /// <summary>Completes when <see cref="HasSynced"/> becomes true.</summary>
    Task WaitForSyncAsync(CancellationToken cancellationToken);

    V1Service? GetService(string @namespace, string name);

    IReadOnlyList<V1Service> ListServices();

    /// <summary>The EndpointSlices labelled <c>kubernetes.io/service-name=&lt;name&gt;</c> in the namespace.</summary>
    IReadOnlyList<V1EndpointSlice> GetEndpointSlices(string @namespace, string serviceName);

    V1Node? GetNode(string name);

    IReadOnlyList<V1Node> ListNodes();
}

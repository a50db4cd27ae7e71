using k8s;
using k8s.Models;

namespace Ccm.Kube.Watch;

/// <summary>What a <see cref="Reflector{T}"/> feeds: a full state to replace the cache with, then events.</summary>
internal interface IReflectorSink<T>
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    /// <summary>A complete list: the cache becomes exactly these objects.</summary>
    void Replace(IReadOnlyList<T> items);

    /// <summary>One ADDED, MODIFIED or DELETED event, in stream order.</summary>
    void Apply(WatchEventType type, T obj);
}

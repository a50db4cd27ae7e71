using Ccm.Kube.Api;
using Ccm.Kube.Models;

namespace Ccm.Kube.Watch;

/// <summary>What a <see cref="Reflector{T}"/> feeds: a full state to replace the cache with, then events.</summary>
internal interface IReflectorSink<T>
    where T : class, IKubeObject<T>
{
    /// <summary>A complete list at <paramref name="resourceVersion"/>: the cache becomes exactly these objects.</summary>
    void Replace(IReadOnlyList<T> items, string resourceVersion);

    /// <summary>One ADDED, MODIFIED or DELETED event, in stream order.</summary>
    void Apply(WatchEvent<T> watchEvent);
}

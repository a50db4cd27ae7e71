using k8s;
using k8s.Models;

namespace Ccm.Kube.Cache;

/// <summary>How the cache changed.</summary>
public enum ChangeType
{
    Added,
    Modified,
    Deleted,
}

/// <summary>
/// One change of an informer's cache: <see cref="Old"/> is what the cache held before (null for Added),
/// <see cref="New"/> what it holds now (null for Deleted; then <see cref="Old"/> is the object's final state: as the
/// DELETED event sent it, or as last cached when a relist found it gone).
/// Both are shared, immutable snapshots: never mutate them.
/// </summary>
public sealed record ObjectChange<T>(ChangeType Type, string Key, T? Old, T? New)
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    /// <summary>The object as it is now, or as it was last seen when deleted.</summary>
    public T Object => New ?? Old!;

    public override string ToString() => $"{Type} {Key} {Old?.Metadata.ResourceVersion ?? "-"} -> {New?.Metadata.ResourceVersion ?? "-"}";
}

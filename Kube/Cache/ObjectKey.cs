using k8s;
using k8s.Models;

namespace Ccm.Kube.Cache;

/// <summary>
/// The cache key of an object: <c>namespace/name</c>, or <c>name</c> for cluster-scoped objects (client-go's
/// MetaNamespaceKeyFunc), which is also the key of the grain that owns it.
/// </summary>
public static class ObjectKey
{
    public static string For(string? @namespace, string name) => string.IsNullOrEmpty(@namespace) ? name : $"{@namespace}/{name}";

    public static string Of(IKubernetesObject<V1ObjectMeta> obj) => For(obj.Metadata.NamespaceProperty, obj.Metadata.Name ?? "");

    /// <summary>Splits a key back into namespace (null for cluster-scoped) and name.</summary>
    public static (string? Namespace, string Name) Split(string key)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? (null, key) : (key[..slash], key[(slash + 1)..]);
    }
}

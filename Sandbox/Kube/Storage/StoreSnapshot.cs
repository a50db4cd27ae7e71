using System.Collections.Immutable;

namespace Ccm.Sandbox.Kube.Storage;

/// <summary>
/// Every object at one resourceVersion. Snapshots are immutable and share structure, so a reader takes the current one
/// with a single volatile read and lists from it without any lock while writers carry on.
/// </summary>
internal sealed class StoreSnapshot
{
    private static readonly ImmutableSortedDictionary<string, StoredObject> NoObjects =
        ImmutableSortedDictionary.Create<string, StoredObject>(StringComparer.Ordinal);

    public StoreSnapshot(long resourceVersion, ImmutableDictionary<ResourceType, ImmutableSortedDictionary<string, StoredObject>> collections)
    {
        ResourceVersion = resourceVersion;
        Collections = collections;
    }

    public static StoreSnapshot Empty(long resourceVersion) =>
        new(resourceVersion, ImmutableDictionary.Create<ResourceType, ImmutableSortedDictionary<string, StoredObject>>(ReferenceEqualityComparer.Instance));

    /// <summary>The newest resourceVersion committed when this snapshot was published (across every kind).</summary>
    public long ResourceVersion { get; }

    public ImmutableDictionary<ResourceType, ImmutableSortedDictionary<string, StoredObject>> Collections { get; }

    public ImmutableSortedDictionary<string, StoredObject> Of(ResourceType type) => Collections.GetValueOrDefault(type) ?? NoObjects;

    public StoredObject? Get(ResourceType type, string? ns, string name) =>
        Of(type).GetValueOrDefault(ObjectKey.Of(type.Namespaced ? ns : null, name));

    /// <summary>Objects of a kind, in key order; only those of <paramref name="ns"/> when given.</summary>
    public IEnumerable<StoredObject> List(ResourceType type, string? ns = null)
    {
        var all = Of(type).Values;
        return string.IsNullOrEmpty(ns) || !type.Namespaced ? all : all.Where(o => o.Namespace == ns);
    }

    public StoreSnapshot With(long resourceVersion, ResourceType type, ImmutableSortedDictionary<string, StoredObject> objects) =>
        new(resourceVersion, Collections.SetItem(type, objects));

    public StoreSnapshot WithVersion(long resourceVersion) => new(resourceVersion, Collections);
}

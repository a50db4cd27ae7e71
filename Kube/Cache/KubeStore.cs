using k8s;
using k8s.Models;

namespace Ccm.Kube.Cache;

/// <summary>
/// A thread-safe, indexed cache of objects of one kind, keyed by <see cref="ObjectKey"/>. The objects are shared by
/// every reader and KubernetesClient's models are mutable: never change one (build a patch, or a copy). With
/// <c>detectMutation</c> every stored object is fingerprinted and checked when it leaves (<see cref="CacheMutationDetector"/>).
/// Only its <see cref="Informer{T}"/> writes.
/// </summary>
public sealed class KubeStore<T>
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, T> items = new(StringComparer.Ordinal);
    private readonly StoreIndexes<T> indexes;
    private readonly Dictionary<string, ulong>? fingerprints;

    public KubeStore(IReadOnlyDictionary<string, Func<T, IEnumerable<string>>>? indexers = null, bool detectMutation = false)
    {
        indexes = new StoreIndexes<T>(indexers ?? new Dictionary<string, Func<T, IEnumerable<string>>>());
        fingerprints = detectMutation ? new Dictionary<string, ulong>(StringComparer.Ordinal) : null;
    }

    public int Count
    {
        get { lock (gate) { return items.Count; } }
    }

    /// <summary>The names of the secondary indexes this store maintains.</summary>
    public IReadOnlyCollection<string> IndexNames => indexes.Names;

    public T? Get(string key)
    {
        lock (gate)
        {
            return items.GetValueOrDefault(key);
        }
    }

    public T? Get(string? @namespace, string name) => Get(ObjectKey.For(@namespace, name));

    /// <summary>A snapshot of every object.</summary>
    public IReadOnlyList<T> List()
    {
        lock (gate)
        {
            return [.. items.Values];
        }
    }

    /// <summary>A snapshot of every key.</summary>
    public IReadOnlyList<string> Keys()
    {
        lock (gate)
        {
            return [.. items.Keys];
        }
    }

    /// <summary>The objects whose index function yields <paramref name="value"/> for <paramref name="indexName"/>.</summary>
    public IReadOnlyList<T> ByIndex(string indexName, string value)
    {
        lock (gate)
        {
            return [.. indexes.Keys(indexName, value).Select(k => items[k])];
        }
    }

    /// <summary>The values currently present in an index (e.g. every Service that has slices).</summary>
    public IReadOnlyList<string> IndexValues(string indexName)
    {
        lock (gate)
        {
            return indexes.Values(indexName);
        }
    }

    /// <summary>
    /// Stores a watched object. Returns the changes it makes: none when the cache already holds this or a newer version
    /// (a replayed event), Modified for a new version, Added for a new key, and Deleted + Added when the name now
    /// belongs to a different object (another uid).
    /// </summary>
    internal void Upsert(T obj, List<ObjectChange<T>> changes) => Store(obj, changes, fromList: false);

    /// <summary>
    /// Removes a deleted object; no change if the cache does not hold it (a replayed DELETED). The change carries the
    /// object as the DELETED event sent it (its final state) as <see cref="ObjectChange{T}.Old"/>.
    /// </summary>
    internal void Remove(T obj, List<ObjectChange<T>> changes)
    {
        var key = ObjectKey.Of(obj);
        lock (gate)
        {
            if (items.TryGetValue(key, out var old))
            {
                Drop(key, old);
                changes.Add(new ObjectChange<T>(ChangeType.Deleted, key, obj, null));
            }
        }
    }

    /// <summary>
    /// Makes the cache equal to a fresh list, as the changes that lead there: Added/Modified for what is new or
    /// different, Deleted (with the last cached state) for what the list no longer holds. A list is the truth even when
    /// its versions are lower than the cached ones: an API server that lost its state starts counting again.
    /// </summary>
    internal void Replace(IReadOnlyList<T> list, List<ObjectChange<T>> changes)
    {
        lock (gate)
        {
            var listed = new HashSet<string>(list.Count, StringComparer.Ordinal);
            foreach (var obj in list)
            {
                listed.Add(ObjectKey.Of(obj));
                Store(obj, changes, fromList: true);
            }

            foreach (var (key, old) in items.Where(kv => !listed.Contains(kv.Key)).ToList())
            {
                Drop(key, old);
                changes.Add(new ObjectChange<T>(ChangeType.Deleted, key, old, null));
            }
        }
    }

    /// <summary>Throws <see cref="CachedObjectMutatedException"/> if any cached object changed in place (detector on only).</summary>
    public void VerifyUnchanged()
    {
        lock (gate)
        {
            foreach (var (key, obj) in items)
            {
                Verify(key, obj);
            }
        }
    }

    private void Store(T obj, List<ObjectChange<T>> changes, bool fromList)
    {
        var key = ObjectKey.Of(obj);
        lock (gate)
        {
            var old = items.GetValueOrDefault(key);
            if (old is not null && (fromList ? IsSameVersion(old, obj) : IsSameOrOlderVersion(old, obj)))
            {
                return;
            }

            if (old is not null && IsOtherIncarnation(old, obj))
            {
                Drop(key, old);
                changes.Add(new ObjectChange<T>(ChangeType.Deleted, key, old, null));
                old = null;
            }
            else if (old is not null)
            {
                Verify(key, old);
            }

            items[key] = obj;
            if (fingerprints is not null)
            {
                fingerprints[key] = CacheMutationDetector.Fingerprint(obj);
            }

            indexes.Update(key, old, obj);
            changes.Add(new ObjectChange<T>(old is null ? ChangeType.Added : ChangeType.Modified, key, old, obj));
        }
    }

    private void Drop(string key, T old)
    {
        Verify(key, old);
        items.Remove(key);
        fingerprints?.Remove(key);
        indexes.Update(key, old, null);
    }

    private void Verify(string key, T cached)
    {
        if (fingerprints is not null && fingerprints.TryGetValue(key, out var had) && had != CacheMutationDetector.Fingerprint(cached))
        {
            throw new CachedObjectMutatedException(key);
        }
    }

    private static bool IsSameVersion(T cached, T incoming) =>
        !IsOtherIncarnation(cached, incoming) && cached.Metadata.ResourceVersion is { Length: > 0 } had && had == incoming.Metadata.ResourceVersion;

    /// <summary>
    /// A replayed or stale event: same object, and a version that is not newer. Versions of one kind order by
    /// length, then lexically (API Concepts, "Resource versions": comparable since 1.35); equal means identical.
    /// </summary>
    private static bool IsSameOrOlderVersion(T cached, T incoming)
    {
        if (IsOtherIncarnation(cached, incoming)
            || cached.Metadata.ResourceVersion is not { Length: > 0 } had
            || incoming.Metadata.ResourceVersion is not { Length: > 0 } got)
        {
            return false;
        }

        return got.Length != had.Length ? got.Length < had.Length : string.CompareOrdinal(got, had) <= 0;
    }

    private static bool IsOtherIncarnation(T cached, T incoming) =>
        cached.Metadata.Uid is { Length: > 0 } a && incoming.Metadata.Uid is { Length: > 0 } b && a != b;
}

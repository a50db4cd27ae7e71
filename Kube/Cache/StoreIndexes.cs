using k8s;
using k8s.Models;

namespace Ccm.Kube.Cache;

/// <summary>The secondary indexes of a <see cref="KubeStore{T}"/>: index name -> value -> keys. Not thread-safe; the store locks.</summary>
internal sealed class StoreIndexes<T>(IReadOnlyDictionary<string, Func<T, IEnumerable<string>>> indexers)
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    private readonly Dictionary<string, Dictionary<string, HashSet<string>>> indexes =
        indexers.Keys.ToDictionary(name => name, _ => new Dictionary<string, HashSet<string>>(StringComparer.Ordinal), StringComparer.Ordinal);

    public IReadOnlyCollection<string> Names => indexers.Keys.ToList();

    public IEnumerable<string> Keys(string indexName, string value) =>
        Index(indexName).TryGetValue(value, out var keys) ? keys : [];

    public IReadOnlyList<string> Values(string indexName) => [.. Index(indexName).Keys];

    /// <summary>Moves <paramref name="key"/> from the values of <paramref name="old"/> to those of <paramref name="current"/>.</summary>
    public void Update(string key, T? old, T? current)
    {
        foreach (var (name, indexer) in indexers)
        {
            var index = indexes[name];
            if (old is not null)
            {
                foreach (var value in indexer(old))
                {
                    if (index.TryGetValue(value, out var keys) && keys.Remove(key) && keys.Count == 0)
                    {
                        index.Remove(value);
                    }
                }
            }

            if (current is not null)
            {
                foreach (var value in indexer(current))
                {
                    if (!index.TryGetValue(value, out var keys))
                    {
                        index[value] = keys = new HashSet<string>(StringComparer.Ordinal);
                    }

                    keys.Add(key);
                }
            }
        }
    }

    private Dictionary<string, HashSet<string>> Index(string name) =>
        indexes.TryGetValue(name, out var index) ? index : throw new ArgumentException($"no index named '{name}'", nameof(name));
}

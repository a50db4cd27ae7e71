using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Ccm.Kube.Cache;

/// <summary>
/// A cached object's labels, annotations or selector: a read-only map in one array of keys and values, in the order
/// the object gave them. A <see cref="Dictionary{TKey,TValue}"/> of four entries takes about 320 bytes (the map, its
/// entries and its buckets), this about 110; a large cluster caches some 30,000 of them. Lookups scan the keys, which
/// for the handful a Kubernetes object carries is as fast as hashing. Writing throws: a cached object is never mutated
/// (build a patch instead).
/// </summary>
public sealed class CachedDictionary : IDictionary<string, string>, IReadOnlyDictionary<string, string>
{
    /// <summary>Beyond this many entries a scan would be slow; such a map stays a <see cref="Dictionary{TKey,TValue}"/>.</summary>
    public const int MaxEntries = 32;

    // Keys at even indexes, each one's value after it.
    private readonly string[] pairs;

    private CachedDictionary(string[] pairs) => this.pairs = pairs;

    public int Count => pairs.Length / 2;

    public bool IsReadOnly => true;

    public ICollection<string> Keys => [.. Pairs().Select(p => p.Key)];

    public ICollection<string> Values => [.. Pairs().Select(p => p.Value)];

    IEnumerable<string> IReadOnlyDictionary<string, string>.Keys => Keys;

    IEnumerable<string> IReadOnlyDictionary<string, string>.Values => Values;

    public string this[string key]
    {
        get => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"The key '{key}' was not present in the map.");
        set => throw ReadOnly();
    }

    /// <summary>
    /// The entries of <paramref name="map"/> with each key passed through <paramref name="shareKey"/> and each value through <paramref name="shareValue"/>: a
    /// <see cref="CachedDictionary"/>, or a <see cref="Dictionary{TKey,TValue}"/> past <see cref="MaxEntries"/>.
    /// </summary>
    public static IDictionary<string, string> From(IDictionary<string, string> map, Func<string, string> shareKey, Func<string, string> shareValue)
    {
        if (map.Count > MaxEntries)
        {
            var large = new Dictionary<string, string>(map.Count, StringComparer.Ordinal);
            foreach (var (key, value) in map)
            {
                large[shareKey(key)] = shareValue(value);
            }

            return large;
        }

        var pairs = new string[map.Count * 2];
        var i = 0;
        foreach (var (key, value) in map)
        {
            (pairs[i], pairs[i + 1]) = (shareKey(key), shareValue(value));
            i += 2;
        }

        return new CachedDictionary(pairs);
    }

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value)
    {
        ArgumentNullException.ThrowIfNull(key);
        for (var i = 0; i < pairs.Length; i += 2)
        {
            if (string.Equals(pairs[i], key, StringComparison.Ordinal))
            {
                value = pairs[i + 1];
                return true;
            }
        }

        value = null;
        return false;
    }

    public bool ContainsKey(string key) => TryGetValue(key, out _);

    public bool Contains(KeyValuePair<string, string> item) => TryGetValue(item.Key, out var value) && string.Equals(value, item.Value, StringComparison.Ordinal);

    public void CopyTo(KeyValuePair<string, string>[] array, int arrayIndex)
    {
        ArgumentNullException.ThrowIfNull(array);
        ArgumentOutOfRangeException.ThrowIfLessThan(array.Length - arrayIndex, Count, nameof(array));
        foreach (var pair in Pairs())
        {
            array[arrayIndex++] = pair;
        }
    }

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => Pairs().GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public void Add(string key, string value) => throw ReadOnly();

    public void Add(KeyValuePair<string, string> item) => throw ReadOnly();

    public bool Remove(string key) => throw ReadOnly();

    public bool Remove(KeyValuePair<string, string> item) => throw ReadOnly();

    public void Clear() => throw ReadOnly();

    private IEnumerable<KeyValuePair<string, string>> Pairs()
    {
        for (var i = 0; i < pairs.Length; i += 2)
        {
            yield return new(pairs[i], pairs[i + 1]);
        }
    }

    private static NotSupportedException ReadOnly() =>
        new("A cached object's labels, annotations and selector are read-only: copy the map, or build a patch, to change them.");
}

namespace Ccm.Kube.Cache;

/// <summary>
/// One shared copy of each string that many cached objects repeat: label and annotation keys, short label and
/// annotation values, namespaces, node names in EndpointSlices, zones, condition texts. The JSON decoder gives every
/// object its own copies (2,000 Nodes carry the same 14 label keys, 5 condition messages and so on), which made up a
/// good part of a large cluster's cache. Bounded, unlike <see cref="string.Intern"/>: past <see cref="Capacity"/>
/// distinct strings it shares only those it has and returns any other as given, so a churn of new values (pod hashes,
/// timestamps) never grows it without limit. Thread-safe.
/// </summary>
public sealed class CacheStrings(int capacity)
{
    /// <summary>Longest value shared: label values are at most 63 characters; longer annotation values are seldom repeated.</summary>
    public const int MaxValueLength = 64;

    private readonly Lock gate = new();
    private readonly HashSet<string> pool = new(StringComparer.Ordinal);

    /// <summary>The process's pool, used by <see cref="CacheTrim"/>.</summary>
    public static CacheStrings Shared { get; } = new(100_000);

    public int Capacity => capacity;

    public int Count
    {
        get
        {
            lock (gate)
            {
                return pool.Count;
            }
        }
    }

    /// <summary>The shared copy of <paramref name="value"/> (itself, the first time, while there is room).</summary>
    public string? Share(string? value)
    {
        if (value is null)
        {
            return null;
        }

        lock (gate)
        {
            if (pool.TryGetValue(value, out var shared))
            {
                return shared;
            }

            if (pool.Count < capacity)
            {
                pool.Add(value);
            }

            return value;
        }
    }

    /// <summary>A short value's shared copy; a long one as given.</summary>
    public string? ShareShort(string? value) => value is { Length: <= MaxValueLength } ? Share(value) : value;

    /// <summary>The same entries, keys shared and short values shared, in a compact read-only map (<see cref="CachedDictionary"/>); null stays null.</summary>
    public IDictionary<string, string>? Share(IDictionary<string, string>? map) =>
        map is null ? null : CachedDictionary.From(map, key => Share(key)!, value => ShareShort(value)!);

    /// <summary>The same list with each item shared, in place; null stays null.</summary>
    public void ShareEach(IList<string>? items)
    {
        for (var i = 0; i < (items?.Count ?? 0); i++)
        {
            items![i] = Share(items[i])!;
        }
    }
}

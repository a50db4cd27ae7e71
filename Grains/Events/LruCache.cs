namespace Ccm.Grains.Events;

/// <summary>A small least-recently-used map (client-go's recorder bounds its caches the same way). Not thread-safe.</summary>
internal sealed class LruCache<TKey, TValue>(int capacity)
    where TKey : notnull
{
    private readonly Dictionary<TKey, LinkedListNode<(TKey Key, TValue Value)>> map = [];
    private readonly LinkedList<(TKey Key, TValue Value)> order = new();

    public int Count => map.Count;

    public bool TryGet(TKey key, out TValue value)
    {
        if (map.TryGetValue(key, out var node))
        {
            order.Remove(node);
            order.AddFirst(node);
            value = node.Value.Value;
            return true;
        }

        value = default!;
        return false;
    }

    public void Set(TKey key, TValue value)
    {
        if (map.TryGetValue(key, out var node))
        {
            order.Remove(node);
        }
        else if (map.Count >= capacity && order.Last is { } oldest)
        {
            order.RemoveLast();
            map.Remove(oldest.Value.Key);
        }

        map[key] = order.AddFirst((key, value));
    }

    public void Remove(TKey key)
    {
        if (map.Remove(key, out var node))
        {
            order.Remove(node);
        }
    }
}

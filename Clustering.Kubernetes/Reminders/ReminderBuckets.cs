namespace Ccm.Clustering.Kubernetes.Reminders;

/// <summary>
/// Splits the 32-bit uniform hash ring into <c>count</c> equal slices, one per bucket ConfigMap, in ring order: bucket
/// <c>b</c> holds the hashes <c>h</c> with <c>h * count / 2^32 == b</c>. A range read then touches only the buckets its
/// range overlaps. Ranges follow <c>IReminderTable.ReadRows(begin, end)</c>: (begin, end], and when begin &gt;= end the
/// range wraps: (begin, 2^32-1] and [0, end], which for begin == end is the whole ring.
/// </summary>
public static class ReminderBuckets
{
    /// <summary>The bucket of <paramref name="hash"/>.</summary>
    public static int Of(uint hash, int count) => (int)(((ulong)hash * (ulong)count) >> 32);

    /// <summary>Whether <paramref name="hash"/> lies in the range (begin, end], wrapping when begin &gt;= end.</summary>
    public static bool InRange(uint hash, uint begin, uint end) =>
        begin < end ? hash > begin && hash <= end : hash > begin || hash <= end;

    /// <summary>The buckets that can hold a hash of the range (begin, end], in ascending order, each once.</summary>
    public static IReadOnlyList<int> Overlapping(uint begin, uint end, int count)
    {
        if (begin < end)
        {
            return Span(Of(begin + 1, count), Of(end, count));
        }

        // Wrapping: the tail of the ring after begin (empty when begin is the last hash), then its head up to end.
        var tail = begin == uint.MaxValue ? [] : Span(Of(begin + 1, count), count - 1);
        return [.. tail.Union(Span(0, Of(end, count))).Order()];
    }

    private static IReadOnlyList<int> Span(int first, int last) => [.. Enumerable.Range(first, last - first + 1)];
}

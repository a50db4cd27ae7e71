using System.Globalization;
using System.Text.Json;
using Ccm.Clustering.Kubernetes.Objects;
using k8s.Models;

namespace Ccm.Clustering.Kubernetes.Reminders;

/// <summary>
/// One bucket ConfigMap as read: its reminders, and the bucket count and index it was created with (annotations), which
/// the table checks so that a silo configured with another count refuses to start rather than look for reminders in
/// the wrong bucket. Rows that do not parse are reported, not fatal: one hand-edited key must not stop every reminder
/// in its slice of the ring, and a write carries such keys over unchanged.
/// </summary>
internal sealed class ReminderBucket
{
    public const string BucketCountAnnotation = ObjectLabels.Domain + "/reminder-buckets";

    public const string BucketIndexAnnotation = ObjectLabels.Domain + "/reminder-bucket";

    private ReminderBucket(V1ConfigMap source, IReadOnlyDictionary<string, ReminderRow> rows, IReadOnlyList<string> unreadable)
    {
        Source = source;
        Rows = rows;
        UnreadableKeys = unreadable;
    }

    /// <summary>The ConfigMap as read; a write replaces it conditioned on its resourceVersion.</summary>
    public V1ConfigMap Source { get; }

    /// <summary>Rows by data key.</summary>
    public IReadOnlyDictionary<string, ReminderRow> Rows { get; }

    /// <summary>Keys whose value is not a reminder row.</summary>
    public IReadOnlyList<string> UnreadableKeys { get; }

    /// <summary>The bucket count recorded on the ConfigMap, or null when it carries none.</summary>
    public int? RecordedBucketCount =>
        Source.Metadata?.Annotations?.TryGetValue(BucketCountAnnotation, out var text) == true &&
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count) ? count : null;

    public static ReminderBucket Parse(V1ConfigMap map)
    {
        var rows = new Dictionary<string, ReminderRow>(StringComparer.Ordinal);
        var unreadable = new List<string>();
        foreach (var (key, value) in map.Data ?? new Dictionary<string, string>())
        {
            try
            {
                rows[key] = JsonSerializer.Deserialize(value, ReminderJsonContext.Default.ReminderRow) ?? throw new JsonException("null row");
            }
            catch (Exception e) when (e is JsonException or FormatException or ArgumentException)
            {
                unreadable.Add(key);
            }
        }

        return new ReminderBucket(map, rows, unreadable);
    }

    /// <summary>The annotations a bucket is created with.</summary>
    public static Dictionary<string, string> Annotations(int bucket, int count) => new()
    {
        [BucketCountAnnotation] = count.ToString(CultureInfo.InvariantCulture),
        [BucketIndexAnnotation] = bucket.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>This bucket's data with <paramref name="key"/> set to <paramref name="row"/>, or removed when null.</summary>
    public Dictionary<string, string> With(string key, ReminderRow? row)
    {
        var data = new Dictionary<string, string>(Source.Data ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        if (row is null)
        {
            data.Remove(key);
        }
        else
        {
            data[key] = JsonSerializer.Serialize(row, ReminderJsonContext.Default.ReminderRow);
        }

        return data;
    }
}

using Orleans;
using Orleans.Runtime;

namespace Ccm.Clustering.Kubernetes.Tests.Support;

/// <summary>Grain ids and reminder entries for the reminder table tests.</summary>
public static class Grains
{
    public static GrainId Id(string key) => GrainId.Create("routetable", key);

    /// <summary><paramref name="count"/> distinct grains (keys from <paramref name="prefix"/>) that fall in one bucket of <paramref name="buckets"/>.</summary>
    public static IReadOnlyList<GrainId> InBucket(int bucket, int buckets, int count, string prefix) =>
        [.. Enumerable.Range(0, int.MaxValue).Select(i => Id($"{prefix}-{i}"))
            .Where(g => Ccm.Clustering.Kubernetes.Reminders.ReminderBuckets.Of(g.GetUniformHashCode(), buckets) == bucket)
            .Take(count)];

    public static ReminderEntry Reminder(GrainId grain, string name, int minutes = 1) => new()
    {
        GrainId = grain,
        ReminderName = name,
        StartAt = Silos.Epoch,
        Period = TimeSpan.FromMinutes(minutes),
    };
}

using System.Globalization;

namespace Ccm.Clustering.Kubernetes.Reminders;

/// <summary>The names of the reminder buckets, <c>{prefix}-reminders-{bucket}</c>, fixed by the prefix and the count.</summary>
/// <param name="Prefix">The object-name prefix, already resolved.</param>
/// <param name="Buckets">How many bucket ConfigMaps exist.</param>
public sealed record ReminderObjects(string Prefix, int Buckets)
{
    /// <summary>The ConfigMap of <paramref name="bucket"/>.</summary>
    public string BucketConfigMap(int bucket) => $"{Prefix}-reminders-{bucket.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Every bucket ConfigMap name, bucket 0 first.</summary>
    public IReadOnlyList<string> BucketConfigMaps => [.. Enumerable.Range(0, Buckets).Select(BucketConfigMap)];

    /// <summary>The names for <paramref name="options"/> in the service <paramref name="serviceId"/>.</summary>
    public static ReminderObjects For(KubernetesReminderTableOptions options, string serviceId) =>
        new(options.NamePrefix ?? Objects.ObjectNamePrefix.ForReminders(serviceId), options.Buckets);
}

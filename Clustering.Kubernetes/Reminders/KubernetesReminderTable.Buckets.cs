using Ccm.Clustering.Kubernetes.Objects;
using k8s.Models;
using Microsoft.Extensions.Logging;

namespace Ccm.Clustering.Kubernetes.Reminders;

/// <summary>Reading, creating and conditionally rewriting one bucket ConfigMap.</summary>
public sealed partial class KubernetesReminderTable
{
    private const int MaxWriteAttempts = 10;

    private async Task EnsureBucketAsync(int index, CancellationToken cancellationToken)
    {
        if (await ReadBucketAsync(index, cancellationToken) is null && !await configMaps.TryCreateAsync(NewBucket(index), cancellationToken))
        {
            // Another silo created it first: check what it wrote.
            await ReadBucketAsync(index, cancellationToken);
        }
    }

    /// <summary>The bucket, or null when its ConfigMap does not exist (no reminder was ever written to it).</summary>
    private async Task<ReminderBucket?> ReadBucketAsync(int index, CancellationToken cancellationToken)
    {
        var name = Objects.BucketConfigMap(index);
        if (await configMaps.TryGetAsync(name, cancellationToken) is not { } map)
        {
            return null;
        }

        var bucket = ReminderBucket.Parse(map);
        if (bucket.RecordedBucketCount != Objects.Buckets)
        {
            throw new KubernetesClusteringException(bucket.RecordedBucketCount is { } recorded
                ? $"Reminder bucket {configMaps.Namespace}/{name} was created for {recorded} buckets, but this silo is configured with {Objects.Buckets}. The bucket count is fixed once the buckets exist: set Buckets back to {recorded}, or, if the reminders may go, delete the ConfigMaps {Objects.Prefix}-reminders-0..{recorded - 1} and start again."
                : $"ConfigMap {configMaps.Namespace}/{name} has the name of a reminder bucket but not its annotation {ReminderBucket.BucketCountAnnotation}; it was not created by this table. Choose another NamePrefix or remove it.");
        }

        foreach (var key in bucket.UnreadableKeys)
        {
            logger.LogWarning("ConfigMap {ConfigMap} key {Key} is not a reminder; ignored", name, key);
        }

        return bucket;
    }

    /// <summary>
    /// Applies <paramref name="change"/> (new data, or null to leave the bucket alone and answer false) to the bucket
    /// and writes it conditioned on the resourceVersion it read. On a conflict it reads the bucket again and reapplies,
    /// so the change is judged against what is stored at the moment of writing.
    /// </summary>
    private async Task<bool> UpdateBucketAsync(int index, bool createIfAbsent, Func<ReminderBucket, Dictionary<string, string>?> change, CancellationToken cancellationToken)
    {
        var name = Objects.BucketConfigMap(index);
        for (var attempt = 1; attempt <= MaxWriteAttempts; attempt++)
        {
            if (await ReadBucketAsync(index, cancellationToken) is not { } bucket)
            {
                if (!createIfAbsent)
                {
                    return false;
                }

                await configMaps.TryCreateAsync(NewBucket(index), cancellationToken);
                continue;
            }

            if (change(bucket) is not { } data)
            {
                return false;
            }

            ConfigMapSize.EnsureFits(name, data,
                $"The reminders of one bucket (1/{Objects.Buckets} of the grains, by hash) must fit in it. Remove reminders that are no longer needed, or move the reminders to a table with more buckets (a new NamePrefix).");
            if (await configMaps.TryReplaceDataAsync(bucket.Source, data, cancellationToken) is not null)
            {
                return true;
            }

            logger.LogDebug("Reminder bucket {ConfigMap} changed while being written (attempt {Attempt}); reading it again", name, attempt);
            await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, 10 * attempt)), cancellationToken);
        }

        throw new KubernetesClusteringException($"Reminder bucket {configMaps.Namespace}/{name} changed under each of {MaxWriteAttempts} attempts to write it.");
    }

    private V1ConfigMap NewBucket(int index) => new()
    {
        Metadata = ObjectLabels.Metadata(options, Objects.BucketConfigMap(index), "orleans-reminders", ReminderBucket.Annotations(index, Objects.Buckets)),
        Data = new Dictionary<string, string>(),
    };
}

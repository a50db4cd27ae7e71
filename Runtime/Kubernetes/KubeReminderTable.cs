using System.Text.Json;
using System.Text.Json.Nodes;
using Ccm.Kube.Client;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;

namespace Ccm.Runtime.Kubernetes;

/// <summary>
/// <see cref="IReminderTable"/> on one ConfigMap per shard, <c>&lt;prefix&gt;-reminders-NN</c>, one data key per
/// reminder. Each write is a JSON merge patch of a single key (a value to set, <c>null</c> to delete), so grains of
/// one shard never overwrite each other's reminders and no read-modify-write race exists.
/// </summary>
public sealed class KubeReminderTable(IKubernetes kube, string @namespace, string prefix, ILogger<KubeReminderTable> logger) : IReminderTable
{
    private readonly LeaseNames names = new(prefix);

    public async Task<IReadOnlyList<ReminderEntry>> ReadShardAsync(int shard, CancellationToken cancellationToken)
    {
        V1ConfigMap? map;
        try
        {
            map = await kube.CoreV1.ReadNamespacedConfigMapAsync(names.Reminders(shard), @namespace, cancellationToken: cancellationToken);
        }
        catch (Exception ex) when (ex.IsNotFound())
        {
            map = null;
        }

        var entries = new List<ReminderEntry>();
        foreach (var (key, value) in map?.Data ?? new Dictionary<string, string>())
        {
            if (Parse(value) is { } entry)
            {
                entries.Add(entry);
            }
            else
            {
                // Someone edited the ConfigMap by hand: skip the entry rather than lose the shard's other reminders.
                logger.LogWarning("ConfigMap {ConfigMap} key {Key} is not a reminder; ignored", names.Reminders(shard), key);
            }
        }

        return entries;
    }

    public async Task UpsertAsync(int shard, ReminderEntry entry, CancellationToken cancellationToken)
    {
        var value = JsonSerializer.Serialize(StoredReminder.From(entry), ReminderJsonContext.Default.StoredReminder);
        await PatchKeyAsync(shard, ReminderKeys.For(entry.GrainId, entry.ReminderName), value, cancellationToken);
    }

    public async Task RemoveAsync(int shard, GrainId grainId, string reminderName, CancellationToken cancellationToken)
    {
        try
        {
            await PatchKeyAsync(shard, ReminderKeys.For(grainId, reminderName), null, cancellationToken, createIfMissing: false);
        }
        catch (Exception ex) when (ex.IsNotFound())
        {
        }
    }

    private async Task PatchKeyAsync(int shard, string key, string? value, CancellationToken cancellationToken, bool createIfMissing = true)
    {
        var patch = KubePatch.Merge(new JsonObject { ["data"] = new JsonObject { [key] = value } });
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await kube.CoreV1.PatchNamespacedConfigMapAsync(patch, names.Reminders(shard), @namespace, cancellationToken: cancellationToken);
                return;
            }
            catch (Exception ex) when (ex.IsNotFound() && createIfMissing && attempt == 0)
            {
                if (await TryCreateAsync(shard, key, value!, cancellationToken))
                {
                    return;
                }

                // Another silo created it meanwhile: patch that one.
            }
        }
    }

    private async Task<bool> TryCreateAsync(int shard, string key, string value, CancellationToken cancellationToken)
    {
        try
        {
            await kube.CoreV1.CreateNamespacedConfigMapAsync(
                new V1ConfigMap
                {
                    Metadata = new V1ObjectMeta { Name = names.Reminders(shard), NamespaceProperty = @namespace, Labels = names.Labels("reminders").ToDictionary() },
                    Data = new Dictionary<string, string> { [key] = value },
                },
                @namespace,
                cancellationToken: cancellationToken);
            return true;
        }
        catch (Exception ex) when (ex.IsAlreadyExists())
        {
            return false;
        }
    }

    private static ReminderEntry? Parse(string value)
    {
        try
        {
            return JsonSerializer.Deserialize(value, ReminderJsonContext.Default.StoredReminder)?.ToEntry();
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

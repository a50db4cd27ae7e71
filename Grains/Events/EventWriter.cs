using System.Globalization;
using System.Text.Json.Nodes;
using Ccm.Kube.Client;
using k8s;
using k8s.Models;

namespace Ccm.Grains.Events;

/// <summary>One event to write: what it is about and what it says.</summary>
internal sealed record PendingEvent(V1ObjectReference Regarding, string Type, string Reason, string Message, DateTimeOffset At);

/// <summary>How a write ended, for the recorder's counters.</summary>
internal enum WriteOutcome
{
    Created,
    Aggregated,
}

/// <summary>
/// Writes core/v1 Events as client-go's recorder does: the first occurrence is created
/// (<c>&lt;object&gt;.&lt;hex nanoseconds&gt;</c>, in the object's namespace or <c>default</c>); an identical one
/// (same object, type, reason, message and source) patches that Event's <c>count</c> and <c>lastTimestamp</c>.
/// Used by the recorder's single background loop only, so it keeps its cache without locks.
/// </summary>
internal sealed class EventWriter(IKubernetes api, EventRecorderOptions options)
{
    private readonly LruCache<string, (string Namespace, string Name, int Count)> written = new(options.CacheSize);

    public async Task<WriteOutcome> WriteAsync(PendingEvent pending, CancellationToken cancellationToken)
    {
        var key = AggregationKey(pending);
        if (written.TryGet(key, out var existing))
        {
            try
            {
                var count = existing.Count + 1;
                var patch = KubePatch.Merge(new JsonObject
                {
                    ["count"] = count,
                    ["lastTimestamp"] = pending.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                });
                await api.CoreV1.PatchNamespacedEventAsync(patch, existing.Name, existing.Namespace, cancellationToken: cancellationToken);
                written.Set(key, existing with { Count = count });
                return WriteOutcome.Aggregated;
            }
            catch (Exception e) when (e.IsNotFound())
            {
                // The Event expired (--event-ttl) or was deleted: start a new one.
                written.Remove(key);
            }
        }

        var created = NewEvent(pending);
        try
        {
            await api.CoreV1.CreateNamespacedEventAsync(created, created.Metadata.NamespaceProperty, cancellationToken: cancellationToken);
        }
        catch (Exception e) when (e.IsAlreadyExists())
        {
            // A retry of a create whose response was lost: it is there.
        }

        written.Set(key, (created.Metadata.NamespaceProperty!, created.Metadata.Name!, 1));
        return WriteOutcome.Created;
    }

    private Corev1Event NewEvent(PendingEvent pending)
    {
        var regarding = pending.Regarding;
        var nanoseconds = (pending.At - DateTimeOffset.UnixEpoch).Ticks * 100;
        return new Corev1Event
        {
            Metadata = new V1ObjectMeta
            {
                Name = $"{regarding.Name}.{nanoseconds:x}",
                NamespaceProperty = string.IsNullOrEmpty(regarding.NamespaceProperty) ? "default" : regarding.NamespaceProperty,
            },
            InvolvedObject = regarding,
            Reason = pending.Reason,
            Message = pending.Message,
            Type = pending.Type,
            Source = new V1EventSource { Component = options.Component },
            FirstTimestamp = pending.At.UtcDateTime,
            LastTimestamp = pending.At.UtcDateTime,
            Count = 1,
            ReportingComponent = options.Component,
            ReportingInstance = options.Instance,
        };
    }

    private string AggregationKey(PendingEvent e) => string.Join(
        '\n', options.Component, e.Regarding.Kind, e.Regarding.NamespaceProperty, e.Regarding.Name, e.Regarding.Uid, e.Regarding.ApiVersion, e.Type, e.Reason, e.Message);
}

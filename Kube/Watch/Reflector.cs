using System.Text.Json;
using Ccm.Kube.Cache;
using Ccm.Kube.Client;
using Ccm.Kube.Http;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;

namespace Ccm.Kube.Watch;

/// <summary>
/// client-go's reflector: lists (all pages), then watches from the list's resourceVersion with bookmarks, resuming from
/// the last version seen when a watch ends. It relists when the server no longer has that version (410 Gone) and when
/// the server is behind it ("Too large resource version": the API server restarted and lost its state, or a lagging
/// replica). A server behind us accepts a plain watch from our version and then delivers nothing, so before every
/// resumed watch a one-object list at our version (<c>resourceVersionMatch=NotOlderThan</c>) asks whether the server
/// has reached it. Every other failure is retried with backoff: an informer that stops quietly would leave its grains
/// acting on a frozen cache. The one exception is <see cref="CachedObjectMutatedException"/> (mutation detector on):
/// it ends the loop loudly. A watch event cut off by the end of its stream ends that watch like any other end.
/// </summary>
internal sealed partial class Reflector<T>(IListWatch<T> source, InformerOptions<T> options, IReflectorSink<T> sink, ILogger logger, KubeMetrics? metrics)
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    private static readonly TimeSpan ShortWatch = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan ClientGrace = TimeSpan.FromSeconds(30);

    private readonly Backoff backoff = new(options.InitialBackoff, options.MaxBackoff, options.TimeProvider);

    public string? LastSyncResourceVersion { get; private set; }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var listReason = "initial";
        while (!cancellationToken.IsCancellationRequested)
        {
            TimeSpan? pause = null;
            try
            {
                if (listReason is not null)
                {
                    await ListAsync(listReason, cancellationToken);
                    listReason = null;
                }

                listReason = await ProbeAsync(cancellationToken);
                if (listReason is not null)
                {
                    continue;
                }

                (listReason, var tooShort) = await WatchAsync(cancellationToken);
                pause = tooShort ? backoff.NextDelay() : null;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (CachedObjectMutatedException e)
            {
                // A bug in a reader, not a failure of the server: a retry would replay the same event onto the same
                // changed object forever, so the loop ends and RunAsync throws (client-go's detector panics).
                LogMutated(e, source.Resource);
                throw;
            }
            catch (Exception e) when (listReason is null && RelistReason(e) is { } reason)
            {
                listReason = reason;
            }
            catch (Exception e)
            {
                LogFailed(e, source.Resource, listReason is null ? "watch" : "list", KubeErrors.Describe(e));
                listReason = listReason is null ? null : "retry";
                pause = backoff.NextDelay();
            }

            if (pause is { } wait)
            {
                await Task.Delay(wait, options.TimeProvider, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private async Task ListAsync(string reason, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var items = new List<T>();
            string? version = null;
            string? next = null;
            try
            {
                do
                {
                    var page = await source.ListAsync(new ListRequest(options.LabelSelector, options.FieldSelector, options.PageSize, next), cancellationToken);
                    version ??= page.ResourceVersion;
                    items.AddRange(page.Items.Select(options.Transform));
                    next = page.Continue;
                }
                while (next is not null);
            }
            catch (Exception e) when (next is not null && e.IsGone() && attempt < 3)
            {
                continue; // the continue token outlived the server's history: only a fresh list is consistent
            }

            metrics?.Relist(source.Resource, reason);
            sink.Replace(items);
            LastSyncResourceVersion = version ?? throw new InvalidDataException($"the {source.Resource} list carries no metadata.resourceVersion");
            LogListed(source.Resource, items.Count, version, reason);
            return;
        }
    }

    /// <summary>Null when the server has reached our version; else why to relist. Costs a list of at most one object.</summary>
    private async Task<string?> ProbeAsync(CancellationToken cancellationToken)
    {
        try
        {
            await source.ListAsync(new ListRequest(options.LabelSelector, options.FieldSelector, 1, null, LastSyncResourceVersion), cancellationToken);
            return null;
        }
        catch (Exception e) when (RelistReason(e) is { } reason)
        {
            return reason;
        }
    }

    /// <returns>Why to relist (null: watch again from the last version), and whether the watch ended suspiciously fast.</returns>
    private async Task<(string? Relist, bool TooShort)> WatchAsync(CancellationToken cancellationToken)
    {
        var timeout = options.MinWatchTimeout + ((options.MaxWatchTimeout - options.MinWatchTimeout) * Random.Shared.NextDouble());
        var request = new WatchRequest(options.LabelSelector, options.FieldSelector, LastSyncResourceVersion!, (int)Math.Ceiling(timeout.TotalSeconds));

        // The server should end the watch on time; a silent, half-open connection would not, so we end it too. An
        // ERROR event ends it at once (KubernetesClient reports those to onError and keeps reading).
        using var watch = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        watch.CancelAfter(timeout + ClientGrace);
        Exception? error = null;
        var started = options.TimeProvider.GetTimestamp();
        var events = 0;
        try
        {
            await foreach (var (type, obj) in source.WatchAsync(request, e => { error ??= e; watch.Cancel(); }, watch.Token))
            {
                events++;
                metrics?.WatchEvent(source.Resource, type.ToString());
                if (type is WatchEventType.Added or WatchEventType.Modified or WatchEventType.Deleted)
                {
                    sink.Apply(type, options.Transform(obj));
                }

                LastSyncResourceVersion = obj.Metadata?.ResourceVersion is { Length: > 0 } rv ? rv : LastSyncResourceVersion;
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Ended by an ERROR event, or by our deadline.
        }
        catch (JsonException e)
        {
            error = e; // a frame that does not decode, thrown while reading rather than reported to onError
        }
        catch (HttpRequestException e) when (events == 0 && e.InnerException is EndOfStreamException)
        {
            // KubernetesClient reads a watch's first line before it hands the stream over, and reports a stream that
            // ended without one (the server closed an idle watch) as this; for client-go it is a plain end of the watch.
        }

        if (events > 0)
        {
            backoff.Reset();
        }

        var tooShort = events == 0 && options.TimeProvider.GetElapsedTime(started) < ShortWatch;
        if (error is JsonException)
        {
            // A frame that does not decode is an event cut off by the end of the stream (a proxy or a restarting API
            // server dropped the connection mid-write; client-go's "unexpected EOF"), or corrupt on the way. Either way
            // nothing after it can be trusted and nothing of it was applied: the watch ends here, and the next resumes
            // from the last whole event, so the cut one comes again. One that keeps failing at once backs off.
            metrics?.WatchRestart(source.Resource, "cut");
            LogCut(source.Resource, LastSyncResourceVersion);
            return (null, tooShort);
        }

        metrics?.WatchRestart(source.Resource, error is null ? "ended" : "error");
        if (error is not null)
        {
            return RelistReason(error) is { } reason ? (reason, false) : throw new WatchFailedException(source.Resource, error);
        }

        return (null, tooShort);
    }

    private string? RelistReason(Exception e)
    {
        if (e.IsGone())
        {
            LogRelist(source.Resource, LastSyncResourceVersion, "its history no longer holds it (410 Gone)");
            return "expired";
        }

        if (e.IsTooLargeResourceVersion())
        {
            LogRelist(source.Resource, LastSyncResourceVersion, "the server is behind it (too large resource version: restarted with lost state?)");
            return "too-large-resource-version";
        }

        return null;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Listed {Resource}: {Count} objects at resourceVersion {ResourceVersion} ({Reason})")]
    private partial void LogListed(string resource, int count, string resourceVersion, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Watch of {Resource} from resourceVersion {ResourceVersion} cannot go on: {Why}; relisting")]
    private partial void LogRelist(string resource, string? resourceVersion, string why);

    [LoggerMessage(Level = LogLevel.Information, Message = "Watch of {Resource} ended in the middle of an event (it does not decode); watching again from resourceVersion {ResourceVersion}")]
    private partial void LogCut(string resource, string? resourceVersion);

    [LoggerMessage(Level = LogLevel.Critical, Message = "The {Resource} cache stops: a cached object was changed in place")]
    private partial void LogMutated(Exception exception, string resource);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The {Step} of {Resource} failed ({Error}); retrying with backoff")]
    private partial void LogFailed(Exception exception, string resource, string step, string error);
}

/// <summary>A watch ended by an ERROR event that a relist would not cure.</summary>
public sealed class WatchFailedException(string resource, Exception inner)
    : Exception($"watch of {resource} failed: {KubeErrors.Describe(inner)}", inner);

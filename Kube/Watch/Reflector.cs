using System.Text.Json;
using Ccm.Kube.Api;
using Ccm.Kube.Cache;
using Ccm.Kube.Models;
using Microsoft.Extensions.Logging;

namespace Ccm.Kube.Watch;

/// <summary>
/// Keeps a sink in step with the server: list, then watch from the list's resourceVersion, resuming every new
/// watch from the last version seen (events and BOOKMARKs), and relisting only when that version has expired.
/// This is client-go's reflector, reduced to what the CCM needs.
/// </summary>
/// <remarks>
/// Rules (API Concepts, "Efficient detection of changes" and "Watch bookmarks"; client-go reflector.go):
/// <list type="bullet">
/// <item>A watch from version V delivers every change after V exactly once, so resuming from the last version
/// seen neither loses nor repeats an event.</item>
/// <item>410 Gone, as the HTTP status of the watch request or as an ERROR event with code 410, means V is older
/// than the server's history: only a fresh list is consistent, and the sink computes what changed.</item>
/// <item>A watch that the server ends (its <c>timeoutSeconds</c>) is reopened at once; failures back off.</item>
/// <item>A watch that ends in under a second with no event counts as a failure, so a server that closes every
/// watch cannot make us spin (client-go's "very short watch").</item>
/// </list>
/// </remarks>
internal sealed partial class Reflector<T>(IKubeApi api, InformerOptions<T> options, IReflectorSink<T> sink, ILogger logger, KubeMetrics? metrics)
    where T : class, IKubeObject<T>
{
    private static readonly TimeSpan ShortWatch = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan ClientGrace = TimeSpan.FromSeconds(30);

    private readonly Backoff backoff = new(options.InitialBackoff, options.MaxBackoff, options.TimeProvider);
    private readonly string resource = T.Resource.ToString();

    /// <summary>The version the cache is known to be complete at; watches resume from here.</summary>
    public string? LastSyncResourceVersion { get; private set; }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var needList = true;
        var listReason = "initial";
        while (!cancellationToken.IsCancellationRequested)
        {
            TimeSpan? pause = null;
            try
            {
                if (needList)
                {
                    await ListAsync(listReason, cancellationToken);
                    needList = false;
                }

                var outcome = await WatchAsync(cancellationToken);
                metrics?.WatchRestart(resource, outcome.ToString());
                if (outcome == WatchOutcome.Expired)
                {
                    needList = true;
                    listReason = "expired";
                }
                else if (outcome == WatchOutcome.TooShort)
                {
                    pause = backoff.NextDelay();
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (KubeApiException ex) when (ex.IsGone && !needList)
            {
                LogExpired(resource, LastSyncResourceVersion);
                needList = true;
                listReason = "expired";
            }
            catch (Exception ex)
            {
                // Every failure is retried (server refusals, broken connections, bad frames, even our own bugs): an
                // informer that stops quietly would leave its grains acting on a frozen cache.
                LogFailed(ex, resource, needList ? "list" : "watch");
                listReason = needList ? "retry" : listReason;

                // A 429 says how long to stay away (client-go backs off on 429 during watch too); never less.
                var delay = backoff.NextDelay();
                pause = ex is KubeApiException { RetryAfter: { } retryAfter } && retryAfter > delay ? retryAfter : delay;
            }

            if (pause is { } wait)
            {
                // Stopping during the pause is a normal end, not a failure.
                await Task.Delay(wait, options.TimeProvider, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private async Task ListAsync(string reason, CancellationToken cancellationToken)
    {
        // No resourceVersion: a consistent read of the newest state. (client-go lists from "0", the watch cache,
        // which may be stale; the CCM prefers a slower, current first view.)
        var list = await api.ListAllAsync<T>(
            options.Namespace,
            new ListOptions { LabelSelector = options.LabelSelector, FieldSelector = options.FieldSelector, Limit = options.PageSize },
            cancellationToken);
        var version = list.Metadata.ResourceVersion
            ?? throw new JsonException($"the {resource} list carries no metadata.resourceVersion");
        metrics?.Relist(resource, reason);
        sink.Replace(list.Items, version);
        LastSyncResourceVersion = version;
        LogListed(resource, list.Items.Count, version, reason);
    }

    private async Task<WatchOutcome> WatchAsync(CancellationToken cancellationToken)
    {
        var timeout = RandomTimeout();
        var watchOptions = new WatchOptions
        {
            LabelSelector = options.LabelSelector,
            FieldSelector = options.FieldSelector,
            ResourceVersion = LastSyncResourceVersion,
            AllowWatchBookmarks = true,
            TimeoutSeconds = (int)Math.Ceiling(timeout.TotalSeconds),
        };

        // The server should end the watch on time; a silent, half-open connection would not, so we end it too.
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout + ClientGrace);
        var started = options.TimeProvider.GetTimestamp();
        var events = 0;
        try
        {
            await foreach (var watchEvent in api.WatchAsync<T>(options.Namespace, watchOptions, deadline.Token))
            {
                events++;
                metrics?.WatchEvent(resource, watchEvent.Type);
                if (watchEvent.Type == WatchEventType.Error)
                {
                    return OnError(watchEvent.Error);
                }

                if (watchEvent.Type != WatchEventType.Bookmark)
                {
                    sink.Apply(watchEvent);
                }

                LastSyncResourceVersion = watchEvent.ResourceVersion ?? LastSyncResourceVersion;
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            LogClientDeadline(resource, timeout);
            return WatchOutcome.ClientDeadline;
        }

        if (events > 0)
        {
            backoff.Reset();
        }

        return events == 0 && options.TimeProvider.GetElapsedTime(started) < ShortWatch ? WatchOutcome.TooShort : WatchOutcome.Ended;
    }

    private WatchOutcome OnError(Status? status)
    {
        if (status?.Code == 410 || status?.Reason is "Expired" or "Gone")
        {
            LogExpired(resource, LastSyncResourceVersion);
            return WatchOutcome.Expired;
        }

        throw new WatchErrorException(status);
    }

    private TimeSpan RandomTimeout()
    {
        var min = options.MinWatchTimeout;
        var spread = options.MaxWatchTimeout - min;
        return spread <= TimeSpan.Zero ? min : min + (spread * Random.Shared.NextDouble());
    }

    private enum WatchOutcome
    {
        Ended,
        TooShort,
        Expired,
        ClientDeadline,
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Listed {Resource}: {Count} objects at resourceVersion {ResourceVersion} ({Reason})")]
    private partial void LogListed(string resource, int count, string resourceVersion, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Watch of {Resource} from resourceVersion {ResourceVersion} expired (410 Gone); relisting")]
    private partial void LogExpired(string resource, string? resourceVersion);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The {Step} of {Resource} failed; retrying with backoff")]
    private partial void LogFailed(Exception exception, string resource, string step);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Watch of {Resource} outlived its {Timeout} timeout; reopening")]
    private partial void LogClientDeadline(string resource, TimeSpan timeout);
}

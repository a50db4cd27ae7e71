using System.Buffers;
using System.Globalization;
using System.IO.Pipelines;
using System.Text;
using System.Text.Json.Nodes;
using Ccm.Sandbox.Kube.Api.Tables;
using Ccm.Sandbox.Kube.Storage;
using Microsoft.AspNetCore.Http;

namespace Ccm.Sandbox.Kube.Api;

/// <summary>
/// Streams a watch as JSON lines (<c>{"type":"ADDED","object":{...}}</c>), reading the event log from the watch's own
/// cursor. Start semantics follow the API: no resourceVersion (or "0"), or <c>sendInitialEvents=true</c>, sends the
/// current objects as synthetic ADDED events first (with <c>sendInitialEvents</c>, once the store holds the version
/// asked for, else an ERROR event with 504 "Too large resource version", as from the watch cache); a version replays
/// from the history window or ends with an ERROR event carrying 410 Expired; a version the store has not reached yet is
/// accepted and waits for it, as the real server does. Bookmarks go out periodically and before the server-side timeout
/// when <c>allowWatchBookmarks</c> is set; a selector watch sees DELETED when an object stops matching and ADDED when it
/// starts to. An event armed in <see cref="WatchCuts"/> goes out half written and ends the stream.
/// </summary>
internal sealed class WatchResponder(ObjectStore store, Freshness freshness, TimeSpan bookmarkInterval, WatchCuts cuts)
{
    private static readonly byte[] AddedPrefix = Encoding.UTF8.GetBytes("{\"type\":\"ADDED\",\"object\":");
    private static readonly byte[] ModifiedPrefix = Encoding.UTF8.GetBytes("{\"type\":\"MODIFIED\",\"object\":");
    private static readonly byte[] DeletedPrefix = Encoding.UTF8.GetBytes("{\"type\":\"DELETED\",\"object\":");
    private static readonly byte[] BookmarkPrefix = Encoding.UTF8.GetBytes("{\"type\":\"BOOKMARK\",\"object\":");
    private static readonly byte[] ErrorPrefix = Encoding.UTF8.GetBytes("{\"type\":\"ERROR\",\"object\":");
    private static readonly byte[] Suffix = "}\n"u8.ToArray();

    /// <param name="table">When kubectl asked for Tables (<c>get -w</c>), each object goes out as a one-row Table.</param>
    public async Task StreamAsync(HttpContext context, ResourceRequest request, ListQuery query, TableRequest? table = null)
    {
        var response = context.Response;
        var log = store.Events;
        var timeout = query.Timeout ?? TimeSpan.FromSeconds(Random.Shared.Next(1800, 3600)); // upstream: [min, 2*min) request timeout
        using var deadline = new CancellationTokenSource(timeout);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, log.ClosingToken, deadline.Token);

        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json";
        response.Headers.CacheControl = "no-cache, private";
        var body = response.BodyWriter;
        var watch = new WatchFilter(request, query);

        long cursor;
        if (query.SendInitialEvents || query.ResourceVersion is null or "0")
        {
            if (query.SendInitialEvents && query.MinimumVersion() is { } minimum && !await IsFreshAsync(body, minimum, stop.Token))
            {
                return;
            }

            var snapshot = store.Snapshot;
            cursor = snapshot.ResourceVersion;
            foreach (var obj in snapshot.List(request.Type, request.Namespace).Where(watch.Matches))
            {
                Write(body, AddedPrefix, Shape(obj.Json));
            }

            if (query.SendInitialEvents && query.AllowBookmarks)
            {
                Write(body, BookmarkPrefix, Bookmark(request.Type, cursor, initialEventsEnd: true));
            }
        }
        else
        {
            cursor = ListQuery.ParseVersion(query.ResourceVersion);
            if (!log.CanWatchFrom(cursor))
            {
                if (log.ExpiredWatchAsHttpStatus)
                {
                    // The other form API servers use (e.g. when the watch cache refuses before streaming): an HTTP 410
                    // Status reply; nothing has been written yet, so the handler can still send it.
                    throw KubeApiException.Expired($"too old resource version: {cursor} ({log.OldestWatchable + 1})");
                }

                await EndWithExpiredAsync(body, cursor, log);
                return;
            }
        }

        // Flushes only ever observe the client going away: Kestrel resets the connection when a write is cancelled by
        // any other token, and a watch that ends (timeout, close-all) must end with a clean last chunk.
        var open = await TryFlushAsync(body, context.RequestAborted);
        var nextBookmark = DateTime.UtcNow + bookmarkInterval;
        while (open && !stop.IsCancellationRequested)
        {
            for (var rv = cursor + 1; rv <= log.Head; rv++)
            {
                var read = log.TryRead(rv, out var e);
                if (read == EventRead.NotYet)
                {
                    break; // the log restarted under this loop (state lost); the restart ends this watch
                }

                if (read == EventRead.Expired)
                {
                    await EndWithExpiredAsync(body, cursor, log); // this watcher fell out of the window
                    return;
                }

                if (watch.Translate(e!) is { } line)
                {
                    if (cuts.TryTake(request.Type.Plural))
                    {
                        // Half the event, then the stream ends (cleanly: the client reads an end of stream mid-object).
                        var half = Shape(line.Json);
                        body.Write(line.Prefix);
                        body.Write(half.AsSpan(0, half.Length / 2));
                        await TryFlushAsync(body, context.RequestAborted);
                        return;
                    }

                    Write(body, line.Prefix, Shape(line.Json));
                }

                cursor = rv;
            }

            if (query.AllowBookmarks && DateTime.UtcNow >= nextBookmark)
            {
                // A watch ahead of the store gets no bookmark until the store passes it: the cacher only sends a
                // watcher events (bookmarks included) newer than the version it asked for.
                if (cursor <= log.Head)
                {
                    Write(body, BookmarkPrefix, Bookmark(request.Type, cursor));
                }

                nextBookmark = DateTime.UtcNow + bookmarkInterval;
            }

            open = await TryFlushAsync(body, context.RequestAborted);
            var wait = query.AllowBookmarks ? nextBookmark - DateTime.UtcNow : Timeout.InfiniteTimeSpan;
            await log.WaitAsync(cursor, wait < TimeSpan.Zero ? TimeSpan.Zero : wait, stop.Token);
        }

        // A server-side timeout ends the stream normally, after a last bookmark (clients resume from it).
        if (deadline.IsCancellationRequested && !context.RequestAborted.IsCancellationRequested && query.AllowBookmarks && cursor <= log.Head)
        {
            Write(body, BookmarkPrefix, Bookmark(request.Type, cursor));
            await TryFlushAsync(body, context.RequestAborted);
        }

        byte[] Shape(byte[] json) => table is null ? json : TableWriter.Serialize(table, json, DateTimeOffset.UtcNow);
    }

    /// <summary>Flushes; false once the client is gone or the watch is being stopped.</summary>
    private static async Task<bool> TryFlushAsync(PipeWriter body, CancellationToken cancellationToken)
    {
        try
        {
            var result = await body.FlushAsync(cancellationToken);
            return !result.IsCompleted && !result.IsCanceled;
        }
        catch (Exception e) when (e is OperationCanceledException or IOException)
        {
            return false;
        }
    }

    /// <summary>Waits for the store to reach <paramref name="minimum"/>; when it does not, ends the watch with the 504 as an ERROR event.</summary>
    private async Task<bool> IsFreshAsync(PipeWriter body, long minimum, CancellationToken cancellationToken)
    {
        try
        {
            await freshness.EnsureAsync(minimum, cancellationToken);
            return true;
        }
        catch (KubeApiException e)
        {
            // Past admission the API server reports watch errors in the stream, never as an HTTP status (cacher.Watch).
            Write(body, ErrorPrefix, StatusDocument.Serialize(e));
            await TryFlushAsync(body, CancellationToken.None);
            return false;
        }
    }

    private static async Task EndWithExpiredAsync(PipeWriter body, long cursor, EventLog log)
    {
        var status = new KubeApiException(410, "Expired", $"too old resource version: {cursor} ({log.OldestWatchable + 1})");
        Write(body, ErrorPrefix, StatusDocument.Serialize(status));
        await TryFlushAsync(body, CancellationToken.None);
    }

    private static void Write(PipeWriter body, byte[] prefix, byte[] json)
    {
        body.Write(prefix);
        body.Write(json);
        body.Write(Suffix);
    }

    private static byte[] Bookmark(ResourceType type, long rv, bool initialEventsEnd = false)
    {
        var metadata = new JsonObject { ["resourceVersion"] = rv.ToString(CultureInfo.InvariantCulture) };
        if (initialEventsEnd)
        {
            metadata["annotations"] = new JsonObject { ["k8s.io/initial-events-end"] = "true" };
        }

        return StoredObject.Serialize(new JsonObject { ["kind"] = type.Kind, ["apiVersion"] = type.ApiVersion, ["metadata"] = metadata });
    }

    /// <summary>Decides what (if anything) one store event means to this watch.</summary>
    private sealed class WatchFilter(ResourceRequest request, ListQuery query)
    {
        public bool Matches(StoredObject obj) =>
            (request.Namespace is null || obj.Namespace == request.Namespace) && query.Matches(obj);

        public (byte[] Prefix, byte[] Json)? Translate(StoreEvent e)
        {
            if (!ReferenceEquals(e.Object.Type, request.Type))
            {
                return null;
            }

            var now = Matches(e.Object);
            var before = e.Previous is not null && Matches(e.Previous);
            return (e.Type, now, before) switch
            {
                (StoreEventType.Added, true, _) => (AddedPrefix, e.Object.Json),
                (StoreEventType.Deleted, _, true) => (DeletedPrefix, e.Object.Json),
                (StoreEventType.Modified, true, true) => (ModifiedPrefix, e.Object.Json),
                (StoreEventType.Modified, true, false) => (AddedPrefix, e.Object.Json),
                // Stopped matching: upstream sends the previous state, stamped with the event's resourceVersion.
                (StoreEventType.Modified, false, true) => (DeletedPrefix, Restamp(e.Previous!, e.ResourceVersion)),
                _ => null,
            };
        }

        private static byte[] Restamp(StoredObject obj, long rv)
        {
            var json = obj.ToJsonObject();
            json["metadata"]!["resourceVersion"] = rv.ToString(CultureInfo.InvariantCulture);
            return StoredObject.Serialize(json);
        }
    }
}

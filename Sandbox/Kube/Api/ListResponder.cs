using System.Globalization;
using System.Text.Json;
using Ccm.Sandbox.Kube.Api.Tables;
using Ccm.Sandbox.Kube.Storage;
using Microsoft.AspNetCore.Http;

namespace Ccm.Sandbox.Kube.Api;

/// <summary>
/// Serves lists from a snapshot without parsing anything: each item is the stored JSON of its version, written raw.
/// Paging (<c>limit</c>/<c>continue</c>) keeps the first page's resourceVersion; a token older than the history
/// window gets 410 Expired, as from the real API server after etcd compaction; a version (or token) newer than the
/// store waits, then gets 504 "Too large resource version" (<see cref="Freshness"/>).
/// </summary>
internal sealed class ListResponder(ObjectStore store, Freshness freshness)
{
    private const int FlushThreshold = 64 * 1024;

    /// <summary>Writes the page as a list, or as a Table when <paramref name="table"/> says kubectl asked for one.</summary>
    public async Task WriteAsync(HttpResponse response, ResourceRequest request, ListQuery query, TableRequest? table, CancellationToken cancellationToken)
    {
        var token = query.Continue is { } text ? ContinueToken.Decode(text) : null;
        if ((token?.Rv ?? query.MinimumVersion()) is { } required)
        {
            await freshness.EnsureAsync(required, cancellationToken);
        }

        var (rv, items, startAfter) = Select(request, query, token);
        var matching = items.Values
            .Where(o => request.Namespace is null || o.Namespace == request.Namespace)
            .Where(o => startAfter is null || string.CompareOrdinal(o.Key, startAfter) > 0)
            .Where(query.Matches);

        // Items first into the body would need the continue token up front, so the page is chosen before writing.
        var page = new List<StoredObject>(query.Limit > 0 ? Math.Min(query.Limit, 4096) : 256);
        var remaining = 0L;
        using (var enumerator = matching.GetEnumerator())
        {
            while (enumerator.MoveNext())
            {
                if (query.Limit > 0 && page.Count == query.Limit)
                {
                    remaining = 1;
                    while (enumerator.MoveNext())
                    {
                        remaining++;
                    }

                    break;
                }

                page.Add(enumerator.Current);
            }
        }

        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json";
        using var writer = new Utf8JsonWriter(response.BodyWriter, new JsonWriterOptions { SkipValidation = true, Encoder = StoredObject.WriterOptions.Encoder });
        var continueToken = remaining > 0 ? new ContinueToken(rv, page[^1].Key).Encode() : null;
        if (table is not null)
        {
            TableWriter.Write(writer, table, rv.ToString(CultureInfo.InvariantCulture), continueToken, page, DateTimeOffset.UtcNow);
            writer.Flush();
            await response.BodyWriter.FlushAsync(cancellationToken);
            return;
        }

        writer.WriteStartObject();
        writer.WriteString("kind", request.Type.ListKind);
        writer.WriteString("apiVersion", request.Type.ApiVersion);
        writer.WriteStartObject("metadata");
        writer.WriteString("resourceVersion", rv.ToString(CultureInfo.InvariantCulture));
        if (continueToken is not null)
        {
            writer.WriteString("continue", continueToken);
            if (query.Labels.IsEverything && query.Fields.IsEverything)
            {
                writer.WriteNumber("remainingItemCount", remaining);
            }
        }

        writer.WriteEndObject();
        writer.WriteStartArray("items");
        foreach (var item in page)
        {
            writer.WriteRawValue(item.Json, skipInputValidation: true);
            if (writer.BytesPending > FlushThreshold)
            {
                writer.Flush();
                await response.BodyWriter.FlushAsync(cancellationToken);
            }
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.Flush();
        await response.BodyWriter.FlushAsync(cancellationToken);
    }

    private (long Rv, System.Collections.Immutable.ImmutableSortedDictionary<string, StoredObject> Items, string? StartAfter) Select(
        ResourceRequest request, ListQuery query, ContinueToken? token)
    {
        var snapshot = store.Snapshot;
        if (token is not null)
        {
            var atToken = StoreHistory.CollectionAt(snapshot, store.Events, request.Type, token.Rv)
                ?? throw KubeApiException.Expired(
                    "The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter.");
            return (token.Rv, atToken, token.Start);
        }

        if (query.ExactVersion() is { } exact)
        {
            var atVersion = StoreHistory.CollectionAt(snapshot, store.Events, request.Type, exact)
                ?? throw KubeApiException.Expired($"too old resource version: {exact} ({store.Events.OldestWatchable + 1})");
            return (exact, atVersion, null);
        }

        return (snapshot.ResourceVersion, snapshot.Of(request.Type), null);
    }
}

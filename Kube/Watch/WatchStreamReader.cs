using System.Buffers;
using System.IO.Pipelines;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Ccm.Kube.Api;
using Ccm.Kube.Models;

namespace Ccm.Kube.Watch;

/// <summary>
/// Decodes a watch response body incrementally. The server writes one JSON object per event, each followed by a
/// newline, in HTTP chunks that need not align with events. Framing is by JSON value (as client-go's json framer
/// does), so it does not depend on the newline, and each event is decoded straight from the pipe's buffers.
/// </summary>
internal static class WatchStreamReader
{
    public static async IAsyncEnumerable<WatchEvent<T>> ReadAsync<T>(Stream body, [EnumeratorCancellation] CancellationToken cancellationToken)
        where T : class, IKubeObject<T>
    {
        var pipe = PipeReader.Create(body, new StreamPipeReaderOptions(bufferSize: 64 * 1024, minimumReadSize: 16 * 1024));
        var batch = new List<WatchEvent<T>>();
        try
        {
            while (true)
            {
                var result = await pipe.ReadAsync(cancellationToken);
                var buffer = result.Buffer;
                while (TryReadFrame(ref buffer, out var frame))
                {
                    batch.Add(Decode<T>(frame));
                }

                // Decide about leftovers before AdvanceTo: afterwards the buffer's memory belongs to the pipe again.
                var truncated = result.IsCompleted && !IsWhitespace(buffer);
                pipe.AdvanceTo(buffer.Start, buffer.End);
                foreach (var watchEvent in batch)
                {
                    yield return watchEvent;
                }

                batch.Clear();
                if (truncated)
                {
                    throw new JsonException("the watch stream ended inside an event");
                }

                if (result.IsCompleted)
                {
                    yield break;
                }
            }
        }
        finally
        {
            await pipe.CompleteAsync();
        }
    }

    /// <summary>Cuts the next complete top-level JSON object off <paramref name="buffer"/>, if there is one.</summary>
    internal static bool TryReadFrame(ref ReadOnlySequence<byte> buffer, out ReadOnlySequence<byte> frame)
    {
        frame = default;
        var reader = new Utf8JsonReader(buffer, isFinalBlock: false, state: default);
        if (!reader.Read())
        {
            return false;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"a watch event must be a JSON object, found {reader.TokenType}");
        }

        var start = reader.TokenStartIndex;
        if (!reader.TrySkip())
        {
            return false;
        }

        frame = buffer.Slice(start, reader.BytesConsumed - start);
        buffer = buffer.Slice(reader.BytesConsumed);
        return true;
    }

    internal static WatchEvent<T> Decode<T>(ReadOnlySequence<byte> frame)
        where T : class, IKubeObject<T>
    {
        // ERROR carries a Status, not a T, so the type decides how to read the object.
        var type = ParseType(JsonPeek.TopLevelString(frame, "type"u8));
        if (type != WatchEventType.Error)
        {
            var reader = new Utf8JsonReader(frame);
            var wire = JsonSerializer.Deserialize(ref reader, T.WatchEventJsonTypeInfo);
            return new WatchEvent<T>(type, wire?.Object ?? throw new JsonException($"a {type} event has no object"));
        }

        var statusReader = new Utf8JsonReader(frame);
        var status = JsonSerializer.Deserialize(ref statusReader, KubeJsonContext.Default.WatchEventWireStatus)?.Object
            ?? new Status { Outcome = "Failure", Message = "an ERROR watch event without a Status" };
        return new WatchEvent<T>(WatchEventType.Error, null, status);
    }

    private static WatchEventType ParseType(string? type) => type switch
    {
        "ADDED" => WatchEventType.Added,
        "MODIFIED" => WatchEventType.Modified,
        "DELETED" => WatchEventType.Deleted,
        "BOOKMARK" => WatchEventType.Bookmark,
        "ERROR" => WatchEventType.Error,
        _ => throw new JsonException($"unknown watch event type '{type}'"),
    };

    private static bool IsWhitespace(ReadOnlySequence<byte> buffer)
    {
        foreach (var segment in buffer)
        {
            if (segment.Span.IndexOfAnyExcept(" \t\r\n"u8) >= 0)
            {
                return false;
            }
        }

        return true;
    }
}

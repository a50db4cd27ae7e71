using System.Text;
using System.Text.Json;
using Ccm.Kube.Api;
using Ccm.Kube.Models;
using Ccm.Kube.Watch;

namespace Ccm.Kube.Tests.Watch;

public class WatchStreamReaderTests
{
    private const string Stream =
        "{\"type\":\"ADDED\",\"object\":{\"metadata\":{\"name\":\"a\",\"namespace\":\"d\",\"resourceVersion\":\"5\"}}}\n" +
        "{\"type\":\"MODIFIED\",\"object\":{\"metadata\":{\"name\":\"a\",\"namespace\":\"d\",\"resourceVersion\":\"6\"},\"spec\":{\"type\":\"ClusterIP\"}}}\n" +
        "{\"type\":\"BOOKMARK\",\"object\":{\"kind\":\"Service\",\"apiVersion\":\"v1\",\"metadata\":{\"resourceVersion\":\"9\"}}}\n" +
        "{\"type\":\"DELETED\",\"object\":{\"metadata\":{\"name\":\"a\",\"namespace\":\"d\",\"resourceVersion\":\"10\"}}}\n" +
        "{\"type\":\"ERROR\",\"object\":{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"message\":\"too old resource version: 1 (5)\",\"reason\":\"Expired\",\"code\":410}}\n";

    [Fact]
    public async Task Decodes_every_event_type()
    {
        var events = await ReadAll(new MemoryStream(Encoding.UTF8.GetBytes(Stream)));

        Assert.Equal(
            [WatchEventType.Added, WatchEventType.Modified, WatchEventType.Bookmark, WatchEventType.Deleted, WatchEventType.Error],
            events.Select(e => e.Type));
        Assert.Equal("ClusterIP", events[1].Object!.Spec!.Type);
        Assert.Equal("9", events[2].ResourceVersion);
        Assert.Equal(410, events[4].Error!.Code);
        Assert.Equal("Expired", events[4].Error!.Reason);
    }

    [Fact]
    public async Task Events_split_across_chunks_at_any_byte_decode_the_same()
    {
        var bytes = Encoding.UTF8.GetBytes(Stream);
        for (var chunk = 1; chunk <= 64; chunk += 7)
        {
            var events = await ReadAll(new TrickleStream(bytes, chunk));

            Assert.Equal(5, events.Count);
            Assert.Equal("10", events[3].ResourceVersion);
        }
    }

    [Fact]
    public async Task Events_without_newlines_between_them_are_framed_by_json()
    {
        var bytes = Encoding.UTF8.GetBytes(Stream.Replace("\n", "", StringComparison.Ordinal));

        var events = await ReadAll(new MemoryStream(bytes));

        Assert.Equal(5, events.Count);
    }

    [Fact]
    public async Task A_stream_cut_inside_an_event_is_an_error_not_a_silent_end()
    {
        var bytes = Encoding.UTF8.GetBytes(Stream[..(Stream.Length - 20)]);

        await Assert.ThrowsAsync<JsonException>(() => ReadAll(new MemoryStream(bytes)));
    }

    [Fact]
    public async Task An_unknown_event_type_is_an_error()
    {
        var bytes = Encoding.UTF8.GetBytes("{\"type\":\"RENAMED\",\"object\":{}}\n");

        await Assert.ThrowsAsync<JsonException>(() => ReadAll(new MemoryStream(bytes)));
    }

    private static async Task<List<WatchEvent<Service>>> ReadAll(Stream stream)
    {
        var events = new List<WatchEvent<Service>>();
        await foreach (var e in WatchStreamReader.ReadAsync<Service>(stream, CancellationToken.None))
        {
            events.Add(e);
        }

        return events;
    }

    /// <summary>Hands out at most <c>chunk</c> bytes per read, like a network delivering small HTTP chunks.</summary>
    private sealed class TrickleStream(byte[] data, int chunk) : MemoryStream(data)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, chunk));

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, chunk)], cancellationToken);
    }
}

using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace Ccm.Sandbox.Tests.Kube.Support;

/// <summary>Reads a watch stream in the background so a test can act, then wait for the events it expects.</summary>
public sealed class WatchRecorder : IAsyncDisposable
{
    private readonly ConcurrentQueue<JsonObject> events = new();
    private readonly CancellationTokenSource stop = new();
    private readonly Task pump;

    public WatchRecorder(Func<string, CancellationToken, IAsyncEnumerable<JsonObject>> watch, string pathAndQuery)
    {
        pump = Task.Run(async () =>
        {
            try
            {
                await foreach (var e in watch(pathAndQuery, stop.Token))
                {
                    events.Enqueue(e);
                }
            }
            catch (OperationCanceledException)
            {
            }
            finally
            {
                Ended = true;
            }
        });
    }

    public IReadOnlyList<JsonObject> Events => [.. events];

    /// <summary>True once the server ended the stream (or the recorder was stopped).</summary>
    public bool Ended { get; private set; }

    /// <summary>The (type, name) of every event so far, e.g. ("ADDED", "web").</summary>
    public IReadOnlyList<(string Type, string? Name)> Summary =>
        [.. events.Select(e => ((string)e["type"]!, (string?)e["object"]?["metadata"]?["name"]))];

    public Task WaitForAsync(Func<IReadOnlyList<JsonObject>, bool> condition, string because) =>
        Ccm.TestSupport.Eventually.TrueAsync(() => condition(Events), because + "; events so far: " + string.Join(", ", Summary));

    public Task WaitForEndAsync() =>
        Ccm.TestSupport.Eventually.TrueAsync(() => Ended, "the server should end the watch; events: " + string.Join(", ", Summary));

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await pump;
        stop.Dispose();
    }
}

using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Ccm.Kube.Api;
using Ccm.Kube.Models;

namespace Ccm.Kube.Tests.Support;

/// <summary>
/// A fake <see cref="IKubeApi"/> for informer tests: lists come from a queue; each watch is a channel the test
/// writes events into and completes (the server ending the watch) or faults. Records the options of every call.
/// </summary>
internal sealed class ScriptedWatchApi<TItem> : IKubeApi
    where TItem : class, IKubeObject<TItem>
{
    private readonly Channel<Func<KubeList<TItem>>> lists = Channel.CreateUnbounded<Func<KubeList<TItem>>>();
    private readonly Channel<ScriptedWatch> watches = Channel.CreateUnbounded<ScriptedWatch>();

    public List<ListOptions> ListCalls { get; } = [];

    public List<WatchOptions> WatchCalls { get; } = [];

    public void EnqueueList(string resourceVersion, params TItem[] items) =>
        lists.Writer.TryWrite(() => new KubeList<TItem> { Metadata = new() { ResourceVersion = resourceVersion }, Items = items });

    public void EnqueueListFailure(Exception exception) => lists.Writer.TryWrite(() => throw exception);

    /// <summary>The next watch the informer opens; write events to it and complete it.</summary>
    public ScriptedWatch EnqueueWatch()
    {
        var watch = new ScriptedWatch();
        watches.Writer.TryWrite(watch);
        return watch;
    }

    /// <summary>The next watch fails to start with <paramref name="exception"/>.</summary>
    public void EnqueueWatchFailure(Exception exception) => watches.Writer.TryWrite(new ScriptedWatch { StartFailure = exception });

    public async Task<KubeList<T>> ListAsync<T>(string? @namespace, ListOptions? options = null, CancellationToken cancellationToken = default)
        where T : class, IKubeObject<T>
    {
        lock (ListCalls)
        {
            ListCalls.Add(options ?? new ListOptions());
        }

        var next = await lists.Reader.ReadAsync(cancellationToken);
        return (KubeList<T>)(object)next();
    }

    public async IAsyncEnumerable<WatchEvent<T>> WatchAsync<T>(string? @namespace, WatchOptions options, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        where T : class, IKubeObject<T>
    {
        lock (WatchCalls)
        {
            WatchCalls.Add(options);
        }

        var watch = await watches.Reader.ReadAsync(cancellationToken);
        if (watch.StartFailure is not null)
        {
            throw watch.StartFailure;
        }

        await foreach (var e in watch.Events.Reader.ReadAllAsync(cancellationToken))
        {
            yield return (WatchEvent<T>)(object)e;
        }
    }

    public Task<T> GetAsync<T>(string? @namespace, string name, CancellationToken cancellationToken = default) where T : class, IKubeObject<T> => throw new NotSupportedException();

    public Task<T> CreateAsync<T>(T obj, CancellationToken cancellationToken = default) where T : class, IKubeObject<T> => throw new NotSupportedException();

    public Task<T> PatchAsync<T>(string? @namespace, string name, KubePatch patch, PatchOptions? options = null, CancellationToken cancellationToken = default) where T : class, IKubeObject<T> => throw new NotSupportedException();

    public Task<T> PatchStatusAsync<T>(string? @namespace, string name, KubePatch patch, PatchOptions? options = null, CancellationToken cancellationToken = default) where T : class, IKubeObject<T> => throw new NotSupportedException();

    public Task<T?> DeleteAsync<T>(string? @namespace, string name, DeleteOptions? options = null, CancellationToken cancellationToken = default) where T : class, IKubeObject<T> => throw new NotSupportedException();

    public Task<LeaseUpdateResult> UpdateLeaseAsync(Lease lease, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public sealed class ScriptedWatch
    {
        public Channel<WatchEvent<TItem>> Events { get; } = Channel.CreateUnbounded<WatchEvent<TItem>>();

        public Exception? StartFailure { get; init; }

        public ScriptedWatch Send(WatchEventType type, TItem? obj, Status? error = null)
        {
            Events.Writer.TryWrite(new WatchEvent<TItem>(type, obj, error));
            return this;
        }

        /// <summary>The server ends the watch cleanly.</summary>
        public void End() => Events.Writer.TryComplete();

        /// <summary>The connection breaks.</summary>
        public void Break() => Events.Writer.TryComplete(new HttpRequestException("connection reset"));
    }
}

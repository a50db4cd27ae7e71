using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Ccm.Kube.Watch;
using k8s;
using k8s.Models;

namespace Ccm.Kube.Tests.Support;

/// <summary>
/// A scripted server for informer tests: lists come from a queue; each watch is a channel the test writes events (or
/// ERROR events) into and then ends or breaks. Records every request. ERROR events go to the caller's <c>onError</c>
/// and the stream goes on, as KubernetesClient's watch does. The reflector's freshness probes (a one-object list at
/// its version, <see cref="ListRequest.NotOlderThan"/>) are recorded apart and answered "up to date" unless a probe
/// failure is queued.
/// </summary>
internal sealed class ScriptedListWatch<T> : IListWatch<T>
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    private readonly Channel<Func<ListPage<T>>> lists = Channel.CreateUnbounded<Func<ListPage<T>>>();
    private readonly Channel<ScriptedWatch> watches = Channel.CreateUnbounded<ScriptedWatch>();
    private readonly List<ListRequest> listCalls = [];
    private readonly List<WatchRequest> watchCalls = [];
    private readonly List<ListRequest> probeCalls = [];
    private readonly Queue<Exception> probeFailures = new();

    public string Resource => "services";

    public IReadOnlyList<ListRequest> ListCalls { get { lock (listCalls) { return [.. listCalls]; } } }

    public IReadOnlyList<WatchRequest> WatchCalls { get { lock (watchCalls) { return [.. watchCalls]; } } }

    /// <summary>Freshness probes made before resumed watches.</summary>
    public IReadOnlyList<ListRequest> ProbeCalls { get { lock (probeCalls) { return [.. probeCalls]; } } }

    /// <summary>The next freshness probe fails with <paramref name="exception"/> (e.g. the server is behind our version).</summary>
    public void EnqueueProbeFailure(Exception exception)
    {
        lock (probeCalls)
        {
            probeFailures.Enqueue(exception);
        }
    }

    /// <summary>A complete list (one page).</summary>
    public void EnqueueList(string resourceVersion, params T[] items) => EnqueuePage(resourceVersion, null, items);

    /// <summary>One page; <paramref name="next"/> is the continue token, null on the last page.</summary>
    public void EnqueuePage(string resourceVersion, string? next, params T[] items) =>
        lists.Writer.TryWrite(() => new ListPage<T>(items, resourceVersion, next));

    public void EnqueueListFailure(Exception exception) => lists.Writer.TryWrite(() => throw exception);

    /// <summary>The next watch the informer opens; write events to it, then end or break it.</summary>
    public ScriptedWatch EnqueueWatch()
    {
        var watch = new ScriptedWatch();
        watches.Writer.TryWrite(watch);
        return watch;
    }

    /// <summary>The next watch is refused with <paramref name="exception"/> (e.g. an HTTP 410).</summary>
    public void EnqueueWatchFailure(Exception exception) => watches.Writer.TryWrite(new ScriptedWatch { StartFailure = exception });

    public async Task<ListPage<T>> ListAsync(ListRequest request, CancellationToken cancellationToken)
    {
        if (request.NotOlderThan is { } version)
        {
            lock (probeCalls)
            {
                probeCalls.Add(request);
                return probeFailures.TryDequeue(out var failure) ? throw failure : new ListPage<T>([], version, null);
            }
        }

        lock (listCalls)
        {
            listCalls.Add(request);
        }

        var next = await lists.Reader.ReadAsync(cancellationToken);
        return next();
    }

    public async IAsyncEnumerable<(WatchEventType Type, T Object)> WatchAsync(
        WatchRequest request, Action<Exception> onError, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        lock (watchCalls)
        {
            watchCalls.Add(request);
        }

        var watch = await watches.Reader.ReadAsync(cancellationToken);
        if (watch.StartFailure is not null)
        {
            throw watch.StartFailure;
        }

        await foreach (var (type, obj, error) in watch.Events.Reader.ReadAllAsync(cancellationToken))
        {
            if (error is not null)
            {
                onError(error);
                continue;
            }

            yield return (type, obj!);
        }
    }

    public sealed class ScriptedWatch
    {
        public Channel<(WatchEventType Type, T? Object, Exception? Error)> Events { get; } =
            Channel.CreateUnbounded<(WatchEventType, T?, Exception?)>();

        public Exception? StartFailure { get; init; }

        public ScriptedWatch Send(WatchEventType type, T obj)
        {
            Events.Writer.TryWrite((type, obj, null));
            return this;
        }

        /// <summary>An ERROR event carrying <paramref name="status"/>, as KubernetesClient reports it.</summary>
        public ScriptedWatch SendError(V1Status status) => Fail(new KubernetesException(status));

        /// <summary>What KubernetesClient hands to onError: an ERROR event's exception, or a frame it could not decode.</summary>
        public ScriptedWatch Fail(Exception error)
        {
            Events.Writer.TryWrite((WatchEventType.Error, null, error));
            return this;
        }

        /// <summary>The server ends the watch cleanly.</summary>
        public void End() => Events.Writer.TryComplete();

        /// <summary>The connection breaks.</summary>
        public void Break() => Events.Writer.TryComplete(new HttpRequestException("connection reset"));
    }
}

using Ccm.Kube.Http;
using Ccm.Kube.Watch;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ccm.Kube.Cache;

/// <summary>
/// A list+watch cache of one kind (optionally one namespace and selectors) with change notifications: the engine
/// of the watcher grain.
/// </summary>
/// <remarks>
/// <para><b>Reading.</b> <see cref="Store"/> holds the current state; reads are snapshots and never block on the
/// network. Until <see cref="HasSynced"/> is true the store is incomplete: await <see cref="WaitForSyncAsync"/>
/// before acting on the absence of an object.</para>
/// <para><b>Notifications.</b> <see cref="Subscribe"/> delivers every change with the old and the new object, in
/// the order the cache changed, on the informer's loop: handlers must be quick and must not block (signal a grain
/// and return). A new subscriber first receives an Added for every object already cached. After a reconnect no
/// change is delivered twice and none is lost: a resumed watch continues from the last version; after a 410 Gone
/// the fresh list is diffed against the cache and the differences are delivered as Added/Modified/Deleted.</para>
/// <para><b>Running.</b> <see cref="Start"/> runs the loop in the background until <see cref="DisposeAsync"/>; or
/// call <see cref="RunAsync"/> yourself. Failures are logged and retried with backoff; the loop only ends when
/// stopped, or when the mutation detector (<see cref="InformerOptions{T}.DetectMutation"/>) finds a cached object
/// changed in place: then <see cref="RunAsync"/> throws <see cref="CachedObjectMutatedException"/>.</para>
/// </remarks>
public sealed partial class Informer<T> : IAsyncDisposable, IReflectorSink<T>
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    private readonly Reflector<T> reflector;
    private readonly ILogger logger;
    private readonly KubeMetrics? metrics;
    private readonly Lock dispatchGate = new();
    private Action<ObjectChange<T>>[] handlers = []; // copied on write: a handler may subscribe others
    private readonly List<ObjectChange<T>> pending = [];
    private readonly TaskCompletionSource synced = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource stopping = new();
    private Task? running;

    public Informer(IListWatch<T> source, InformerOptions<T>? options = null)
    {
        options ??= new InformerOptions<T>();
        Options = options;
        Resource = source.Resource;
        logger = options.LoggerFactory?.CreateLogger($"Ccm.Kube.Informer.{source.Resource}") ?? NullLogger.Instance;
        metrics = options.MeterFactory is null ? null : new KubeMetrics(options.MeterFactory);
        Store = new KubeStore<T>(options.Indexes, options.DetectMutation);
        reflector = new Reflector<T>(source, options, this, logger, metrics);
    }

    /// <summary>The resource's plural name (<c>services</c>).</summary>
    public string Resource { get; }

    public InformerOptions<T> Options { get; }

    /// <summary>The cache. Read freely; only the informer writes.</summary>
    public KubeStore<T> Store { get; }

    /// <summary>True once the first full list is in the store.</summary>
    public bool HasSynced => synced.Task.IsCompleted;

    /// <summary>The version the cache is complete at (from the last list, event or bookmark).</summary>
    public string? LastSyncResourceVersion => reflector.LastSyncResourceVersion;

    /// <summary>Completes when the first full list is in the store.</summary>
    public Task WaitForSyncAsync(CancellationToken cancellationToken = default) => synced.Task.WaitAsync(cancellationToken);

    /// <summary>
    /// Receives every change from now on, after an Added for each object already cached. Dispose the result to stop.
    /// A handler that throws is logged and keeps receiving. Subscribe from outside handlers: a subscription made inside
    /// one may see the rest of the current batch twice (once in its replay, once delivered).
    /// </summary>
    public IDisposable Subscribe(Action<ObjectChange<T>> handler)
    {
        lock (dispatchGate)
        {
            foreach (var obj in Store.List())
            {
                Invoke(handler, new ObjectChange<T>(ChangeType.Added, ObjectKey.Of(obj), null, obj));
            }

            handlers = [.. handlers, handler];
        }

        return new Subscription(this, handler);
    }

    /// <summary>Starts the list/watch loop in the background (once).</summary>
    public void Start()
    {
        lock (dispatchGate)
        {
            running ??= Task.Run(() => RunAsync(stopping.Token));
        }
    }

    /// <summary>Runs the list/watch loop until <paramref name="cancellationToken"/> fires.</summary>
    public Task RunAsync(CancellationToken cancellationToken) => reflector.RunAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        if (running is not null)
        {
            await running.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        stopping.Dispose();
        metrics?.Dispose();
    }

    void IReflectorSink<T>.Replace(IReadOnlyList<T> items)
    {
        lock (dispatchGate)
        {
            try
            {
                Store.Replace(items, pending);
            }
            finally
            {
                Dispatch();
            }
        }

        synced.TrySetResult();
    }

    void IReflectorSink<T>.Apply(WatchEventType type, T obj)
    {
        lock (dispatchGate)
        {
            try
            {
                if (type == WatchEventType.Deleted)
                {
                    Store.Remove(obj, pending);
                }
                else
                {
                    Store.Upsert(obj, pending);
                }
            }
            finally
            {
                Dispatch(); // what changed before a mutation was detected is still delivered
            }
        }
    }

    /// <summary>Delivers <see cref="pending"/> to every handler; called under <see cref="dispatchGate"/>.</summary>
    private void Dispatch()
    {
        foreach (var change in pending)
        {
            foreach (var handler in handlers)
            {
                Invoke(handler, change);
            }
        }

        pending.Clear();
    }

    private void Invoke(Action<ObjectChange<T>> handler, ObjectChange<T> change)
    {
        try
        {
            handler(change);
        }
        catch (Exception ex)
        {
            LogHandlerFailed(ex, change.Type, change.Key);
        }
    }

    private void Unsubscribe(Action<ObjectChange<T>> handler)
    {
        lock (dispatchGate)
        {
            handlers = [.. handlers.Where(h => h != handler)];
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "An informer handler failed on {ChangeType} {Key}")]
    private partial void LogHandlerFailed(Exception exception, ChangeType changeType, string key);

    private sealed class Subscription(Informer<T> informer, Action<ObjectChange<T>> handler) : IDisposable
    {
        public void Dispose() => informer.Unsubscribe(handler);
    }
}

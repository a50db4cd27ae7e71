using Ccm.Sandbox.Kube.Discovery;
using Ccm.Sandbox.Kube.Semantics;
using Ccm.Sandbox.Kube.Storage;
using Microsoft.Extensions.Logging;

namespace Ccm.Sandbox.Kube.Controllers;

/// <summary>
/// A stand-in for what kube-controller-manager, the scheduler and the kubelets do in a real cluster, so that applied
/// manifests behave: Deployments get ready Pods on the schedulable nodes, Services get EndpointSlices, owned objects
/// are garbage-collected and namespaces empty out when deleted. It follows the store's event log like any watcher and
/// writes through the same API verbs a client uses (its writes are seen by watchers as a real controller's would be).
/// </summary>
internal sealed class ClusterControllers : IAsyncDisposable
{
    private readonly ObjectStore store;
    private readonly IReadOnlyList<(IController Controller, WorkQueue Queue)> controllers;
    private readonly ILogger logger;
    private readonly CancellationTokenSource stop = new();
    private Task loop = Task.CompletedTask;

    public ClusterControllers(ObjectStore store, ResourceOperations operations, ResourceCatalog catalog, TimeProvider clock, ILogger<ClusterControllers> logger)
    {
        this.store = store;
        this.logger = logger;
        var api = new ControllerApi(operations, catalog, clock);
        controllers =
        [
            (new NamespaceController(api), new WorkQueue()),
            (new GarbageCollector(api), new WorkQueue()),
            (new DeploymentController(api), new WorkQueue()),
            (new PodScheduler(api), new WorkQueue()),
            (new EndpointSliceController(api), new WorkQueue()),
        ];
    }

    public void Start() => loop = Task.Run(() => RunAsync(stop.Token));

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await loop;
        stop.Dispose();
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        var restarts = store.Events.Restarts;
        var cursor = Resync();
        while (!cancellationToken.IsCancellationRequested)
        {
            if (store.Events.Restarts != restarts)
            {
                // The API server restarted on a store that lost its state: the cursor means nothing any more, as for a
                // real controller-manager whose watches end; start from what is there now.
                logger.LogInformation("The store restarted; controllers resync");
                restarts = store.Events.Restarts;
                cursor = Resync();
            }

            cursor = Observe(cursor);
            var worked = ProcessQueues();
            var nextRetry = controllers.Select(c => c.Queue.PromoteDue(DateTime.UtcNow)).Where(d => d is not null).Min();
            if (!worked && controllers.All(c => c.Queue.Count == 0))
            {
                await store.Events.WaitAsync(cursor, nextRetry ?? Timeout.InfiniteTimeSpan, cancellationToken, restarts);
            }
        }
    }

    /// <summary>
    /// Queues the keys of every event after <paramref name="cursor"/>; resyncs if it fell out of the window. Only events
    /// the published snapshot already holds are taken: the store appends (and pulses) an event just before it publishes
    /// the snapshot, and a key reconciled against the older snapshot would see no change and never be looked at again.
    /// </summary>
    private long Observe(long cursor)
    {
        var log = store.Events;
        var published = Math.Min(log.Head, store.Snapshot.ResourceVersion);
        for (var rv = cursor + 1; rv <= published; rv++)
        {
            var read = log.TryRead(rv, out var e);
            if (read == EventRead.NotYet)
            {
                // The log restarted (the API server lost its state) while this loop read it: the next pass sees the
                // restart and resyncs.
                return cursor;
            }

            if (read == EventRead.Expired)
            {
                logger.LogWarning("Controllers fell behind the watch history at {ResourceVersion}; resyncing", rv);
                return Resync();
            }

            foreach (var (controller, queue) in controllers)
            {
                foreach (var key in controller.KeysFor(e!))
                {
                    queue.Add(key);
                }
            }

            cursor = rv;
        }

        return cursor;
    }

    private long Resync()
    {
        var snapshot = store.Snapshot;
        foreach (var (controller, queue) in controllers)
        {
            foreach (var key in controller.Resync(snapshot))
            {
                queue.Add(key);
            }
        }

        return snapshot.ResourceVersion;
    }

    private bool ProcessQueues()
    {
        var worked = false;
        foreach (var (controller, queue) in controllers)
        {
            while (queue.TryTake(out var key))
            {
                worked = true;
                try
                {
                    controller.Reconcile(key);
                    queue.Forget(key);
                }
                catch (KubeApiException e) when (e.Code is 404 or 409)
                {
                    // Someone else changed or removed the object meanwhile: look again shortly, from the new state.
                    logger.LogDebug("{Controller} {Key}: {Reason}; retrying", controller.Name, key, e.Reason);
                    queue.Retry(key, DateTime.UtcNow);
                }
                catch (Exception e)
                {
                    logger.LogWarning(e, "{Controller} failed to reconcile {Key}; retrying", controller.Name, key);
                    queue.Retry(key, DateTime.UtcNow);
                }
            }
        }

        return worked;
    }
}

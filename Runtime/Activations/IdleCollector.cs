namespace Ccm.Runtime;

/// <summary>
/// Every collection quantum, deactivates activations idle for longer than the idle timeout (Orleans'
/// <c>ActivationCollector</c>: <c>CollectionQuantum</c> 1 min, <c>CollectionAge</c> 15 min). An activation with a
/// queued or running turn, a scheduled retry or requeue, or a registered timer is never collected.
/// </summary>
internal sealed class IdleCollector(Catalog catalog, GrainRuntimeOptions options, TimeProvider time) : IDisposable
{
    private ITimer? timer;

    public void Start()
    {
        using (ExecutionContext.SuppressFlow())
        {
            timer = time.CreateTimer(_ => Collect(), null, options.CollectionQuantum, options.CollectionQuantum);
        }
    }

    public void Collect()
    {
        var now = time.GetUtcNow();
        foreach (var activation in catalog.Activations)
        {
            activation.CollectIfIdle(now, options.IdleTimeout);
        }
    }

    public void Dispose() => timer?.Dispose();
}

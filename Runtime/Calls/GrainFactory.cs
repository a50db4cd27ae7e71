namespace Ccm.Runtime;

/// <summary>This silo's <see cref="IGrainFactory"/>: proxies for calls, and signals straight into the catalog.</summary>
internal sealed class GrainFactory(GrainTypeRegistry registry, Catalog catalog, TimeSpan callTimeout, TimeProvider time) : IGrainFactory
{
    public TGrainInterface GetGrain<TGrainInterface>(string key) where TGrainInterface : IGrainWithStringKey
    {
        ArgumentNullException.ThrowIfNull(key);
        return (TGrainInterface)GrainProxy.Create(this, registry.Get(typeof(TGrainInterface)), key);
    }

    public bool Signal<TGrainInterface>(string key) where TGrainInterface : IReconcilerGrain
    {
        ArgumentNullException.ThrowIfNull(key);
        return catalog.Signal(registry.Get(typeof(TGrainInterface)), key);
    }

    public GrainId GetGrainId<TGrainInterface>(string key) where TGrainInterface : IGrainWithStringKey =>
        new(registry.Get(typeof(TGrainInterface)).Name, key);

    /// <summary>Queues the call as a turn and waits for it, up to the call timeout.</summary>
    public async Task<T> CallAsync<T>(GrainType type, string key, GrainMethod method, object?[] arguments)
    {
        var item = new CallWorkItem<T>(method, arguments, TurnContext.CurrentChain);
        var id = new GrainId(type.Name, key);
        catalog.Call(type, key, item);
        try
        {
            return await item.Task.WaitAsync(callTimeout, time);
        }
        catch (TimeoutException) when (!item.Task.IsCompleted)
        {
            // The turn may still run (or be running); like Orleans we only stop waiting. Skipped if not started.
            item.Abandon();
            throw new TimeoutException($"call {id}.{method.Name} did not complete within {callTimeout}");
        }
    }
}

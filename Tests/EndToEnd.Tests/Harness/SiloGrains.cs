using Ccm.GrainInterfaces;
using Orleans;

namespace Ccm.EndToEnd.Tests;

/// <summary>
/// A silo's grain factory as the tests use it: grains by key, the per-silo grains (the watcher) by their key function
/// applied to this silo's address, and a signal that asks a reconciler for a turn wherever Orleans placed it.
/// </summary>
public sealed class SiloGrains(IGrainFactory factory, string siloAddress)
{
    public IGrainFactory Factory => factory;

    public TGrain GetGrain<TGrain>(string key)
        where TGrain : IGrainWithStringKey => factory.GetGrain<TGrain>(key);

    /// <summary>The grain of this silo whose key is made from the silo's address (<c>GrainKeys.Watcher</c>).</summary>
    public TGrain GetGrain<TGrain>(Func<string, string> keyOfSilo)
        where TGrain : IGrainWithStringKey => factory.GetGrain<TGrain>(keyOfSilo(siloAddress));

    /// <summary>Signals a reconciler (a change) and waits until Orleans accepted the call; true once it did.</summary>
    public bool Signal<TGrain>(string key)
        where TGrain : IReconcilerGrain
    {
        factory.GetGrain<TGrain>(key).Signal(SignalKind.Event).GetAwaiter().GetResult();
        return true;
    }
}

using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Ccm.Runtime;

/// <summary>
/// The activation table of one silo: finds or creates the activation of a grain id, routes calls, signals and
/// reminder ticks into its mailbox, and opens, closes and drains shards. A grain is activated only while its
/// shard's gate is open, so a grain never runs on a silo that does not own its shard.
/// </summary>
internal sealed class Catalog
{
    private readonly ConcurrentDictionary<GrainId, Activation> activations = new();
    private readonly ShardGate[] gates;
    private readonly ShardGate localGate;

    public Catalog(SiloRuntime runtime)
    {
        Runtime = runtime;
        gates = [.. Enumerable.Range(0, runtime.ShardMap.ShardCount).Select(_ => new ShardGate(runtime.Time))];
        localGate = new ShardGate(runtime.Time);
    }

    public SiloRuntime Runtime { get; }

    public ICollection<Activation> Activations => activations.Values;

    public ShardGate Gate(int shard) => shard == ShardMap.Local ? localGate : gates[shard];

    public bool IsRunnable(int shard) => Gate(shard).IsOpen;

    /// <summary>Queues a call; throws when the grain cannot run here or the call would wait for itself.</summary>
    public void Call<T>(GrainType type, string key, CallWorkItem<T> item)
    {
        var id = new GrainId(type.Name, key);
        var shard = Runtime.ShardMap.ShardOf(type, key);
        while (true)
        {
            var activation = GetOrCreate(id, type, shard) ?? throw new ShardNotOwnedException(id, shard, Runtime.SiloName);
            if (item.CallChain.Contains(activation))
            {
                throw new GrainCallCycleException(id, [.. item.CallChain.Select(a => a.Id), id]);
            }

            switch (activation.TryPost(item))
            {
                case PostResult.Accepted:
                    return;
                case PostResult.NotRunnable:
                    throw new ShardNotOwnedException(id, shard, Runtime.SiloName);
                default:
                    Forget(activation);
                    break;
            }
        }
    }

    /// <summary>Signals a reconciler; false when its shard does not run here.</summary>
    public bool Signal(GrainType type, string key)
    {
        if (!type.IsReconciler)
        {
            throw new ArgumentException($"{type.Interface.Name} is not a reconciler grain interface (IReconcilerGrain)");
        }

        var id = new GrainId(type.Name, key);
        var shard = Runtime.ShardMap.ShardOf(type, key);
        while (true)
        {
            var activation = GetOrCreate(id, type, shard);
            var result = activation?.TrySignal() ?? PostResult.NotRunnable;
            if (result == PostResult.Retired)
            {
                Forget(activation!);
                continue;
            }

            Runtime.Counters.Signal(result == PostResult.Accepted);
            return result == PostResult.Accepted;
        }
    }

    /// <summary>Delivers a reminder tick (activating the grain); false when its shard does not run here.</summary>
    public bool Deliver(GrainType type, string key, WorkItem item)
    {
        var id = new GrainId(type.Name, key);
        var shard = Runtime.ShardMap.ShardOf(type, key);
        while (true)
        {
            var activation = GetOrCreate(id, type, shard);
            var result = activation?.TryPost(item) ?? PostResult.NotRunnable;
            if (result != PostResult.Retired)
            {
                return result == PostResult.Accepted;
            }

            Forget(activation!);
        }
    }

    public void OpenShard(int shard, DateTimeOffset validUntil) => Gate(shard).OpenUntil(validUntil);

    /// <summary>
    /// Closes the shard and ends its activations: graceful (queued calls run, turns finish) or forced (queued work
    /// is dropped, running turns are cancelled). Waits at most <paramref name="timeout"/>: leases do not fence, so a
    /// turn that ignores cancellation cannot be stopped, only waited for.
    /// </summary>
    public async Task StopShardAsync(int shard, DeactivationReason reason, bool force, TimeSpan timeout)
    {
        Gate(shard).Close();
        var stopping = activations.Values.Where(a => a.Shard == shard).Select(a => a.StopAsync(reason, force)).ToList();
        try
        {
            await Task.WhenAll(stopping).WaitAsync(timeout, Runtime.Time);
        }
        catch (TimeoutException)
        {
            Runtime.Logger.LogWarning(
                "Shard {Shard}: {Count} activations still running after {Timeout}; moving on (grain work must be idempotent)",
                shard, stopping.Count(t => !t.IsCompleted), timeout);
        }
    }

    /// <summary>Removes a retired activation (only if the table still maps its id to it).</summary>
    public void Forget(Activation activation) => activations.TryRemove(KeyValuePair.Create(activation.Id, activation));

    private Activation? GetOrCreate(GrainId id, GrainType type, int shard)
    {
        var gate = Gate(shard);
        if (activations.TryGetValue(id, out var existing))
        {
            return existing;
        }

        // Creation happens under the gate's lock: StopShardAsync closes the gate under the same lock before it
        // enumerates, so it sees every activation of the shard and none is created after.
        lock (gate.CreationLock)
        {
            return gate.IsOpen ? activations.GetOrAdd(id, _ => new Activation(this, id, type, shard)) : null;
        }
    }
}

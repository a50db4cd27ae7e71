using System.Collections.Concurrent;
using Ccm.GrainInterfaces;
using Ccm.GrainInterfaces.State;

namespace Ccm.Grains.Tests.Fakes;

/// <summary>An <see cref="IGrainStateBoard"/> without shards, for turns run outside a silo.</summary>
public sealed class DictionaryStateBoard : IGrainStateBoard
{
    private readonly ConcurrentDictionary<(Type, string), GrainState> states = new();

    public void Publish<TState>(TState state) where TState : GrainState => states[(typeof(TState), state.Key)] = state;

    public void Remove<TState>(string key) where TState : GrainState => states.TryRemove((typeof(TState), key), out _);

    public TState? Get<TState>(string key) where TState : GrainState => states.TryGetValue((typeof(TState), key), out var s) ? (TState)s : null;

    public IReadOnlyList<TState> List<TState>() where TState : GrainState =>
        [.. states.Where(s => s.Key.Item1 == typeof(TState)).Select(s => (TState)s.Value).OrderBy(s => s.Key, StringComparer.Ordinal)];
}

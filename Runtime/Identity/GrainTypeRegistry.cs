using System.Collections.Frozen;

namespace Ccm.Runtime;

/// <summary>The grain types one silo can activate, by interface and by durable name.</summary>
internal sealed class GrainTypeRegistry
{
    private readonly FrozenDictionary<Type, GrainType> byInterface;
    private readonly FrozenDictionary<string, GrainType> byName;

    public GrainTypeRegistry(IEnumerable<GrainRegistration> registrations)
    {
        var types = registrations.Distinct().Select(GrainType.Create).ToList();
        foreach (var duplicate in types.GroupBy(t => t.Name).Where(g => g.Count() > 1))
        {
            throw new ArgumentException(
                $"grain type name '{duplicate.Key}' is used by {string.Join(", ", duplicate.Select(t => t.Interface.FullName))}; pin distinct names with [GrainType]");
        }

        foreach (var duplicate in types.GroupBy(t => t.Interface).Where(g => g.Count() > 1))
        {
            throw new ArgumentException($"{duplicate.Key.Name} is registered with more than one implementation");
        }

        byInterface = types.ToFrozenDictionary(t => t.Interface);
        byName = types.ToFrozenDictionary(t => t.Name);
        Types = types;
    }

    public IReadOnlyList<GrainType> Types { get; }

    public bool TryGetByName(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out GrainType? type) =>
        byName.TryGetValue(name, out type);

    public GrainType Get(Type grainInterface) =>
        byInterface.TryGetValue(grainInterface, out var type)
            ? type
            : throw new ArgumentException(
                $"{grainInterface.Name} is not a registered grain interface (services.AddGrain<{grainInterface.Name}, ...>()); registered: {string.Join(", ", byInterface.Keys.Select(k => k.Name))}");
}

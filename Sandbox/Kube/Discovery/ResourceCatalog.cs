using System.Collections.Frozen;
using System.Collections.Immutable;

namespace Ccm.Sandbox.Kube.Discovery;

/// <summary>Every resource type the emulator serves, indexed the ways requests address them.</summary>
internal sealed class ResourceCatalog
{
    private readonly FrozenDictionary<(string Group, string Version, string Plural), ResourceType> byPath;
    private readonly FrozenDictionary<(string ApiVersion, string Kind), ResourceType> byKind;
    private readonly FrozenDictionary<string, ResourceType> byName;

    public ResourceCatalog(IEnumerable<ResourceType> types)
    {
        All = [.. types];
        byPath = All.ToFrozenDictionary(t => (t.Group, t.Version, t.Plural));
        byKind = All.ToFrozenDictionary(t => (t.ApiVersion, t.Kind));

        // Names as kubectl accepts them: "services", "svc", "service", "deployments.apps". A bare plural picks the
        // first registration, so "events" is core/v1 and "events.events.k8s.io" the newer API (as in kubectl).
        var names = new Dictionary<string, ResourceType>(StringComparer.Ordinal);
        foreach (var type in All)
        {
            names.TryAdd(type.GroupResource, type);
            foreach (var alias in type.ShortNames.Append(type.Plural).Append(type.Singular).Append(type.Kind))
            {
                names.TryAdd(alias, type);
            }
        }

        byName = names.ToFrozenDictionary(StringComparer.Ordinal);
        Groups = [.. All.Where(t => t.Group.Length > 0).Select(t => (t.Group, t.Version)).Distinct()];
    }

    public ImmutableArray<ResourceType> All { get; }

    /// <summary>Named groups and their (single) served version, in registration order.</summary>
    public ImmutableArray<(string Group, string Version)> Groups { get; }

    public ResourceType? Find(string group, string version, string plural) =>
        byPath.GetValueOrDefault((group, version, plural));

    public ResourceType? FindByKind(string apiVersion, string kind) => byKind.GetValueOrDefault((apiVersion, kind));

    /// <summary>Resolves a kubectl-style name: plural, singular, short name, kind, or <c>plural.group</c>.</summary>
    public ResourceType? FindByName(string name) => byName.GetValueOrDefault(name);

    public ResourceType Require(string name) =>
        FindByName(name) ?? throw new ArgumentException($"the emulator serves no resource named \"{name}\"", nameof(name));

    public IEnumerable<ResourceType> InGroupVersion(string group, string version) =>
        All.Where(t => t.Group == group && t.Version == version);

    public bool ServesGroupVersion(string group, string version) => All.Any(t => t.Group == group && t.Version == version);
}

using System.Collections.Immutable;

namespace Ccm.Sandbox.Kube;

/// <summary>
/// One kind the emulator serves (a REST resource in Kubernetes' terms): where it lives in the URL space, how discovery
/// describes it, and which subresources and field selectors it supports. Storage is generic JSON, so registering a
/// resource type is all it takes to serve a new kind.
/// </summary>
public sealed record ResourceType
{
    /// <summary>The API group; empty for the core ("legacy") group served under <c>/api</c>.</summary>
    public required string Group { get; init; }

    public required string Version { get; init; }

    /// <summary>The plural resource name used in URLs, e.g. <c>services</c>.</summary>
    public required string Plural { get; init; }

    public required string Singular { get; init; }

    public required string Kind { get; init; }

    public required bool Namespaced { get; init; }

    public ImmutableArray<string> ShortNames { get; init; } = [];

    /// <summary>Subresources served besides the main resource: <c>status</c>, <c>scale</c>.</summary>
    public ImmutableArray<string> Subresources { get; init; } = [];

    /// <summary>
    /// Field-selector labels beyond <c>metadata.name</c> and <c>metadata.namespace</c> (which every kind supports),
    /// e.g. <c>spec.nodeName</c> for pods. Each is a dotted path to a scalar in the object.
    /// </summary>
    public ImmutableArray<string> SelectableFields { get; init; } = [];

    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    /// <summary><c>services</c>, <c>deployments.apps</c>: the name kubectl and error messages use.</summary>
    public string GroupResource => Group.Length == 0 ? Plural : $"{Plural}.{Group}";

    public string ListKind => Kind + "List";

    public bool HasStatus => Subresources.Contains("status");

    public bool HasScale => Subresources.Contains("scale");
}

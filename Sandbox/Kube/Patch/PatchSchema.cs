using System.Collections.Frozen;
using System.Collections.Immutable;

namespace Ccm.Sandbox.Kube.Patch;

/// <summary>
/// The strategic-merge metadata of one JSON object type: for each field, how a patch list merges with the live list
/// (the Go struct tags <c>patchStrategy</c>/<c>patchMergeKey</c>) and the schema of nested objects. Fields it does not
/// name merge as plain objects, and their lists are replaced (atomic), as for any field without a patch strategy.
/// </summary>
internal sealed class PatchSchema
{
    public static readonly PatchSchema Empty = new([]);

    private readonly FrozenDictionary<string, PatchField> fields;

    public PatchSchema(IEnumerable<KeyValuePair<string, PatchField>> fields) =>
        this.fields = fields.ToFrozenDictionary(StringComparer.Ordinal);

    public PatchField Field(string name) => fields.GetValueOrDefault(name) ?? PatchField.Atomic;
}

internal enum ListStrategy
{
    /// <summary>No patch strategy: a patch list replaces the live one (e.g. node taints, tolerations).</summary>
    Replace,

    /// <summary><c>patchStrategy:"merge"</c> with a merge key: elements merge by key (ports, containers, conditions).</summary>
    MergeByKey,

    /// <summary><c>patchStrategy:"merge"</c> on a list of scalars: a set union (finalizers).</summary>
    MergeSet,
}

/// <summary>A merge key; <see cref="Default"/> stands in when an element omits it (a port's protocol is TCP).</summary>
internal sealed record MergeKey(string Name, string? Default = null);

internal sealed record PatchField(ListStrategy List, ImmutableArray<MergeKey> Keys, PatchSchema Schema)
{
    public static readonly PatchField Atomic = new(ListStrategy.Replace, [], PatchSchema.Empty);
}

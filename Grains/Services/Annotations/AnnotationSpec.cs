namespace Ccm.Grains.Services;

/// <summary>
/// One annotation the Service grain understands: its name, how a value is checked, and what a reader is told when a
/// value is refused. Load-balancer annotations are read under the current prefix and the legacy one (the current one
/// wins, as upstream); the few that live elsewhere (<c>service.beta.kubernetes.io/backend-type</c>) carry a full name.
/// </summary>
/// <param name="Key">The suffix after <see cref="ServicePredicates.AnnotationPrefix"/>, or the full name when not prefixed.</param>
/// <param name="Allowed">The allowed values, in words, for the Warning Event.</param>
/// <param name="IsValid">Whether a (trimmed, non-empty) value is acceptable.</param>
/// <param name="Immutable">Fixed when the load balancer is created: a later change is refused with a Warning Event.</param>
/// <param name="Prefixed">Whether <paramref name="Key"/> is a suffix of the load-balancer prefixes.</param>
public sealed record AnnotationSpec(string Key, string Allowed, Func<string, bool> IsValid, bool Immutable = false, bool Prefixed = true)
{
    /// <summary>The name users write (current prefix).</summary>
    public string Name => Prefixed ? ServicePredicates.AnnotationPrefix + Key : Key;

    /// <summary>The legacy name upstream also reads, or null.</summary>
    public string? LegacyName => Prefixed ? ServicePredicates.LegacyAnnotationPrefix + Key : null;

    public bool Equals(AnnotationSpec? other) => other is not null && Name == other.Name;

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Name);

    public override string ToString() => Name;
}

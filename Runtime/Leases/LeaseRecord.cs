using System.Collections.Immutable;

namespace Ccm.Runtime;

/// <summary>
/// A <c>coordination.k8s.io/v1</c> Lease as the runtime sees it. <see cref="ResourceVersion"/> is the optimistic
/// concurrency token: a replace carrying a stale one loses (409), which is how two contenders are kept apart.
/// An empty <see cref="HolderIdentity"/> means released.
/// </summary>
public sealed record LeaseRecord
{
    public required string Name { get; init; }

    public string? ResourceVersion { get; init; }

    public string? HolderIdentity { get; init; }

    public int LeaseDurationSeconds { get; init; }

    public DateTimeOffset? AcquireTime { get; init; }

    public DateTimeOffset? RenewTime { get; init; }

    public int LeaseTransitions { get; init; }

    public ImmutableDictionary<string, string> Labels { get; init; } = ImmutableDictionary<string, string>.Empty;

    public ImmutableDictionary<string, string> Annotations { get; init; } = ImmutableDictionary<string, string>.Empty;

    public bool IsHeld => !string.IsNullOrEmpty(HolderIdentity);

    /// <summary>
    /// The store's own representation this record was read from, carried through <c>with</c> so that a replace (a PUT,
    /// which overwrites the whole object) keeps every field the record does not model.
    /// </summary>
    internal object? Origin { get; init; }
}

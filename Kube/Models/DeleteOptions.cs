namespace Ccm.Kube.Models;

/// <summary>
/// meta/v1 DeleteOptions, sent as the DELETE body (as kubectl does). <see cref="Preconditions"/> make the delete
/// conditional: the server answers 409 Conflict when the live object's uid or resourceVersion differs.
/// </summary>
public sealed record DeleteOptions
{
    public DeleteOptions()
    {
    }

    public DeleteOptions(string? propagationPolicy) => PropagationPolicy = propagationPolicy;

    public string ApiVersion { get; init; } = "v1";

    public string Kind { get; init; } = "DeleteOptions";

    public Preconditions? Preconditions { get; init; }

    /// <summary><c>Orphan</c>, <c>Background</c> or <c>Foreground</c>; see <see cref="PropagationPolicies"/>.</summary>
    public string? PropagationPolicy { get; init; }

    public long? GracePeriodSeconds { get; init; }

    /// <summary><c>["All"]</c> to validate without persisting.</summary>
    public IReadOnlyList<string>? DryRun { get; init; }
}

/// <summary>meta/v1 Preconditions: delete only this incarnation (<see cref="Uid"/>) or this version.</summary>
public sealed record Preconditions
{
    public string? Uid { get; init; }

    public string? ResourceVersion { get; init; }
}

/// <summary>How dependents (objects whose ownerReferences point at the deleted one) are garbage collected.</summary>
public static class PropagationPolicies
{
    /// <summary>Dependents are left behind, their owner references removed.</summary>
    public const string Orphan = "Orphan";

    /// <summary>The object goes at once; the garbage collector deletes dependents afterwards.</summary>
    public const string Background = "Background";

    /// <summary>The object stays (with the <c>foregroundDeletion</c> finalizer) until its blocking dependents are gone.</summary>
    public const string Foreground = "Foreground";
}

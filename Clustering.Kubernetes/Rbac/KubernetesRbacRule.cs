namespace Ccm.Clustering.Kubernetes.Rbac;

/// <summary>
/// One rule of a namespaced Role, as data: the chart renders these and its tests compare. An empty
/// <see cref="ResourceNames"/> means any name, which Kubernetes requires for <c>create</c> (the name of an object
/// being created is not known to the authorizer).
/// </summary>
/// <param name="ApiGroup">The API group; "" for the core group.</param>
/// <param name="Resource">The plural resource, e.g. <c>configmaps</c>.</param>
/// <param name="Verbs">The verbs granted.</param>
/// <param name="ResourceNames">The object names the verbs are limited to; empty for any.</param>
public sealed record KubernetesRbacRule(string ApiGroup, string Resource, IReadOnlyList<string> Verbs, IReadOnlyList<string> ResourceNames)
{
    /// <summary>Compares by content, so rules can be compared with rendered ones.</summary>
    public bool Equals(KubernetesRbacRule? other) =>
        other is not null && ApiGroup == other.ApiGroup && Resource == other.Resource &&
        Verbs.SequenceEqual(other.Verbs) && ResourceNames.SequenceEqual(other.ResourceNames);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(ApiGroup, Resource, Verbs.Count, ResourceNames.Count);
}

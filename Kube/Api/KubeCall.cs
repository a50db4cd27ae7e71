namespace Ccm.Kube.Api;

/// <summary>
/// One API request as RBAC sees it: the verb (<c>get</c>, <c>list</c>, <c>watch</c>, <c>create</c>, <c>update</c>,
/// <c>patch</c>, <c>delete</c>), the API group (<c>""</c> for core), the resource (plural), the subresource
/// (<c>status</c>) and the namespace (null for cluster-wide or cluster-scoped requests).
/// </summary>
public sealed record KubeCall(string Verb, string ApiGroup, string Resource, string? Subresource, string? Namespace)
{
    /// <summary>The RBAC resource string: <c>services</c> or <c>services/status</c>.</summary>
    public string RbacResource => Subresource is null ? Resource : $"{Resource}/{Subresource}";

    public override string ToString() => $"{Verb} {RbacResource}{(ApiGroup.Length == 0 ? "" : "." + ApiGroup)}{(Namespace is null ? "" : " in " + Namespace)}";
}

/// <summary>Told about every request before it is sent (retries are not repeated). Must be fast and thread-safe.</summary>
public interface IKubeCallObserver
{
    void OnCall(KubeCall call);
}

namespace Ccm.Kube.Http;

/// <summary>
/// One Kubernetes API request as RBAC sees it: the verb (<c>get</c>, <c>list</c>, <c>watch</c>, <c>create</c>,
/// <c>update</c>, <c>patch</c>, <c>delete</c>), API group, resource, subresource, namespace and, for requests on one
/// object, its name. Compared with the Helm chart's rules by the chart tests.
/// </summary>
public sealed record KubeCall(string Verb, string ApiGroup, string Resource, string? Subresource, string? Namespace, string? Name = null)
{
    /// <summary>The resource as RBAC rules name it: <c>nodes/status</c> for a subresource.</summary>
    public string RbacResource => Subresource is null ? Resource : $"{Resource}/{Subresource}";

    public override string ToString() =>
        $"{Verb} {RbacResource}{(ApiGroup.Length == 0 ? "" : "." + ApiGroup)}{(Name is null ? "" : " " + Name)}{(Namespace is null ? "" : " in " + Namespace)}";
}

/// <summary>Told of every request the client sends (after the QPS limiter lets it through).</summary>
public interface IKubeCallObserver
{
    void OnCall(KubeCall call);
}

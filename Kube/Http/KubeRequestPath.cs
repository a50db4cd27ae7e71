using System.Web;

namespace Ccm.Kube.Http;

/// <summary>
/// Reads a Kubernetes API URL as the API server's request-info resolver does: <c>/api/v1/...</c> is the core group,
/// <c>/apis/{group}/{version}/...</c> the others; then <c>namespaces/{ns}/{resource}[/{name}[/{subresource}]]</c>.
/// </summary>
public static class KubeRequestPath
{
    /// <summary>The call a request makes, or null for a non-resource path (<c>/version</c>, discovery).</summary>
    public static KubeCall? Classify(HttpMethod method, Uri uri)
    {
        var segments = uri.AbsolutePath.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        int start;
        string group;
        if (segments.Length >= 3 && segments[0] == "api")
        {
            (group, start) = ("", 2);
        }
        else if (segments.Length >= 4 && segments[0] == "apis")
        {
            (group, start) = (segments[1], 3);
        }
        else
        {
            return null;
        }

        var rest = segments[start..];
        string? ns = null;
        if (rest is ["namespaces", var namespaceName, ..] && (rest.Length == 2 || rest[2] is "status" or "finalize"))
        {
            // A Namespace itself, or its own subresources: the API server's requestinfo.go namespaceSubresources.
            return new KubeCall(Verb(method, collection: false, uri), group, "namespaces", rest.Length > 2 ? rest[2] : null, null, namespaceName);
        }

        if (rest is ["namespaces", _, _, ..])
        {
            ns = rest[1];
            rest = rest[2..];
        }

        var resource = rest[0];
        var name = rest.Length > 1 ? rest[1] : null;
        var subresource = rest.Length > 2 ? rest[2] : null;
        return new KubeCall(Verb(method, name is null, uri), group, resource, subresource, ns, name);
    }

    private static string Verb(HttpMethod method, bool collection, Uri uri) => method.Method switch
    {
        "GET" when collection && IsWatch(uri) => "watch",
        "GET" when collection => "list",
        "GET" => "get",
        "POST" => "create",
        "PUT" => "update",
        "PATCH" => "patch",
        "DELETE" when collection => "deletecollection",
        "DELETE" => "delete",
        _ => method.Method.ToLowerInvariant(),
    };

    private static bool IsWatch(Uri uri) =>
        HttpUtility.ParseQueryString(uri.Query)["watch"] is "true" or "1";
}

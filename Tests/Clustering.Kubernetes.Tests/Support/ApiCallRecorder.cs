using System.Collections.Concurrent;

namespace Ccm.Clustering.Kubernetes.Tests.Support;

/// <summary>One request as RBAC sees it: verb, API group, resource and object name (null for a create).</summary>
public sealed record ApiCall(string Verb, string ApiGroup, string Resource, string? Name);

/// <summary>Records every request a client sends, translated to the RBAC attributes the API server authorizes.</summary>
public sealed class ApiCallRecorder : DelegatingHandler
{
    private readonly ConcurrentQueue<ApiCall> calls = new();

    public IReadOnlyList<ApiCall> Calls => [.. calls];

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        calls.Enqueue(Parse(request.Method, request.RequestUri!.AbsolutePath));
        return base.SendAsync(request, cancellationToken);
    }

    /// <summary><c>/api/v1/namespaces/{ns}/{resource}[/{name}]</c> or <c>/apis/{group}/{version}/namespaces/...</c>.</summary>
    private static ApiCall Parse(HttpMethod method, string path)
    {
        var parts = path.Trim('/').Split('/');
        var (group, rest) = parts[0] == "api" ? ("", parts[2..]) : (parts[1], parts[3..]);
        var resource = rest[2];
        var name = rest.Length > 3 ? rest[3] : null;
        var verb = method.Method switch
        {
            "GET" => name is null ? "list" : "get",
            "POST" => "create",
            "PUT" => "update",
            "PATCH" => "patch",
            "DELETE" => name is null ? "deletecollection" : "delete",
            _ => method.Method,
        };
        return new ApiCall(verb, group, resource, name);
    }
}

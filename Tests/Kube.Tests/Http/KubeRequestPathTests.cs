using Ccm.Kube.Http;

namespace Ccm.Kube.Tests.Http;

/// <summary>Every request as RBAC sees it (the API server's request-info resolver): verb, group, resource, subresource, scope.</summary>
public class KubeRequestPathTests
{
    public static TheoryData<string, string, string> Calls => new()
    {
        { "GET", "/api/v1/namespaces/default/services/web", "get services web in default" },
        { "GET", "/api/v1/services?limit=500", "list services" },
        { "GET", "/api/v1/services?allowWatchBookmarks=true&resourceVersion=10&timeoutSeconds=300&watch=true", "watch services" },
        { "GET", "/api/v1/namespaces/default/services?watch=1", "watch services in default" },
        { "GET", "/api/v1/namespaces/default/services/web?watch=true", "get services web in default" },
        { "POST", "/api/v1/namespaces/default/events", "create events in default" },
        { "PUT", "/apis/coordination.k8s.io/v1/namespaces/kube-system/leases/ccm", "update leases.coordination.k8s.io ccm in kube-system" },
        { "PATCH", "/api/v1/namespaces/default/services/web/status", "patch services/status web in default" },
        { "PATCH", "/api/v1/nodes/n1/status", "patch nodes/status n1" },
        { "PATCH", "/api/v1/nodes/n1", "patch nodes n1" },
        { "DELETE", "/api/v1/nodes/n1", "delete nodes n1" },
        { "DELETE", "/api/v1/namespaces/default/configmaps?labelSelector=a%3Db", "deletecollection configmaps in default" },
        { "GET", "/apis/discovery.k8s.io/v1/endpointslices?limit=500", "list endpointslices.discovery.k8s.io" },
        { "POST", "/apis/events.k8s.io/v1/namespaces/default/events", "create events.events.k8s.io in default" },
        { "GET", "/api/v1/namespaces", "list namespaces" },
        { "GET", "/api/v1/namespaces/kube-system", "get namespaces kube-system" },
        { "PUT", "/api/v1/namespaces/gone/finalize", "update namespaces/finalize gone" },
        { "GET", "/api/v1/namespaces/default/status", "get namespaces/status default" },
        { "GET", "/api/v1/namespaces/default/pods/p1/log", "get pods/log p1 in default" },
    };

    [Theory]
    [MemberData(nameof(Calls))]
    public void A_resource_request_is_named_as_rbac_names_it(string method, string path, string expected)
    {
        var call = KubeRequestPath.Classify(new HttpMethod(method), new Uri(new Uri("https://10.96.0.1"), path));

        Assert.Equal(expected, call?.ToString());
    }

    [Theory]
    [InlineData("/version")]
    [InlineData("/api")]
    [InlineData("/api/v1")]
    [InlineData("/apis")]
    [InlineData("/apis/discovery.k8s.io")]
    [InlineData("/apis/discovery.k8s.io/v1")]
    [InlineData("/openapi/v3")]
    [InlineData("/healthz")]
    public void A_non_resource_path_is_no_resource_call(string path)
    {
        Assert.Null(KubeRequestPath.Classify(HttpMethod.Get, new Uri(new Uri("https://10.96.0.1"), path)));
    }

    [Fact]
    public void The_rbac_resource_of_a_subresource_joins_them_with_a_slash()
    {
        var call = KubeRequestPath.Classify(HttpMethod.Patch, new Uri("https://10.96.0.1/api/v1/namespaces/default/services/web/status"))!;

        Assert.Equal(new KubeCall("patch", "", "services", "status", "default", "web"), call);
        Assert.Equal("services/status", call.RbacResource);
    }
}

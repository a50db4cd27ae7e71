using System.Net.Http.Headers;
using System.Security.Authentication;
using Ccm.Sandbox.Kube;
using Ccm.Sandbox.Tests.Kube.Support;

namespace Ccm.Sandbox.Tests.Kube;

/// <summary>
/// The emulator authenticates as an API server with a static token does, anonymous access being limited to the paths
/// the default RBAC grants <c>system:unauthenticated</c> (ClusterRole <c>system:public-info-viewer</c>).
/// </summary>
public sealed class AuthenticationTests(KubeEmulatorFixture fixture) : IClassFixture<KubeEmulatorFixture>
{
    [Theory]
    [InlineData("/api/v1/namespaces")]
    [InlineData("/api/v1/namespaces/default/services/kubernetes")]
    [InlineData("/api")]
    [InlineData("/apis")]
    [InlineData("/openapi/v3")]
    [InlineData("/livez/ping")]
    public async Task A_request_without_the_token_gets_the_api_servers_401_status(string path)
    {
        using var http = Client(token: null);

        var reply = await http.GetAsync(path);

        Assert.Equal(401, reply.Status);
        Assert.Equal("application/json", reply.MediaType);
        Assert.Equal(
            """{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"Unauthorized","reason":"Unauthorized","code":401}""",
            reply.Body!.ToJsonString());
    }

    [Fact]
    public async Task A_write_without_the_token_is_refused_and_changes_nothing()
    {
        using var http = Client(token: null);
        var ns = fixture.NewNamespace();

        var reply = await http.PostAsync(Manifests.Path(ns, "configmaps"), Manifests.ConfigMap("sneaky", ns));

        Assert.Equal(401, reply.Status);
        Assert.Null(fixture.Emulator.Objects.Get("configmaps", ns, "sneaky"));
    }

    [Theory]
    [InlineData("/version")]
    [InlineData("/version/")]
    [InlineData("/healthz")]
    [InlineData("/livez")]
    [InlineData("/readyz")]
    public async Task The_public_info_paths_answer_without_a_token(string path)
    {
        using var http = Client(token: null);

        var reply = await http.SendAsync(new HttpRequestMessage(HttpMethod.Get, path));

        Assert.Equal(200, reply.Status);
    }

    [Theory]
    [InlineData("/version")]
    [InlineData("/api/v1/namespaces")]
    public async Task A_wrong_token_is_401_even_where_anonymous_requests_are_allowed(string path)
    {
        using var http = Client(token: "wrong-" + fixture.Emulator.BearerToken);

        var reply = await http.SendAsync(new HttpRequestMessage(HttpMethod.Get, path));

        Assert.Equal(401, reply.Status);
        Assert.Equal("Unauthorized", reply.Reason);
    }

    [Fact]
    public async Task Another_scheme_than_bearer_is_401()
    {
        using var http = Client(token: null);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/namespaces");
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String("admin:admin"u8));

        var reply = await http.SendAsync(request);

        Assert.Equal(401, reply.Status);
    }

    [Fact]
    public async Task With_the_token_the_api_answers()
    {
        var reply = await fixture.Http.GetAsync("/api/v1/namespaces");

        Assert.Equal(200, reply.Status);
        Assert.Equal("NamespaceList", (string?)reply.Object["kind"]);
    }

    [Fact]
    public async Task A_client_that_trusts_only_the_system_roots_refuses_the_emulators_certificate()
    {
        using var http = new HttpClient { BaseAddress = fixture.Emulator.BaseAddress };

        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync("/version"));

        Assert.IsType<AuthenticationException>(refused.InnerException);
    }

    [Theory]
    [InlineData("127.0.0.1:0", "127.0.0.1")]
    [InlineData("127.0.0.1:0", "localhost")]
    [InlineData("[::1]:0", "[::1]")]
    public async Task The_serving_certificate_is_valid_for_every_loopback_name(string listen, string host)
    {
        await using var emulator = await KubeEmulator.StartAsync(new KubeEmulatorOptions { Listen = listen, Seed = Demo.SeedKind.Empty });
        using var http = new HttpClient(emulator.CreateHttpHandler()) { BaseAddress = new Uri($"https://{host}:{emulator.BaseAddress.Port}") };

        using var response = await http.GetAsync("/api/v1/namespaces/default");

        Assert.Equal(200, (int)response.StatusCode);
    }

    private KubeHttp Client(string? token) =>
        new(new HttpClient(KubeEmulator.CreateHttpHandler(fixture.Emulator.CertificateAuthority, token)) { BaseAddress = fixture.Emulator.BaseAddress });
}

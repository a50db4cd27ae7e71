using System.Net;
using Ccm.Kube.Client;
using Ccm.Kube.Http;
using Ccm.Kube.Tests.Support;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace Ccm.Kube.Tests.Http;

/// <summary>
/// client-go's rule for an overloaded API server: a 429 or 5xx carrying Retry-After is sent again after the delay the
/// server asked for; anything else goes to the caller as it came.
/// </summary>
public sealed class RetryAfterHandlerTests : IDisposable
{
    private readonly ScriptedHandler network = new();
    private readonly RecordingTimeProvider time = new();
    private readonly HttpMessageInvoker client;

    public RetryAfterHandlerTests() =>
        client = new HttpMessageInvoker(new RetryAfterHandler(maxAttempts: 3, maxDelay: TimeSpan.FromSeconds(30), time: time) { InnerHandler = network });

    public void Dispose() => client.Dispose();

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.InternalServerError)]
    public async Task An_overload_answer_with_retry_after_is_sent_again_after_that_delay(HttpStatusCode code)
    {
        network.Reply(code, Status(code), r => r.Headers.RetryAfter = new(TimeSpan.FromSeconds(3)))
            .Reply(HttpStatusCode.OK, "{}");

        using var response = await client.SendAsync(Get(), CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, network.Requests.Count);
        Assert.Equal([TimeSpan.FromSeconds(3)], time.Delays);
    }

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    public async Task Without_retry_after_the_answer_goes_to_the_caller(HttpStatusCode code)
    {
        network.Reply(code, Status(code));

        using var response = await client.SendAsync(Get(), CancellationToken.None);

        Assert.Equal(code, response.StatusCode);
        Assert.Single(network.Requests);
        Assert.Empty(time.Delays);
    }

    [Theory]
    [InlineData(HttpStatusCode.NotFound)]
    [InlineData(HttpStatusCode.Conflict)]
    [InlineData(HttpStatusCode.Forbidden)]
    public async Task Retry_after_on_an_answer_that_is_not_overload_is_ignored(HttpStatusCode code)
    {
        network.Reply(code, Status(code), r => r.Headers.RetryAfter = new(TimeSpan.FromSeconds(3)));

        using var response = await client.SendAsync(Get(), CancellationToken.None);

        Assert.Equal(code, response.StatusCode);
        Assert.Single(network.Requests);
    }

    [Fact]
    public async Task A_retry_after_date_waits_until_then_and_a_long_wait_is_capped()
    {
        network.Reply(HttpStatusCode.TooManyRequests, "", r => r.Headers.RetryAfter = new(time.GetUtcNow().AddSeconds(7)))
            .Reply(HttpStatusCode.TooManyRequests, "", r => r.Headers.RetryAfter = new(TimeSpan.FromHours(1)))
            .Reply(HttpStatusCode.OK, "{}");

        using var response = await client.SendAsync(Get(), CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([TimeSpan.FromSeconds(7), TimeSpan.FromSeconds(30)], time.Delays);
    }

    [Fact]
    public async Task Too_large_resource_version_goes_to_the_caller_at_once_though_it_carries_retry_after_so_the_reflector_relists()
    {
        const string tooLarge = """{"kind":"Status","apiVersion":"v1","status":"Failure","message":"Timeout: Too large resource version: 1281, current: 1041","reason":"Timeout","details":{"causes":[{"reason":"ResourceVersionTooLarge","message":"Too large resource version"}],"retryAfterSeconds":1},"code":504}""";
        network.Reply(HttpStatusCode.GatewayTimeout, tooLarge, r => r.Headers.RetryAfter = new(TimeSpan.FromSeconds(1)))
            .Reply(HttpStatusCode.OK, "{}");

        using var response = await client.SendAsync(Get(), CancellationToken.None);

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        Assert.Contains("ResourceVersionTooLarge", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Single(network.Requests);
        Assert.Empty(time.Delays);
    }

    [Fact]
    public async Task Another_504_with_retry_after_is_sent_again()
    {
        network.Reply(HttpStatusCode.GatewayTimeout, Status(HttpStatusCode.GatewayTimeout), r => r.Headers.RetryAfter = new(TimeSpan.FromSeconds(2)))
            .Reply(HttpStatusCode.OK, "{}");

        using var response = await client.SendAsync(Get(), CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([TimeSpan.FromSeconds(2)], time.Delays);
    }

    [Fact]
    public async Task After_the_last_attempt_the_caller_gets_the_refusal_with_its_retry_after()
    {
        for (var i = 0; i < 3; i++)
        {
            network.Reply(HttpStatusCode.TooManyRequests, Status(HttpStatusCode.TooManyRequests), r => r.Headers.RetryAfter = new(TimeSpan.FromSeconds(1)));
        }

        using var response = await client.SendAsync(Get(), CancellationToken.None);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), response.Headers.RetryAfter!.Delta);
        Assert.Equal(3, network.Requests.Count);
    }

    [Fact]
    public async Task Through_the_official_client_a_create_refused_with_429_is_sent_again_with_the_same_body()
    {
        await using var server = await LoopbackApiServer.StartAsync((context, n) =>
        {
            if (n == 1)
            {
                context.Response.Headers.RetryAfter = "1";
                return LoopbackApiServer.Json(context, 429, Status(HttpStatusCode.TooManyRequests));
            }

            return LoopbackApiServer.Json(context, 201, """{"kind":"ConfigMap","apiVersion":"v1","metadata":{"name":"cm","namespace":"default","resourceVersion":"5"}}""");
        });
        using var kube = KubeClientFactory.Create(
            new k8s.KubernetesClientConfiguration { Host = server.Address.ToString() },
            new KubeClientOptions { Qps = 0, TimeProvider = time });

        var created = await kube.CoreV1.CreateNamespacedConfigMapAsync(
            new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "cm" }, Data = new Dictionary<string, string> { ["k"] = "v" } }, "default");

        Assert.Equal("5", created.Metadata.ResourceVersion);
        Assert.Equal(2, server.Requests.Count);
        Assert.All(server.Requests, r => Assert.Equal("/api/v1/namespaces/default/configmaps", r.PathAndQuery));
        Assert.Equal(server.Requests[0].Body, server.Requests[1].Body);
        Assert.Contains("\"k\":\"v\"", server.Requests[1].Body);
        Assert.Equal([TimeSpan.FromSeconds(1)], time.Delays);
    }

    [Fact]
    public async Task Through_the_official_client_a_429_without_retry_after_is_the_callers_to_handle()
    {
        await using var server = await LoopbackApiServer.StartAsync((context, _) => LoopbackApiServer.Json(context, 429, Status(HttpStatusCode.TooManyRequests)));
        using var kube = KubeClientFactory.Create(
            new k8s.KubernetesClientConfiguration { Host = server.Address.ToString() },
            new KubeClientOptions { Qps = 0, TimeProvider = time });

        var ex = await Assert.ThrowsAsync<HttpOperationException>(() => kube.CoreV1.ReadNamespacedConfigMapAsync("cm", "default"));

        Assert.True(ex.IsTooManyRequests());
        Assert.Single(server.Requests);
    }

    private static HttpRequestMessage Get() => new(HttpMethod.Get, "http://127.0.0.1:1/api/v1/namespaces/default/services/web");

    private static string Status(HttpStatusCode code) =>
        $$"""{"kind":"Status","apiVersion":"v1","status":"Failure","reason":"{{code}}","code":{{(int)code}}}""";
}

using System.Net;
using Ccm.Kube.Client;
using Ccm.Kube.Tests.Support;
using k8s;

namespace Ccm.Kube.Tests.Client;

/// <summary>
/// client-go's <c>apierrors</c> predicates over KubernetesClient's two exceptions: a refusal
/// (<see cref="k8s.Autorest.HttpOperationException"/>, whose body may or may not be a Status) and a watch ERROR event
/// (<see cref="KubernetesException"/>).
/// </summary>
public class KubeErrorsTests
{
    [Fact]
    public void A_status_body_decides_by_its_reason()
    {
        var conflict = Refusals.Http(Objects.Status(409, "Conflict", "the object has been modified; please apply your changes to the latest version"));
        var exists = Refusals.Http(Objects.Status(409, "AlreadyExists", "services \"web\" already exists"));

        Assert.True(conflict.IsConflict());
        Assert.False(conflict.IsAlreadyExists());
        Assert.True(exists.IsAlreadyExists());
        Assert.False(exists.IsConflict()); // same code, another meaning: creating a taken name is not a stale write
    }

    [Theory]
    [InlineData(HttpStatusCode.NotFound, "NotFound")]
    [InlineData(HttpStatusCode.Conflict, "Conflict")]
    [InlineData(HttpStatusCode.Gone, "Gone")]
    [InlineData(HttpStatusCode.UnprocessableEntity, "Invalid")]
    [InlineData(HttpStatusCode.TooManyRequests, "TooManyRequests")]
    public void A_reply_that_is_not_a_status_is_classified_by_its_code(HttpStatusCode code, string expected)
    {
        var e = Refusals.Http(code, "<html>proxy error</html>");

        var matched = new Dictionary<string, bool>
        {
            ["NotFound"] = e.IsNotFound(),
            ["Conflict"] = e.IsConflict(),
            ["Gone"] = e.IsGone(),
            ["Invalid"] = e.IsInvalid(),
            ["TooManyRequests"] = e.IsTooManyRequests(),
        };

        Assert.Equal([expected], matched.Where(m => m.Value).Select(m => m.Key));
        Assert.Equal((int)code, KubeErrors.CodeOf(e));
    }

    [Fact]
    public void Too_large_resource_version_is_recognised_in_the_shape_the_api_server_sends_in_both_forms()
    {
        var status = Objects.TooLargeResourceVersion(asked: 120, current: 7);

        Assert.True(new KubernetesException(status).IsTooLargeResourceVersion());
        Assert.True(Refusals.Http(status).IsTooLargeResourceVersion());
    }

    [Fact]
    public void Too_large_resource_version_without_the_cause_is_still_recognised_by_its_message()
    {
        // Servers before the cause existed said it only in the message.
        var status = Objects.Status(504, "Timeout", "Too large resource version: 120, current: 7");

        Assert.True(new KubernetesException(status).IsTooLargeResourceVersion());
    }

    [Fact]
    public void A_timeout_about_something_else_is_not_a_too_large_resource_version()
    {
        var status = Objects.Status(504, "Timeout", "request did not complete within the allotted timeout");

        Assert.False(new KubernetesException(status).IsTooLargeResourceVersion());
        Assert.True(new KubernetesException(status).IsRetryable());
    }

    [Fact]
    public void A_watch_error_event_410_is_gone()
    {
        var e = new KubernetesException(Objects.Status(410, "Expired", "too old resource version: 5 (40)"));

        Assert.True(e.IsGone());
        Assert.Equal(410, KubeErrors.CodeOf(e));
        Assert.Equal("410 Expired: too old resource version: 5 (40)", KubeErrors.Describe(e));
    }

    [Fact]
    public async Task A_refused_token_never_appears_in_the_description_of_the_error()
    {
        await using var server = await LoopbackApiServer.StartAsync((context, _) => LoopbackApiServer.Json(context, 401,
            """{"kind":"Status","apiVersion":"v1","status":"Failure","message":"Unauthorized","reason":"Unauthorized","code":401}"""));
        using var kube = KubeClientFactory.Create(
            new KubernetesClientConfiguration { Host = server.Address.ToString(), AccessToken = "s3cret-token" },
            new KubeClientOptions { Qps = 0 });

        var ex = await Assert.ThrowsAsync<k8s.Autorest.HttpOperationException>(() => kube.CoreV1.ReadNamespaceAsync("default"));

        Assert.Equal("Bearer s3cret-token", Assert.Single(server.Requests).Authorization);
        Assert.Equal("401 Unauthorized: Unauthorized", KubeErrors.Describe(ex));
        Assert.DoesNotContain("s3cret-token", ex.ToString());
    }

    public static TheoryData<Exception, bool> Retryable => new()
    {
        { Refusals.Http(Objects.Status(500, "InternalError")), true },
        { Refusals.Http(Objects.Status(429, "TooManyRequests")), true },
        { Refusals.Http(Objects.Status(503, "ServiceUnavailable")), true },
        { new HttpRequestException("connection refused"), true },
        { new TimeoutException(), true },
        { Refusals.Http(Objects.Status(404, "NotFound")), false },
        { Refusals.Http(Objects.Status(409, "Conflict")), false },
        { Refusals.Http(Objects.Status(422, "Invalid")), false },
        { Refusals.Http(Objects.Status(403, "Forbidden")), false },
        { new InvalidOperationException(), false },
    };

    [Theory]
    [MemberData(nameof(Retryable))]
    public void Only_overload_server_errors_and_broken_connections_are_retryable(Exception e, bool retryable)
    {
        Assert.Equal(retryable, e.IsRetryable());
    }
}

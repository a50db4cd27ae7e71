using System.Net;
using System.Text.Json.Nodes;
using Ccm.Kube.Api;
using Ccm.Kube.Config;
using Ccm.Kube.Models;
using Ccm.Kube.Tests.Support;
using Ccm.TestSupport;

namespace Ccm.Kube.Tests.Api;

public class HttpKubeApiTests
{
    private const string WebService = """{"kind":"Service","apiVersion":"v1","metadata":{"name":"web","namespace":"default","resourceVersion":"7"}}""";

    [Fact]
    public async Task A_status_body_becomes_a_typed_exception_with_its_reason()
    {
        var handler = new ScriptedHandler().Reply(HttpStatusCode.NotFound,
            """{"kind":"Status","apiVersion":"v1","status":"Failure","message":"services \"web\" not found","reason":"NotFound","code":404}""");
        using var api = TestApi.Over(handler);

        var ex = await Assert.ThrowsAsync<KubeApiException>(() => api.GetAsync<Service>("default", "web"));

        Assert.True(ex.IsNotFound);
        Assert.False(ex.IsConflict);
        Assert.Equal("get services default/web", ex.Operation);
        Assert.Contains("not found", ex.Message);
    }

    [Theory]
    [InlineData(HttpStatusCode.Conflict, "Conflict")]
    [InlineData(HttpStatusCode.Gone, "Gone")]
    [InlineData(HttpStatusCode.TooManyRequests, "TooManyRequests")]
    [InlineData(HttpStatusCode.UnprocessableEntity, "Invalid")]
    [InlineData(HttpStatusCode.Forbidden, "Forbidden")]
    public async Task A_reply_that_is_not_a_status_is_classified_by_its_code(HttpStatusCode code, string reason)
    {
        var handler = new ScriptedHandler().Reply(code, "<html>proxy says no</html>");
        using var api = TestApi.Over(handler, new KubeApiOptions { MaxRetryAfterAttempts = 0 });

        var ex = await Assert.ThrowsAsync<KubeApiException>(() => api.GetAsync<Service>("default", "web"));

        Assert.Equal(reason, ex.Reason);
        Assert.Equal((int)code, ex.Code);
        Assert.Contains("proxy says no", ex.Message);
    }

    [Fact]
    public async Task Already_exists_is_not_a_conflict()
    {
        var handler = new ScriptedHandler().Reply(HttpStatusCode.Conflict,
            """{"kind":"Status","apiVersion":"v1","status":"Failure","reason":"AlreadyExists","code":409}""");
        using var api = TestApi.Over(handler);

        var ex = await Assert.ThrowsAsync<KubeApiException>(() => api.CreateAsync(new Service { Metadata = new() { Name = "web", Namespace = "default" } }));

        Assert.True(ex.IsAlreadyExists);
        Assert.False(ex.IsConflict);
    }

    [Fact]
    public async Task A_429_with_retry_after_is_retried_after_the_given_delay()
    {
        var time = new RecordingTimeProvider();
        var handler = new ScriptedHandler()
            .Reply(HttpStatusCode.TooManyRequests, """{"kind":"Status","reason":"TooManyRequests","code":429}""", r => r.Headers.Add("Retry-After", "3"))
            .Reply(HttpStatusCode.OK, WebService);
        var logs = new CapturingLoggerProvider();
        using var api = TestApi.Over(
            handler,
            new KubeApiOptions { Qps = 0, TimeProvider = time, LoggerFactory = logs.CreateFactory() },
            TestApi.Config with { BearerToken = new StaticTokenSource("s3cret-token") });

        var service = await api.GetAsync<Service>("default", "web");

        Assert.Equal("web", service.Metadata.Name);
        Assert.Equal(2, handler.Requests.Count);
        Assert.Contains(TimeSpan.FromSeconds(3), time.Delays);
        Assert.Contains("get services default/web answered 429 with Retry-After", logs.AllText());
        Assert.DoesNotContain("s3cret-token", logs.AllText());
    }

    [Fact]
    public async Task A_429_past_the_retry_budget_surfaces_with_its_retry_after()
    {
        var handler = new ScriptedHandler()
            .Reply(HttpStatusCode.TooManyRequests, """{"kind":"Status","reason":"TooManyRequests","code":429}""", r => r.Headers.Add("Retry-After", "2"));
        using var api = TestApi.Over(handler, new KubeApiOptions { Qps = 0, MaxRetryAfterAttempts = 0 });

        var ex = await Assert.ThrowsAsync<KubeApiException>(() => api.GetAsync<Service>("default", "web"));

        Assert.True(ex.IsTooManyRequests);
        Assert.Equal(TimeSpan.FromSeconds(2), ex.RetryAfter);
    }

    [Theory]
    [InlineData(PatchType.Merge, "application/merge-patch+json")]
    [InlineData(PatchType.StrategicMerge, "application/strategic-merge-patch+json")]
    [InlineData(PatchType.Json, "application/json-patch+json")]
    [InlineData(PatchType.Apply, "application/apply-patch+yaml")]
    public async Task Each_patch_type_is_sent_with_its_content_type(PatchType type, string contentType)
    {
        var handler = new ScriptedHandler().Reply(HttpStatusCode.OK, WebService);
        using var api = TestApi.Over(handler);
        var patch = type switch
        {
            PatchType.Merge => KubePatch.Merge("""{"metadata":{"labels":{"a":"b"}}}"""),
            PatchType.StrategicMerge => KubePatch.StrategicMerge("""{"metadata":{"labels":{"a":"b"}}}"""),
            PatchType.Json => KubePatch.Json(JsonPatchOperation.Add("/metadata/labels/a", "b")),
            _ => KubePatch.Apply(new Service { Metadata = new() { Name = "web", Namespace = "default" } }),
        };

        await api.PatchAsync<Service>("default", "web", patch, new PatchOptions { FieldManager = "me", Force = type == PatchType.Apply ? true : null });

        var request = Assert.Single(handler.Requests);
        Assert.Equal("PATCH", request.Method);
        Assert.Equal(contentType, request.ContentType);
        Assert.StartsWith("/api/v1/namespaces/default/services/web?fieldManager=me", request.PathAndQuery);
        Assert.Equal(type == PatchType.Apply, request.PathAndQuery.Contains("force=true", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Status_patches_go_to_the_status_subresource()
    {
        var handler = new ScriptedHandler().Reply(HttpStatusCode.OK, WebService);
        using var api = TestApi.Over(handler);

        await api.PatchStatusAsync<Service>("default", "web", KubePatch.Merge(new Service
        {
            Status = new() { LoadBalancer = new() { Ingress = [new() { Ip = "1.2.3.4" }] } },
        }));

        Assert.StartsWith("/api/v1/namespaces/default/services/web/status?", handler.Requests[0].PathAndQuery);
        Assert.Contains("\"ingress\":[{\"ip\":\"1.2.3.4\"}]", handler.Requests[0].Body);
    }

    [Fact]
    public async Task Delete_sends_preconditions_and_propagation_policy()
    {
        var handler = new ScriptedHandler().Reply(HttpStatusCode.OK, """{"kind":"Status","apiVersion":"v1","status":"Success"}""");
        using var api = TestApi.Over(handler);

        var last = await api.DeleteAsync<Service>("default", "web", new DeleteOptions(PropagationPolicies.Foreground)
        {
            Preconditions = new() { Uid = "u1", ResourceVersion = "7" },
        });

        Assert.Null(last);
        var body = JsonNode.Parse(handler.Requests[0].Body!)!;
        Assert.Equal("Foreground", (string?)body["propagationPolicy"]);
        Assert.Equal("u1", (string?)body["preconditions"]!["uid"]);
        Assert.Equal("7", (string?)body["preconditions"]!["resourceVersion"]);
    }

    [Fact]
    public async Task Delete_of_an_object_held_by_finalizers_returns_it()
    {
        var handler = new ScriptedHandler().Reply(HttpStatusCode.OK,
            """{"kind":"Service","apiVersion":"v1","metadata":{"name":"web","namespace":"default","deletionTimestamp":"2024-01-01T00:00:00Z","finalizers":["f"]}}""");
        using var api = TestApi.Over(handler);

        var last = await api.DeleteAsync<Service>("default", "web");

        Assert.NotNull(last!.Metadata.DeletionTimestamp);
    }

    [Fact]
    public async Task Delete_tells_an_object_with_its_own_status_field_from_a_status_reply()
    {
        var handler = new ScriptedHandler().Reply(HttpStatusCode.OK,
            """{"kind":"Service","apiVersion":"v1","metadata":{"name":"web","namespace":"default","finalizers":["f"]},"status":{"loadBalancer":{}}}""");
        using var api = TestApi.Over(handler);

        var last = await api.DeleteAsync<Service>("default", "web");

        Assert.Equal("web", last!.Metadata.Name);
    }

    [Fact]
    public async Task Delete_that_returns_the_deleted_object_with_a_status_returns_it()
    {
        var handler = new ScriptedHandler().Reply(HttpStatusCode.OK,
            """{"kind":"Node","apiVersion":"v1","metadata":{"name":"n1","uid":"u1"},"status":{"addresses":[{"type":"InternalIP","address":"10.0.0.1"}]}}""");
        using var api = TestApi.Over(handler);

        var last = await api.DeleteAsync<Node>(null, "n1");

        Assert.Equal("10.0.0.1", last!.Status!.Addresses![0].Address);
    }

    [Fact]
    public async Task A_lease_conflict_is_a_result_not_an_exception()
    {
        var handler = new ScriptedHandler().Reply(HttpStatusCode.Conflict,
            """{"kind":"Status","apiVersion":"v1","status":"Failure","reason":"Conflict","code":409,"message":"the object has been modified"}""");
        using var api = TestApi.Over(handler);
        var lease = new Lease { Metadata = new() { Name = "ccm", Namespace = "kube-system", ResourceVersion = "3" }, Spec = new() { HolderIdentity = "me" } };

        var result = await api.UpdateLeaseAsync(lease);

        Assert.True(result.IsConflict);
        Assert.Equal("PUT", handler.Requests[0].Method);
        Assert.Contains("\"resourceVersion\":\"3\"", handler.Requests[0].Body);
    }

    [Fact]
    public async Task A_lease_update_without_a_resource_version_is_refused_before_sending()
    {
        var handler = new ScriptedHandler();
        using var api = TestApi.Over(handler);

        await Assert.ThrowsAsync<ArgumentException>(() => api.UpdateLeaseAsync(new Lease { Metadata = new() { Name = "ccm", Namespace = "kube-system" } }));
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task The_observer_sees_every_call_as_rbac_names_it()
    {
        var recorder = new KubeCallRecorder();
        var handler = new ScriptedHandler()
            .Reply(HttpStatusCode.OK, """{"kind":"NodeList","metadata":{"resourceVersion":"1"},"items":[]}""")
            .Reply(HttpStatusCode.OK, WebService)
            .Reply(HttpStatusCode.OK, """{"kind":"Lease","metadata":{"name":"ccm","namespace":"kube-system","resourceVersion":"4"}}""");
        using var api = TestApi.Over(handler, new KubeApiOptions { Qps = 0, CallObserver = recorder });

        await api.ListAsync<Node>(null);
        await api.PatchStatusAsync<Service>("default", "web", KubePatch.Merge("{}"));
        await api.UpdateLeaseAsync(new Lease { Metadata = new() { Name = "ccm", Namespace = "kube-system", ResourceVersion = "3" } });

        Assert.Equal(
            new HashSet<(string, string, string)> { ("", "nodes", "list"), ("", "services/status", "patch"), ("coordination.k8s.io", "leases", "update") },
            recorder.Permissions);
    }

    [Fact]
    public async Task The_bearer_token_is_sent_on_every_request()
    {
        var handler = new ScriptedHandler().Reply(HttpStatusCode.OK, WebService);
        using var api = TestApi.Over(handler, config: TestApi.Config with { BearerToken = new StaticTokenSource("s3cret") });

        await api.GetAsync<Service>("default", "web");

        Assert.Equal("Bearer s3cret", handler.Requests[0].Authorization);
        Assert.DoesNotContain("s3cret", api.Config.ToString());
    }

    [Fact]
    public async Task A_refused_token_never_appears_in_the_error()
    {
        var handler = new ScriptedHandler().Reply(HttpStatusCode.Unauthorized,
            """{"kind":"Status","apiVersion":"v1","status":"Failure","message":"Unauthorized","reason":"Unauthorized","code":401}""");
        using var api = TestApi.Over(handler, config: TestApi.Config with { BearerToken = new StaticTokenSource("s3cret-token") });

        var ex = await Assert.ThrowsAsync<KubeApiException>(() => api.GetAsync<Service>("default", "web"));

        Assert.True(ex.IsUnauthorized);
        Assert.DoesNotContain("s3cret-token", ex.ToString());
        Assert.DoesNotContain("s3cret-token", ex.Status.ToString());
    }

    [Fact]
    public async Task A_watch_yields_events_then_completes_when_the_server_ends_it()
    {
        var handler = new ScriptedHandler().Reply(HttpStatusCode.OK,
            "{\"type\":\"ADDED\",\"object\":" + WebService + "}\n{\"type\":\"BOOKMARK\",\"object\":{\"metadata\":{\"resourceVersion\":\"8\"}}}\n");
        using var api = TestApi.Over(handler);

        var events = new List<WatchEvent<Service>>();
        await foreach (var e in api.WatchAsync<Service>("default", new WatchOptions { ResourceVersion = "6", TimeoutSeconds = 300 }))
        {
            events.Add(e);
        }

        Assert.Equal([WatchEventType.Added, WatchEventType.Bookmark], events.Select(e => e.Type));
        Assert.Equal(
            "/api/v1/namespaces/default/services?watch=true&resourceVersion=6&allowWatchBookmarks=true&timeoutSeconds=300",
            handler.Requests[0].PathAndQuery);
    }

    [Fact]
    public async Task A_watch_refused_with_410_throws_gone()
    {
        var handler = new ScriptedHandler().Reply(HttpStatusCode.Gone, """{"kind":"Status","reason":"Expired","code":410}""");
        using var api = TestApi.Over(handler);

        var ex = await Assert.ThrowsAsync<KubeApiException>(async () =>
        {
            await foreach (var _ in api.WatchAsync<Service>("default", new WatchOptions { ResourceVersion = "1" }))
            {
            }
        });

        Assert.True(ex.IsGone);
    }

    [Fact]
    public async Task ListAll_follows_continue_tokens_and_keeps_the_first_version()
    {
        var handler = new ScriptedHandler()
            .Reply(HttpStatusCode.OK, """{"metadata":{"resourceVersion":"10","continue":"t1"},"items":[{"metadata":{"name":"a","namespace":"d"}}]}""")
            .Reply(HttpStatusCode.OK, """{"metadata":{"resourceVersion":"10"},"items":[{"metadata":{"name":"b","namespace":"d"}}]}""");
        using var api = TestApi.Over(handler);

        var all = await api.ListAllAsync<Service>("d", new ListOptions { Limit = 1 });

        Assert.Equal(["a", "b"], all.Items.Select(s => s.Metadata.Name));
        Assert.Equal("10", all.Metadata.ResourceVersion);
        Assert.EndsWith("limit=1&continue=t1", handler.Requests[1].PathAndQuery);
    }

    [Fact]
    public async Task ListAll_starts_again_when_a_continue_token_expires()
    {
        var handler = new ScriptedHandler()
            .Reply(HttpStatusCode.OK, """{"metadata":{"resourceVersion":"10","continue":"t1"},"items":[{"metadata":{"name":"a","namespace":"d"}}]}""")
            .Reply(HttpStatusCode.Gone, """{"kind":"Status","reason":"Expired","code":410}""")
            .Reply(HttpStatusCode.OK, """{"metadata":{"resourceVersion":"20"},"items":[{"metadata":{"name":"c","namespace":"d"}}]}""");
        using var api = TestApi.Over(handler);

        var all = await api.ListAllAsync<Service>("d", new ListOptions { Limit = 1 });

        Assert.Equal(["c"], all.Items.Select(s => s.Metadata.Name));
        Assert.Equal("20", all.Metadata.ResourceVersion);
    }
}

using System.Text.Json.Nodes;
using Ccm.Sandbox.Tests.Kube.Support;

namespace Ccm.Sandbox.Tests.Kube;

public sealed class CrudTests(KubeEmulatorFixture fixture) : IClassFixture<KubeEmulatorFixture>
{
    private KubeHttp Http => fixture.Http;

    [Fact]
    public async Task Create_sets_uid_creation_timestamp_generation_and_a_resource_version()
    {
        var ns = fixture.NewNamespace();

        var created = await Http.PostAsync(Manifests.Path(ns, "configmaps"), Manifests.ConfigMap("a", ns, ("k", "v")));

        Assert.Equal(201, created.Status);
        var metadata = created.Object["metadata"]!;
        Assert.True(Guid.TryParse((string?)metadata["uid"], out _));
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", (string?)metadata["creationTimestamp"]);
        Assert.Equal(1, (long)metadata["generation"]!);
        Assert.Equal(ns, (string?)metadata["namespace"]);
        var fetched = await Http.GetAsync(Manifests.Path(ns, "configmaps", "a"));
        Assert.Equal(created.ResourceVersion, fetched.ResourceVersion);
    }

    [Fact]
    public async Task Resource_versions_increase_across_kinds()
    {
        var ns = fixture.NewNamespace();

        var first = await Http.PostAsync(Manifests.Path(ns, "configmaps"), Manifests.ConfigMap("a", ns));
        var second = await Http.PostAsync(Manifests.Path(ns, "services"), Manifests.Service("b", ns));
        var third = await Http.PostAsync(Manifests.Path(ns, "configmaps"), Manifests.ConfigMap("c", ns));

        var versions = new[] { first, second, third }.Select(r => long.Parse(r.ResourceVersion!)).ToList();
        Assert.Equal(versions.Order(), versions);
        Assert.Equal(3, versions.Distinct().Count());
    }

    [Fact]
    public async Task GenerateName_appends_a_random_suffix()
    {
        var ns = fixture.NewNamespace();
        var body = Manifests.ConfigMap("", ns);
        body["metadata"]!.AsObject().Remove("name");
        body["metadata"]!["generateName"] = "gen-";

        var first = await Http.PostAsync(Manifests.Path(ns, "configmaps"), body.DeepClone());
        var second = await Http.PostAsync(Manifests.Path(ns, "configmaps"), body.DeepClone());

        Assert.Matches("^gen-[a-z0-9]{5}$", (string?)first.Object["metadata"]!["name"]);
        Assert.NotEqual((string?)first.Object["metadata"]!["name"], (string?)second.Object["metadata"]!["name"]);
    }

    [Fact]
    public async Task Creating_an_existing_name_is_409_AlreadyExists()
    {
        var ns = fixture.NewNamespace();
        await Http.PostAsync(Manifests.Path(ns, "configmaps"), Manifests.ConfigMap("dup", ns));

        var again = await Http.PostAsync(Manifests.Path(ns, "configmaps"), Manifests.ConfigMap("dup", ns));

        Assert.Equal(409, again.Status);
        Assert.Equal("AlreadyExists", again.Reason);
        Assert.Equal("configmaps \"dup\" already exists", (string?)again.Object["message"]);
        Assert.Equal("dup", (string?)again.Object["details"]!["name"]);
        Assert.Equal("configmaps", (string?)again.Object["details"]!["kind"]);
        Assert.Equal(409, (int)again.Object["code"]!);
    }

    [Fact]
    public async Task Missing_objects_and_namespaces_are_404_NotFound()
    {
        var missing = await Http.GetAsync("/api/v1/namespaces/default/configmaps/nope");
        var noNamespace = await Http.PostAsync(Manifests.Path("no-such-ns", "configmaps"), Manifests.ConfigMap("a", "no-such-ns"));

        Assert.Equal(404, missing.Status);
        Assert.Equal("configmaps \"nope\" not found", (string?)missing.Object["message"]);
        Assert.Equal(404, noNamespace.Status);
        Assert.Equal("namespaces \"no-such-ns\" not found", (string?)noNamespace.Object["message"]);
    }

    [Theory]
    [InlineData("Bad_Name")]
    [InlineData("-leading-dash")]
    public async Task Invalid_names_are_422_Invalid_with_a_field_cause(string name)
    {
        var ns = fixture.NewNamespace();

        var reply = await Http.PostAsync(Manifests.Path(ns, "configmaps"), Manifests.ConfigMap(name, ns));

        Assert.Equal(422, reply.Status);
        Assert.Equal("Invalid", reply.Reason);
        Assert.Equal("metadata.name", (string?)reply.Object["details"]!["causes"]![0]!["field"]);
    }

    [Fact]
    public async Task Invalid_label_values_are_rejected()
    {
        var ns = fixture.NewNamespace();
        var body = Manifests.ConfigMap("l", ns);
        body["metadata"]!["labels"] = new JsonObject { ["app"] = "has spaces" };

        var reply = await Http.PostAsync(Manifests.Path(ns, "configmaps"), body);

        Assert.Equal(422, reply.Status);
    }

    [Fact]
    public async Task A_body_of_another_kind_is_400()
    {
        var ns = fixture.NewNamespace();

        var reply = await Http.PostAsync(Manifests.Path(ns, "configmaps"), Manifests.Service("s", ns));

        Assert.Equal(400, reply.Status);
        Assert.Equal("BadRequest", reply.Reason);
    }

    [Fact]
    public async Task Unsupported_methods_and_media_types_are_405_and_415()
    {
        var ns = fixture.NewNamespace();
        await Http.PostAsync(Manifests.Path(ns, "configmaps"), Manifests.ConfigMap("m", ns));

        var post = await Http.SendAsync(HttpMethod.Post, Manifests.Path(ns, "configmaps", "m"), "{}", KubeHttp.Json);
        var patch = await Http.PatchAsync(Manifests.Path(ns, "configmaps", "m"), "text/plain", "{}");

        Assert.Equal(405, post.Status);
        Assert.Equal("MethodNotAllowed", post.Reason);
        Assert.Equal(415, patch.Status);
        Assert.Equal("UnsupportedMediaType", patch.Reason);
    }

    [Fact]
    public async Task Yaml_bodies_are_accepted()
    {
        var ns = fixture.NewNamespace();
        var yaml = $"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: y\n  namespace: {ns}\ndata:\n  port: \"80\"\n";

        var reply = await Http.SendAsync(HttpMethod.Post, Manifests.Path(ns, "configmaps"), yaml, "application/yaml");

        Assert.Equal(201, reply.Status);
        Assert.Equal("80", (string?)reply.Object["data"]!["port"]);
    }

    [Fact]
    public async Task Secret_string_data_is_stored_as_base64_data()
    {
        var ns = fixture.NewNamespace();
        var secret = new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Secret",
            ["metadata"] = new JsonObject { ["name"] = "s" },
            ["stringData"] = new JsonObject { ["token"] = "abc" },
        };

        var reply = await Http.PostAsync(Manifests.Path(ns, "secrets"), secret);

        Assert.Equal("YWJj", (string?)reply.Object["data"]!["token"]);
        Assert.Null(reply.Object["stringData"]);
        Assert.Equal("Opaque", (string?)reply.Object["type"]);
    }

    [Fact]
    public async Task Cluster_scoped_kinds_live_outside_namespaces()
    {
        var role = new JsonObject
        {
            ["apiVersion"] = "rbac.authorization.k8s.io/v1",
            ["kind"] = "ClusterRole",
            ["metadata"] = new JsonObject { ["name"] = $"system:test:{Guid.NewGuid():N}" },
            ["rules"] = new JsonArray(new JsonObject { ["apiGroups"] = new JsonArray(""), ["resources"] = new JsonArray("services"), ["verbs"] = new JsonArray("get") }),
        };

        var reply = await Http.PostAsync("/apis/rbac.authorization.k8s.io/v1/clusterroles", role);

        Assert.Equal(201, reply.Status);
        Assert.Null(reply.Object["metadata"]!["namespace"]);
    }

    [Fact]
    public async Task Dry_run_returns_the_result_but_stores_nothing()
    {
        var ns = fixture.NewNamespace();
        var before = fixture.Emulator.ResourceVersion;

        var reply = await Http.PostAsync(Manifests.Path(ns, "configmaps") + "?dryRun=All", Manifests.ConfigMap("dry", ns));

        Assert.Equal(201, reply.Status);
        Assert.Equal(404, (await Http.GetAsync(Manifests.Path(ns, "configmaps", "dry"))).Status);
        Assert.Equal(before, fixture.Emulator.ResourceVersion);
    }

    [Fact]
    public async Task Delete_collection_removes_what_the_selector_matches()
    {
        var ns = fixture.NewNamespace();
        foreach (var (name, tier) in new[] { ("a", "x"), ("b", "x"), ("c", "y") })
        {
            var cm = Manifests.ConfigMap(name, ns);
            cm["metadata"]!["labels"] = new JsonObject { ["tier"] = tier };
            await Http.PostAsync(Manifests.Path(ns, "configmaps"), cm);
        }

        var reply = await Http.DeleteAsync(Manifests.Path(ns, "configmaps") + "?labelSelector=tier%3Dx");

        Assert.Equal(200, reply.Status);
        var left = await Http.GetAsync(Manifests.Path(ns, "configmaps"));
        Assert.Equal(["c"], left.Object["items"]!.AsArray().Select(i => (string?)i!["metadata"]!["name"]));
    }
}

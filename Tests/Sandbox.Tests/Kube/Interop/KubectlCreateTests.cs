using System.Text.Json.Nodes;
using Ccm.Sandbox.Tests.Kube.Support;

namespace Ccm.Sandbox.Tests.Kube.Interop;

/// <summary>
/// kubectl's <c>create</c> generators send protobuf bodies. Each generator's object, created on the emulator, must
/// equal what the same command prints with <c>--dry-run=client -o json</c> (every field kubectl set is there, equal).
/// </summary>
public sealed class KubectlCreateTests(StandaloneKubeEmulatorFixture fixture) : IClassFixture<StandaloneKubeEmulatorFixture>
{
    public static TheoryData<string, string> Generators => new()
    {
        { "deployment", "create deployment web --image=nginx:1.27 --replicas=2 --port=8080" },
        { "deployment", "create deployment zero --image=nginx:1.27 --replicas=0" },
        { "service", "create service clusterip web --tcp=80:8080 --tcp=443:8443" },
        { "service", "create service nodeport np --tcp=80:8080 --node-port=30123" },
        { "service", "create service loadbalancer lb --tcp=80:http" },
        { "secret", "create secret generic creds --from-literal=user=admin --from-literal=token=s3cr3t" },
        { "configmap", "create configmap settings --from-literal=mode=fast" },
        { "serviceaccount", "create serviceaccount robot" },
        { "job", "create job once --image=busybox:1.36" },
        { "role", "create role reader --verb=get,list --resource=pods,services" },
        { "rolebinding", "create rolebinding readers --role=reader --user=alice --serviceaccount=default:robot" },
        { "poddisruptionbudget", "create pdb web --selector=app=web --min-available=1" },
    };

    [Theory]
    [MemberData(nameof(Generators))]
    public async Task Created_objects_are_what_kubectl_meant(string resource, string command)
    {
        var kubectl = fixture.Kubectl(Support.Kubectl.Available().First());
        var ns = await fixture.NewNamespaceAsync();
        var arguments = command.Split(' ');

        var expected = JsonNode.Parse(await kubectl.OkAsync(["-n", ns, .. arguments, "--dry-run=client", "-o", "json"]))!.AsObject();
        await kubectl.OkAsync(["-n", ns, .. arguments]);
        var actual = await kubectl.JsonAsync("-n", ns, "get", resource, (string)expected["metadata"]!["name"]!);

        Assert.Empty(Differences(expected, actual, ""));
    }

    [Fact]
    public async Task Cluster_scoped_generators_work_too()
    {
        var kubectl = fixture.Kubectl(Support.Kubectl.Available().First());
        var suffix = Guid.NewGuid().ToString("N")[..6];

        await kubectl.OkAsync("create", "namespace", $"made-{suffix}");
        await kubectl.OkAsync("create", "clusterrole", $"viewer-{suffix}", "--verb=get", "--resource=nodes");
        await kubectl.OkAsync("create", "clusterrolebinding", $"viewers-{suffix}", $"--clusterrole=viewer-{suffix}", "--group=ops");

        var ns = await kubectl.JsonAsync("get", "namespace", $"made-{suffix}");
        var binding = await kubectl.JsonAsync("get", "clusterrolebinding", $"viewers-{suffix}");
        Assert.Equal("Active", (string?)ns["status"]!["phase"]);
        Assert.Equal($"viewer-{suffix}", (string?)binding["roleRef"]!["name"]);
        Assert.Equal("ops", (string?)binding["subjects"]![0]!["name"]);
    }

    /// <summary>Every field of <paramref name="expected"/> (but empty ones, status and timestamps) equal in <paramref name="actual"/>.</summary>
    private static List<string> Differences(JsonNode? expected, JsonNode? actual, string path)
    {
        switch (expected)
        {
            case JsonObject e:
                return [.. e.Where(p => p.Key is not ("status" or "creationTimestamp") && p.Value is not null
                        && !(p.Value is JsonObject { Count: 0 } or JsonArray { Count: 0 }))
                    .SelectMany(p => actual is JsonObject a && a.ContainsKey(p.Key)
                        ? Differences(p.Value, a[p.Key], $"{path}.{p.Key}")
                        : [$"{path}.{p.Key} missing"])];
            case JsonArray e:
                return actual is JsonArray a && a.Count == e.Count
                    ? [.. e.Zip(a).SelectMany((x, i) => Differences(x.First, x.Second, $"{path}[{i}]"))]
                    : [$"{path}: {e.ToJsonString()} vs {actual?.ToJsonString()}"];
            default:
                return JsonNode.DeepEquals(expected, actual) ? [] : [$"{path}: {expected?.ToJsonString()} vs {actual?.ToJsonString()}"];
        }
    }
}

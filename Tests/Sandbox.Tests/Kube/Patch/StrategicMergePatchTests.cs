using System.Text.Json.Nodes;
using Ccm.Sandbox.Kube;
using Ccm.Sandbox.Kube.Patch;

namespace Ccm.Sandbox.Tests.Kube.Patch;

public sealed class StrategicMergePatchTests
{
    private static readonly ResourceType Service = Type("", "Service");
    private static readonly ResourceType Node = Type("", "Node");
    private static readonly ResourceType Deployment = Type("apps", "Deployment");
    private static readonly ResourceType ConfigMap = Type("", "ConfigMap");

    public static TheoryData<string, ResourceType, string, string, string> Cases => new()
    {
        {
            "service ports merge by port; $patch delete removes one; $setElementOrder orders",
            Service,
            """{"spec":{"ports":[{"port":80,"targetPort":8080,"nodePort":30001},{"port":443,"targetPort":8443}]}}""",
            """{"spec":{"$setElementOrder/ports":[{"port":443},{"port":81}],"ports":[{"port":81,"targetPort":9090},{"$patch":"delete","port":80}]}}""",
            """{"spec":{"ports":[{"port":443,"targetPort":8443},{"port":81,"targetPort":9090}]}}"""
        },
        {
            "a port merges into the element with the same port and protocol (TCP by default)",
            Service,
            """{"spec":{"ports":[{"port":53,"protocol":"UDP","name":"dns"},{"port":53,"protocol":"TCP","name":"dns-tcp"}]}}""",
            """{"spec":{"ports":[{"port":53,"targetPort":5353}]}}""",
            """{"spec":{"ports":[{"port":53,"protocol":"UDP","name":"dns"},{"port":53,"protocol":"TCP","name":"dns-tcp","targetPort":5353}]}}"""
        },
        {
            "conditions merge by type",
            Node,
            """{"status":{"conditions":[{"type":"Ready","status":"True"},{"type":"NetworkUnavailable","status":"True"}]}}""",
            """{"status":{"conditions":[{"type":"NetworkUnavailable","status":"False","reason":"RouteCreated"}]}}""",
            """{"status":{"conditions":[{"type":"Ready","status":"True"},{"type":"NetworkUnavailable","status":"False","reason":"RouteCreated"}]}}"""
        },
        {
            "node addresses merge by type",
            Node,
            """{"status":{"addresses":[{"type":"InternalIP","address":"10.0.0.1"},{"type":"Hostname","address":"n1"}]}}""",
            """{"status":{"addresses":[{"type":"ExternalIP","address":"1.2.3.4"}]}}""",
            """{"status":{"addresses":[{"type":"InternalIP","address":"10.0.0.1"},{"type":"Hostname","address":"n1"},{"type":"ExternalIP","address":"1.2.3.4"}]}}"""
        },
        {
            "taints are atomic, as upstream: the patch list replaces the live one",
            Node,
            """{"spec":{"taints":[{"key":"a","effect":"NoSchedule"},{"key":"node.cloudprovider.kubernetes.io/uninitialized","value":"true","effect":"NoSchedule"}]}}""",
            """{"spec":{"taints":[{"key":"a","effect":"NoSchedule"}]}}""",
            """{"spec":{"taints":[{"key":"a","effect":"NoSchedule"}]}}"""
        },
        {
            "finalizers merge as a set; $deleteFromPrimitiveList removes",
            ConfigMap,
            """{"metadata":{"finalizers":["a","b"]}}""",
            """{"metadata":{"$deleteFromPrimitiveList/finalizers":["a"],"finalizers":["b","c"]}}""",
            """{"metadata":{"finalizers":["b","c"]}}"""
        },
        {
            "owner references merge by uid",
            ConfigMap,
            """{"metadata":{"ownerReferences":[{"uid":"1","name":"a"}]}}""",
            """{"metadata":{"ownerReferences":[{"uid":"2","name":"b"},{"uid":"1","name":"a2"}]}}""",
            """{"metadata":{"ownerReferences":[{"uid":"1","name":"a2"},{"uid":"2","name":"b"}]}}"""
        },
        {
            "containers merge by name, their env by name; tolerations are replaced",
            Deployment,
            """{"spec":{"template":{"spec":{"containers":[{"name":"web","image":"nginx:1","env":[{"name":"A","value":"1"},{"name":"B","value":"2"}]}],"tolerations":[{"key":"x"}]}}}}""",
            """{"spec":{"template":{"spec":{"containers":[{"name":"web","image":"nginx:2","env":[{"name":"B","value":"3"}]}],"tolerations":[{"key":"y"}]}}}}""",
            """{"spec":{"template":{"spec":{"containers":[{"name":"web","image":"nginx:2","env":[{"name":"A","value":"1"},{"name":"B","value":"3"}]}],"tolerations":[{"key":"y"}]}}}}"""
        },
        {
            "$retainKeys drops the fields it does not list (a strategy type change)",
            Deployment,
            """{"spec":{"strategy":{"type":"RollingUpdate","rollingUpdate":{"maxSurge":"25%"}}}}""",
            """{"spec":{"strategy":{"$retainKeys":["type"],"type":"Recreate"}}}""",
            """{"spec":{"strategy":{"type":"Recreate"}}}"""
        },
        {
            "$patch replace on a map replaces it",
            ConfigMap,
            """{"data":{"a":"1","b":"2"}}""",
            """{"data":{"$patch":"replace","c":"3"}}""",
            """{"data":{"c":"3"}}"""
        },
        {
            "$patch replace in a list replaces the list",
            Service,
            """{"spec":{"ports":[{"port":80},{"port":81}]}}""",
            """{"spec":{"ports":[{"port":82},{"$patch":"replace"}]}}""",
            """{"spec":{"ports":[{"port":82}]}}"""
        },
        {
            "null deletes a field",
            ConfigMap,
            """{"data":{"a":"1","b":"2"}}""",
            """{"data":{"a":null}}""",
            """{"data":{"b":"2"}}"""
        },
        {
            "volumes merge by name",
            Deployment,
            """{"spec":{"template":{"spec":{"volumes":[{"name":"a","emptyDir":{}}]}}}}""",
            """{"spec":{"template":{"spec":{"volumes":[{"name":"b","emptyDir":{}}]}}}}""",
            """{"spec":{"template":{"spec":{"volumes":[{"name":"a","emptyDir":{}},{"name":"b","emptyDir":{}}]}}}}"""
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Applies(string because, ResourceType type, string original, string patch, string expected)
    {
        var result = StrategicMergePatch.Apply(JsonNode.Parse(original)!.AsObject(), JsonNode.Parse(patch)!.AsObject(), PatchSchemas.For(type));

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), result), $"{because}: got {result.ToJsonString()}");
    }

    [Fact]
    public void An_element_without_its_merge_key_is_rejected()
    {
        var error = Assert.Throws<PatchException>(() => StrategicMergePatch.Apply(
            JsonNode.Parse("""{"spec":{"ports":[{"port":80}]}}""")!.AsObject(),
            JsonNode.Parse("""{"spec":{"ports":[{"targetPort":80}]}}""")!.AsObject(),
            PatchSchemas.For(Service)));

        Assert.Contains("merge key", error.Message);
    }

    private static ResourceType Type(string group, string kind) => new()
    {
        Group = group,
        Version = "v1",
        Plural = kind.ToLowerInvariant() + "s",
        Singular = kind.ToLowerInvariant(),
        Kind = kind,
        Namespaced = true,
    };
}

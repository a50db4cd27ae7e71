using System.Collections.Frozen;
using System.Text.Json.Nodes;

namespace Ccm.Sandbox.Kube.Discovery;

/// <summary>
/// Just enough OpenAPI v3 for kubectl: its default <c>--validate=strict</c> asks whether the PATCH operation of the
/// object's group-version-kind takes a <c>fieldValidation</c> query parameter (then validation is left to the server),
/// and <c>--dry-run=server</c> asks the same of <c>dryRun</c>. Operations deliberately carry no request body: kubectl
/// computes strategic merge patches from OpenAPI v3 only when the body lists that content type, and otherwise from its
/// compiled-in types, which hold the real patch strategies (merge keys) of every built-in kind.
/// </summary>
internal sealed class OpenApiDocuments
{
    private static readonly string[] QueryParameters = ["fieldValidation", "dryRun", "fieldManager", "force", "pretty"];

    private readonly FrozenDictionary<string, string> documents;
    private readonly string root;

    public OpenApiDocuments(ResourceCatalog catalog)
    {
        var byPath = new Dictionary<string, string>(StringComparer.Ordinal);
        var index = new JsonObject();
        foreach (var (group, version) in catalog.All.Select(t => (t.Group, t.Version)).Distinct())
        {
            var path = group.Length == 0 ? $"api/{version}" : $"apis/{group}/{version}";
            var document = Document(catalog.InGroupVersion(group, version)).ToJsonString();
            byPath[path] = document;
            var hash = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(document)))[..16];
            index[path] = new JsonObject { ["serverRelativeURL"] = $"/openapi/v3/{path}?hash={hash}" };
        }

        documents = byPath.ToFrozenDictionary(StringComparer.Ordinal);
        root = new JsonObject { ["paths"] = index }.ToJsonString();
    }

    /// <summary>The <c>/openapi/v3</c> index: one entry per group-version.</summary>
    public string Root => root;

    /// <summary>The document for <c>api/v1</c> or <c>apis/&lt;group&gt;/&lt;version&gt;</c>, if served.</summary>
    public string? Find(string groupVersionPath) => documents.GetValueOrDefault(groupVersionPath.Trim('/'));

    private static JsonObject Document(IEnumerable<ResourceType> types)
    {
        var paths = new JsonObject();
        foreach (var type in types)
        {
            var prefix = type.Group.Length == 0 ? $"/api/{type.Version}" : $"/apis/{type.Group}/{type.Version}";
            var collection = type.Namespaced ? $"{prefix}/namespaces/{{namespace}}/{type.Plural}" : $"{prefix}/{type.Plural}";
            paths[collection] = new JsonObject { ["post"] = Operation(type, "post"), ["get"] = Operation(type, "list") };
            paths[collection + "/{name}"] = new JsonObject
            {
                ["get"] = Operation(type, "get"),
                ["put"] = Operation(type, "put"),
                ["patch"] = Operation(type, "patch"),
                ["delete"] = Operation(type, "delete"),
            };
            foreach (var sub in type.Subresources.Where(s => s == "status"))
            {
                paths[$"{collection}/{{name}}/{sub}"] = new JsonObject
                {
                    ["get"] = Operation(type, "get"),
                    ["put"] = Operation(type, "put"),
                    ["patch"] = Operation(type, "patch"),
                };
            }
        }

        return new JsonObject
        {
            ["openapi"] = "3.0.0",
            ["info"] = new JsonObject { ["title"] = "Kubernetes", ["version"] = $"v1.{DiscoveryDocuments.Minor}.0" },
            ["paths"] = paths,
            ["components"] = new JsonObject { ["schemas"] = new JsonObject() },
        };
    }

    private static JsonObject Operation(ResourceType type, string action) => new()
    {
        ["operationId"] = $"{action}{type.Group.Replace(".", "", StringComparison.Ordinal)}{type.Kind}",
        ["parameters"] = new JsonArray([.. QueryParameters.Select(name =>
            (JsonNode)new JsonObject { ["name"] = name, ["in"] = "query", ["schema"] = new JsonObject { ["type"] = "string" } })]),
        ["responses"] = new JsonObject { ["200"] = new JsonObject { ["description"] = "OK" } },
        ["x-kubernetes-action"] = action,
        ["x-kubernetes-group-version-kind"] = new JsonObject
        {
            ["group"] = type.Group,
            ["version"] = type.Version,
            ["kind"] = type.Kind,
        },
    };
}

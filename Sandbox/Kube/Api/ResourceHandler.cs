using System.Text.Json;
using Ccm.Sandbox.Kube.Api.Tables;
using Ccm.Sandbox.Kube.Patch;
using Ccm.Sandbox.Kube.Selectors;
using Ccm.Sandbox.Kube.Semantics;
using Ccm.Sandbox.Kube.Storage;
using Microsoft.AspNetCore.Http;

namespace Ccm.Sandbox.Kube.Api;

/// <summary>Maps the HTTP verbs on a resource path to the API verbs (get, list, watch, create, update, patch, delete).</summary>
internal sealed class ResourceHandler(ResourceOperations operations, ListResponder lists, WatchResponder watches, Freshness freshness)
{
    public async Task HandleAsync(HttpContext context, ResourceRequest request)
    {
        var ct = context.RequestAborted;
        var http = context.Request;
        var response = context.Response;
        var options = WriteOptionsFrom(http.Query);
        if (HttpMethods.IsGet(http.Method) && request.Name is not null && !request.WatchPath
            && http.Query["resourceVersion"].ToString() is { Length: > 0 } and not "0" and var minimum)
        {
            // A get at a version (not "0", which means any) is served once the store holds it, as from the watch cache.
            await freshness.EnsureAsync(ListQuery.ParseVersion(minimum), ct);
        }

        switch (http.Method)
        {
            case "GET" when request.Name is null || request.WatchPath:
                var query = ListQuery.Parse(http.Query, request.Type, request.WatchPath);
                if (request.Name is not null)
                {
                    query = query with { Fields = FieldSelector.Parse($"metadata.name={request.Name}") };
                    request = request with { Name = null };
                }

                if (query.Watch)
                {
                    await watches.StreamAsync(context, request, query, TableRequest.From(http, request.Type));
                }
                else
                {
                    await lists.WriteAsync(response, request, query, TableRequest.From(http, request.Type), ct);
                }

                break;

            case "GET" when request.Subresource is null && TableRequest.From(http, request.Type) is { } table:
                var shown = operations.Get(request.Type, request.Namespace, request.Name!);
                await HttpBodies.WriteJsonAsync(response, 200, TableWriter.Serialize(table, shown.Json, DateTimeOffset.UtcNow), ct);
                break;

            case "GET":
                await WriteObjectAsync(response, 200, operations.Get(request.Type, request.Namespace, request.Name!), request.Subresource, ct);
                break;

            case "POST" when request.Name is null:
                var created = operations.Create(request.Type, request.Namespace, await HttpBodies.ReadObjectAsync(http, ct), options);
                await WriteObjectAsync(response, 201, created, null, ct);
                break;

            case "PUT" when request.Name is not null:
                var body = await HttpBodies.ReadObjectAsync(http, ct);
                var updated = operations.Update(request.Type, request.Namespace, request.Name, body, request.Subresource, options);
                await WriteObjectAsync(response, 200, updated.Object, request.Subresource, ct);
                break;

            case "PATCH" when request.Name is not null:
                var patchType = PatchApplier.TypeOf(http.ContentType)
                    ?? throw KubeApiException.UnsupportedMediaType(http.ContentType ?? "", PatchApplier.ContentTypes);
                var patched = operations.Patch(request.Type, request.Namespace, request.Name, patchType,
                    await HttpBodies.ReadTextAsync(http, ct), request.Subresource, options);
                await WriteObjectAsync(response, patched.Created ? 201 : 200, patched.Object, request.Subresource, ct);
                break;

            case "DELETE" when request.Subresource is null:
                var deleteOptions = await HttpBodies.ReadDeleteOptionsAsync(http, options.DryRun, ct);
                if (request.Name is null)
                {
                    var listQuery = ListQuery.Parse(http.Query, request.Type, watchPath: false);
                    var deleted = operations.DeleteCollection(request.Type, request.Namespace, listQuery.Matches, deleteOptions);
                    await HttpBodies.WriteJsonAsync(response, 200, ListOf(request.Type, operations.Snapshot.ResourceVersion, deleted), ct);
                }
                else
                {
                    var result = operations.Delete(request.Type, request.Namespace, request.Name, deleteOptions);
                    await WriteObjectAsync(response, 200, result.Object, null, ct);
                }

                break;

            default:
                throw KubeApiException.MethodNotAllowed();
        }
    }

    private static Task WriteObjectAsync(HttpResponse response, int code, StoredObject obj, string? subresource, CancellationToken ct) =>
        subresource == "scale"
            ? HttpBodies.WriteJsonAsync(response, code, StoredObject.Serialize(ScaleSubresource.ToScale(obj)), ct)
            : HttpBodies.WriteJsonAsync(response, code, obj.Json, ct);

    private static WriteOptions WriteOptionsFrom(IQueryCollection query)
    {
        var dryRun = query["dryRun"].ToString();
        if (dryRun.Length > 0 && dryRun != "All")
        {
            throw KubeApiException.BadRequest($"Invalid dry run value: \"{dryRun}\"; supported values: \"All\"");
        }

        var validation = query["fieldValidation"].ToString();
        if (validation.Length > 0 && validation is not ("Strict" or "Warn" or "Ignore"))
        {
            throw KubeApiException.BadRequest($"Invalid field validation directive: \"{validation}\"; supported values: \"Ignore\", \"Warn\", \"Strict\"");
        }

        return new WriteOptions
        {
            DryRun = dryRun == "All",
            FieldManager = query["fieldManager"].ToString() is { Length: > 0 } manager ? manager : null,
            Force = query["force"] == "true",
        };
    }

    private static byte[] ListOf(ResourceType type, long rv, IReadOnlyList<StoredObject> items)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("kind", type.ListKind);
            writer.WriteString("apiVersion", type.ApiVersion);
            writer.WriteStartObject("metadata");
            writer.WriteString("resourceVersion", rv.ToString(System.Globalization.CultureInfo.InvariantCulture));
            writer.WriteEndObject();
            writer.WriteStartArray("items");
            foreach (var item in items)
            {
                writer.WriteRawValue(item.Json, skipInputValidation: true);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }
}

using Ccm.Sandbox.Kube.Discovery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Ccm.Sandbox.Kube.Api;

/// <summary>
/// The API server's URL space: version and health, discovery, OpenAPI v3, then resources under <c>/api/v1</c> and
/// <c>/apis/{group}/{version}</c>. Every error leaves as a <c>kind: Status</c> object.
/// </summary>
internal sealed class KubeApiHandler(
    ResourceCatalog catalog,
    DiscoveryDocuments discovery,
    OpenApiDocuments openApi,
    ResourceHandler resources,
    ILogger<KubeApiHandler> logger)
{
    public async Task HandleAsync(HttpContext context)
    {
        try
        {
            await DispatchAsync(context);
        }
        catch (KubeApiException e) when (!context.Response.HasStarted)
        {
            logger.LogDebug("{Method} {Path} -> {Code} {Reason}", context.Request.Method, context.Request.Path, e.Code, e.Reason);
            await HttpBodies.WriteStatusAsync(context.Response, e, context.RequestAborted);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; nothing to answer.
        }
        catch (Exception e) when (!context.Response.HasStarted)
        {
            logger.LogError(e, "{Method} {Path} failed", context.Request.Method, context.Request.Path);
            await HttpBodies.WriteStatusAsync(context.Response, new KubeApiException(500, "InternalError", $"an error on the server has prevented the request from succeeding: {e.Message}"), context.RequestAborted);
        }
    }

    private async Task DispatchAsync(HttpContext context)
    {
        var ct = context.RequestAborted;
        var segments = (context.Request.Path.Value ?? "/").Split('/', StringSplitOptions.RemoveEmptyEntries);
        var isGet = context.Request.Method == HttpMethods.Get;
        switch (segments)
        {
            case ["version"] when isGet:
                await HttpBodies.WriteJsonAsync(context.Response, 200, discovery.Version(), ct);
                return;
            case ["healthz" or "livez" or "readyz", ..] when isGet:
                context.Response.ContentType = "text/plain; charset=utf-8";
                await context.Response.WriteAsync("ok", ct);
                return;
            case ["api"] when isGet:
                await HttpBodies.WriteJsonAsync(context.Response, 200, discovery.CoreVersions(context.Request.Host.Value ?? ""), ct);
                return;
            case ["apis"] when isGet:
                await HttpBodies.WriteJsonAsync(context.Response, 200, discovery.Groups(), ct);
                return;
            case ["apis", var group] when isGet:
                await HttpBodies.WriteJsonAsync(context.Response, 200, discovery.Group(group) ?? throw KubeApiException.PathNotFound(), ct);
                return;
            case ["api", var version] when isGet:
                await HttpBodies.WriteJsonAsync(context.Response, 200, discovery.Resources("", version) ?? throw KubeApiException.PathNotFound(), ct);
                return;
            case ["apis", var group, var version] when isGet:
                await HttpBodies.WriteJsonAsync(context.Response, 200, discovery.Resources(group, version) ?? throw KubeApiException.PathNotFound(), ct);
                return;
            case ["openapi", "v3"] when isGet:
                await HttpBodies.WriteJsonAsync(context.Response, 200, openApi.Root, ct);
                return;
            case ["openapi", "v3", .. var rest] when isGet:
                await HttpBodies.WriteJsonAsync(context.Response, 200, openApi.Find(string.Join('/', rest)) ?? throw KubeApiException.PathNotFound(), ct);
                return;
            case ["api", var version, .. var rest] when rest.Length > 0:
                await resources.HandleAsync(context, ParseResource("", version, rest));
                return;
            case ["apis", var group, var version, .. var rest] when rest.Length > 0:
                await resources.HandleAsync(context, ParseResource(group, version, rest));
                return;
            default:
                // Includes /openapi/v2: kubectl then uses its compiled-in patch metadata.
                throw KubeApiException.PathNotFound();
        }
    }

    private ResourceRequest ParseResource(string group, string version, string[] rest) =>
        ResourceRequest.Parse(catalog, group, version, rest) ?? throw KubeApiException.PathNotFound();
}

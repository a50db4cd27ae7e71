using System.Collections.Frozen;
using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Net.Http.Headers;
using Orleans.Dashboard;

namespace Ccm.Silo.Dashboard.OrleansDashboard;

/// <summary>
/// The Orleans dashboard's page files (its HTML, a 12.9 MB script, styles, fonts, logo), served on the routes Orleans
/// maps for them, straight from the manifest resources of <c>Orleans.Dashboard.dll</c> and only when asked for.
/// Orleans' own provider copies every one of them into arrays, plain and gzipped, when the dashboard is mapped: some
/// 30 MB of every silo's memory from its start, for a page most silos never serve. A resource stream reads the
/// assembly's mapped image, so nothing is copied and a page no one opens is never read.
/// <list type="bullet">
/// <item>Not gzipped: compressing on each request costs the CPU, keeping the result costs the memory this saves. The
/// listener is reached over loopback or a port-forward, where 13 MB is a moment.</item>
/// <item>The ETag is the assembly's module version id: its bytes, resources included, cannot change without a new one
/// (a deterministic build derives it from them), so it is a strong tag for every file at no cost. <c>private, no-cache</c>
/// where Orleans sends <c>no-store</c>: the browser keeps the files and asks each time, and an unchanged 13 MB script
/// comes back as a 304 instead of again; no shared cache keeps what sits behind the dashboard's credentials. The
/// content type from the file's extension, as Orleans does.</item>
/// </list>
/// </summary>
internal static class OrleansDashboardAssets
{
    private const string ResourcePrefix = "Orleans.Dashboard.wwwroot.";

    private static readonly Assembly Assembly = typeof(DashboardOptions).Assembly;

    private static readonly EntityTagHeaderValue ETag = new($"\"{Assembly.ManifestModule.ModuleVersionId:N}\"");

    private static readonly string CacheControl = new CacheControlHeaderValue { Private = true, NoCache = true }.ToString();

    /// <summary>Each file by its name under <c>wwwroot</c>, directories joined by dots (<c>fonts.fa-solid-900.woff2</c>); names only, no content.</summary>
    private static readonly FrozenDictionary<string, Resource> Resources = ListResources();

    /// <summary>
    /// Maps the files' routes under <paramref name="prefix"/>, each ahead of Orleans' own route with the same pattern
    /// (a lower order wins), so that Orleans' handlers, whose provider is never filled (<see cref="OrleansAssetProviderStandIn"/>),
    /// are never reached.
    /// </summary>
    public static RouteGroupBuilder Map(IEndpointRouteBuilder routes, string prefix)
    {
        var group = routes.MapGroup(prefix);
        group.MapGet("/", (HttpContext http) => http.Request.Path.Value?.EndsWith('/') == false
            ? Results.Redirect($"{http.Request.PathBase}{http.Request.Path}/{http.Request.QueryString}", permanent: true)
            : Serve(http, "index.html"));
        foreach (var file in new[] { "index.html", "favicon.ico", "index.min.js", "index.css" })
        {
            group.MapGet("/" + file, (HttpContext http) => Serve(http, file));
        }

        group.MapGet("/fonts/{**path}", (HttpContext http, string path) => Serve(http, "fonts/" + path));
        group.MapGet("/img/{**path}", (HttpContext http, string path) => Serve(http, "img/" + path));
        return group.WithOrder(-1);
    }

    private static IResult Serve(HttpContext http, string path)
    {
        if (!Resources.TryGetValue(path.Replace('/', '.'), out var resource))
        {
            return Results.NotFound();
        }

        http.Response.Headers.CacheControl = CacheControl;
        var stream = Assembly.GetManifestResourceStream(resource.Name)
            ?? throw new InvalidOperationException($"The resource {resource.Name} of {Assembly.FullName} is listed but cannot be opened.");
        return Results.Stream(stream, resource.ContentType, entityTag: ETag);
    }

    private static FrozenDictionary<string, Resource> ListResources()
    {
        var types = new FileExtensionContentTypeProvider();
        return Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .ToFrozenDictionary(
                n => n[ResourcePrefix.Length..],
                n => new Resource(n, types.TryGetContentType(n, out var type) ? type : "application/octet-stream"),
                StringComparer.OrdinalIgnoreCase);
    }

    private sealed record Resource(string Name, string ContentType);
}

using Ccm.Silo.Dashboard.Assets;
using Ccm.Silo.Dashboard.Auth;
using Ccm.Silo.Dashboard.Cluster;
using Ccm.Silo.Dashboard.Local;
using Ccm.Silo.Dashboard.Model;
using Ccm.Silo.Dashboard.OrleansDashboard;
using Ccm.Silo.Hosting;
using Ccm.Silo.Options;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace Ccm.Silo.Dashboard;

/// <summary>
/// The dashboard on the <c>--dashboard-bind-addr</c> listener: the pages (one shell that routes in the browser), their
/// files, and the read-only JSON API (<see cref="ClusterApi"/>, <see cref="LocalApi"/>), all behind
/// <see cref="DashboardGate"/>; in token mode the browser sign-in (<see cref="SignInRoutes"/>); and Orleans' own
/// dashboard under <see cref="OrleansDashboardMount.Prefix"/>, behind the same credentials.
/// </summary>
internal sealed class DashboardRoutes(
    DashboardAuthenticator auth, LocalViews views, ClusterReader cluster, DashboardSources sources, StaticAssets assets, ILogger<DashboardRoutes> logger)
    : IEndpointContributor
{
    /// <summary>Paths the browser shows; each serves the shell, whose script renders the page for the path.</summary>
    public static readonly string[] PagePaths =
        ["/", "/services", "/services/{**key}", "/nodes", "/nodes/{**key}", "/routetables", "/routetables/{**key}", "/cloud", "/membership", "/silos"];

    private static readonly string[] WriteMethods = ["POST", "PUT", "PATCH", "DELETE"];

    public ListenerRoles Role => ListenerRoles.Dashboard;

    public void MapRoutes(IEndpointRouteBuilder routes)
    {
        auth.LogStartup(logger);

        var api = routes.MapGroup("/api").AddEndpointFilter(new DashboardGate(auth, shell: false));
        ClusterApi.Map(api, views, cluster, sources, auth);
        LocalApi.Map(api, views);

        // Routing answers a write to a GET route with an endpoint of its own, which carries no listener role and so
        // would read as 404; say plainly that the API does not accept writes.
        api.MapMethods("/{**path}", WriteMethods, (HttpContext http) =>
        {
            http.Response.Headers.Allow = "GET, HEAD";
            return JsonBody.Of(new ErrorBody("The dashboard is read-only", "Use GET or HEAD."), DashboardJsonContext.Default.ErrorBody, StatusCodes.Status405MethodNotAllowed);
        });

        var shell = routes.MapGroup("").AddEndpointFilter(new DashboardGate(auth, shell: true));
        foreach (var path in PagePaths)
        {
            shell.MapGetHead(path, (HttpContext http) => assets.Serve(http, "index.html"));
        }

        shell.MapGetHead("/assets/{**name}", (HttpContext http, string name) => assets.Serve(http, name));

        if (auth.Mode == DashboardAuth.Token)
        {
            SignInRoutes.Map(routes, auth);
        }

        OrleansDashboardMount.Map(routes, auth, sources);
    }
}

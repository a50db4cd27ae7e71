using Ccm.Silo.Dashboard.Auth;
using Ccm.Silo.Dashboard.Local;
using Ccm.Silo.Dashboard.Model;
using Ccm.Silo.Options;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Orleans.Runtime;

namespace Ccm.Silo.Dashboard.OrleansDashboard;

/// <summary>
/// The filter on every route of the Orleans dashboard: our credentials (a bearer or basic header, or in token mode the
/// session cookie its page carries), its page's content-security policy, and the views that stay off.
/// <list type="bullet">
/// <item><c>GrainState</c> is refused for every grain type. It activates the grain it is asked about and calls its
/// parameterless methods to read state: on a reconciler grain an activation starts a reconcile (its pump, its resync
/// timer), which reads the cloud and may change it. Whoever reads a dashboard must never cause that; our dashboard shows
/// each grain's published state without touching the grain.</item>
/// <item><c>Trace</c> is refused even if its option were turned back on: it streams every log line of the silo.</item>
/// <item>The per-silo views (<c>SiloProperties</c>, <c>SiloMetadata</c>, <c>SiloStats</c>, <c>SiloCounters</c>,
/// <c>HistoricalStats</c>) answer only for a live member of the cluster: each activates a proxy grain keyed by the
/// address it is given, and an arbitrary string would leave activations (and calls to no silo) behind.</item>
/// </list>
/// </summary>
internal sealed class OrleansDashboardGate(DashboardAuthenticator auth, DashboardSources sources) : IEndpointFilter
{
    private static readonly string[] Blocked = ["GrainState", "Trace"];

    /// <summary>The views whose last route value is a silo address (<c>HistoricalStats</c> names it <c>path</c>).</summary>
    private static readonly string[] PerSilo = ["SiloProperties", "SiloMetadata", "SiloStats", "SiloCounters", "HistoricalStats"];

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        BrowserPolicy.Apply(http.Response, BrowserPolicy.OrleansDashboard);

        var decision = auth.Check(http.Request.Headers.Authorization, DashboardGate.SessionOf(http.Request));
        if (!decision.Allowed)
        {
            if (auth.Mode == DashboardAuth.Token && auth.CredentialsConfigured && IsPage(http.Request))
            {
                http.Response.Headers.WWWAuthenticate = decision.Challenge;
                return SignInPage.Render(http.Response, OrleansDashboardMount.PagePath, null, StatusCodes.Status401Unauthorized);
            }

            return DashboardGate.Refusal(http.Response, decision);
        }

        var view = ViewOf(http);
        if (Blocked.Contains(view, StringComparer.Ordinal))
        {
            return JsonBody.Of(new ErrorBody(
                    $"The Orleans dashboard's {view} view is turned off in this CCM.",
                    view == "GrainState"
                        ? "Reading a grain's state there activates the grain, which starts a reconcile with cloud calls. Each grain's state is on the CCM dashboard's pages (/services, /nodes, /routetables)."
                        : "It would stream every log line of the silo. Read the silo's logs where they are collected."),
                DashboardJsonContext.Default.ErrorBody, StatusCodes.Status403Forbidden);
        }

        if (PerSilo.Contains(view, StringComparer.Ordinal) && (http.Request.RouteValues["address"] ?? http.Request.RouteValues["path"]) is string address
            && !IsLiveMember(address))
        {
            return JsonBody.Of(new ErrorBody($"No live silo of this cluster has the address \"{address}\".", "Pick a silo from the Orleans dashboard's list of silos."),
                DashboardJsonContext.Default.ErrorBody, StatusCodes.Status404NotFound);
        }

        return await next(context);
    }

    /// <summary>The view a route serves: the first segment of its pattern after the prefix (<c>GrainState</c>, <c>SiloStats</c>...).</summary>
    private static string ViewOf(HttpContext http)
    {
        var pattern = (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "";
        var relative = pattern.StartsWith(OrleansDashboardMount.Prefix, StringComparison.Ordinal) ? pattern[OrleansDashboardMount.Prefix.Length..] : pattern;
        return relative.TrimStart('/').Split('/')[0];
    }

    /// <summary>The page itself (not its data or files): a browser there without a session gets the sign-in form.</summary>
    private static bool IsPage(HttpRequest request)
    {
        var path = request.Path.Value?.TrimEnd('/') ?? "";
        return (path == OrleansDashboardMount.Prefix || path == OrleansDashboardMount.Prefix + "/index.html")
            && request.Headers.Accept.Any(a => a is not null && a.Contains("text/html", StringComparison.OrdinalIgnoreCase));
    }

    private bool IsLiveMember(string address) =>
        SiloAddress.TryParse(address, out var silo)
        && sources.Membership?.CurrentSnapshot.Members.TryGetValue(silo, out var member) == true
        && member.Status != SiloStatus.Dead;
}

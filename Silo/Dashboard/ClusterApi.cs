using Ccm.GrainInterfaces.State;
using Ccm.Silo.Dashboard.Auth;
using Ccm.Silo.Dashboard.Cluster;
using Ccm.Silo.Dashboard.Local;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Ccm.Silo.Dashboard;

/// <summary>
/// The API the pages use: every answer covers the whole cluster (this silo plus its peers, each peer's error named
/// in <c>silos</c>). Documented in the README's "Dashboard and its JSON API".
/// </summary>
internal static class ClusterApi
{
    public static void Map(IEndpointRouteBuilder api, LocalViews views, ClusterReader cluster, DashboardSources sources, DashboardAuthenticator auth)
    {
        var json = DashboardJsonContext.Default;
        api.MapGetHead("/overview", async (HttpContext http, CancellationToken ct) =>
        {
            var answers = await cluster.ReadAsync(() => views.SummaryAsync(ct), "/api/local/summary", json.LocalSummary, Credentials(http));
            return JsonBody.Of(ClusterMerge.Overview(answers, ConfigView.Of(sources, auth), views.Now), json.OverviewView);
        });
        api.MapGetHead("/silos", async (HttpContext http, CancellationToken ct) =>
        {
            var answers = await cluster.ReadAsync(() => views.SummaryAsync(ct), "/api/local/summary", json.LocalSummary, Credentials(http));
            return JsonBody.Of(ClusterMerge.Silos(answers, views.Now), json.SilosView);
        });
        api.MapGetHead("/membership", async (HttpContext http, CancellationToken ct) =>
        {
            var table = await views.MembershipAsync(ct);
            var answers = await cluster.ReadAsync(() => views.SummaryAsync(ct), "/api/local/summary", json.LocalSummary, Credentials(http));
            return JsonBody.Of(ClusterMerge.Membership(table, answers, views.Now), json.MembershipView);
        });
        api.MapGetHead("/cloud/calls", async (HttpContext http) =>
        {
            var answers = await cluster.ReadAsync(() => LocalApi.CloudCalls(views), "/api/local/cloud/calls", json.CloudCallsView, Credentials(http));
            return JsonBody.Of(ClusterMerge.CloudCalls(answers, views.Now), json.CloudCallsView);
        });
        api.MapGetHead("/config", () => JsonBody.Of(ConfigView.Of(sources, auth), json.DashboardConfig));
        MapKind(api, views, cluster, GrainKinds.Services);
        MapKind(api, views, cluster, GrainKinds.Nodes);
        MapKind(api, views, cluster, GrainKinds.RouteTables);
    }

    private static void MapKind<TState, TRow>(IEndpointRouteBuilder api, LocalViews views, ClusterReader cluster, GrainKind<TState, TRow> kind)
        where TState : GrainState
    {
        api.MapGetHead($"/grains/{kind.Segment}", async (HttpContext http, string? q, string? phase) =>
        {
            var (filter, problem) = LocalApi.Filter(q, phase);
            if (problem is not null)
            {
                return problem;
            }

            var path = $"/api/local/grains/{kind.Segment}{filter!.ToQueryString()}";
            var answers = await cluster.ReadAsync(() => kind.List(views, filter), path, kind.ListType, Credentials(http));
            return JsonBody.Of(ClusterMerge.Rows(answers, kind.Key, views.Now), kind.ListType);
        });
        api.MapGetHead($"/grains/{kind.Segment}/{{**key}}", async (HttpContext http, string key) =>
        {
            var path = $"/api/local/grains/{kind.Segment}/{string.Join('/', key.Split('/').Select(Uri.EscapeDataString))}";
            var (found, silos) = await cluster.FindAsync(() => LocalApi.DetailJson(views, kind, key), path, Credentials(http));
            return found is { } detail ? JsonBody.Raw(detail) : LocalApi.NotFound($"{kind.Segment}/{key}", silos);
        });
    }

    /// <summary>The caller's credentials, forwarded to peers (they share the dashboard Secret).</summary>
    private static PeerCredentials Credentials(HttpContext http) => PeerCredentials.Of(http.Request);
}

using System.Text.Json;
using Ccm.GrainInterfaces.State;
using Ccm.Silo.Dashboard.Local;
using Ccm.Silo.Dashboard.Model;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Ccm.Silo.Dashboard;

/// <summary>
/// <c>/api/local/...</c>: this silo's own part of each page, which peers read to build the cluster view. Also useful
/// to a script that wants one silo only.
/// </summary>
internal static class LocalApi
{
    public static void Map(IEndpointRouteBuilder api, LocalViews views)
    {
        var local = api.MapGroup("/local");
        local.MapGetHead("/summary", async (CancellationToken ct) => JsonBody.Of(await views.SummaryAsync(ct), DashboardJsonContext.Default.LocalSummary));
        local.MapGetHead("/membership", async (CancellationToken ct) => JsonBody.Of(await views.MembershipAsync(ct), DashboardJsonContext.Default.LocalMembership));
        local.MapGetHead("/cloud/calls", () => JsonBody.Of(CloudCalls(views), DashboardJsonContext.Default.CloudCallsView));
        MapKind(local, views, GrainKinds.Services);
        MapKind(local, views, GrainKinds.Nodes);
        MapKind(local, views, GrainKinds.RouteTables);
    }

    public static CloudCallsView CloudCalls(LocalViews views) => new(views.Now, views.CloudCalls(), [new PeerStatus(views.SiloName, null, IsSelf: true)]);

    /// <summary>This silo's detail of a grain, serialised, or null when the grain does not run here.</summary>
    public static byte[]? DetailJson<TState, TRow>(LocalViews views, GrainKind<TState, TRow> kind, string key)
        where TState : GrainState =>
        kind.Detail(views, key) is { } detail ? JsonSerializer.SerializeToUtf8Bytes(detail, kind.DetailType) : null;

    /// <summary>The 400 for a bad filter, or null with the filter.</summary>
    public static (GrainFilter? Filter, IResult? Problem) Filter(string? q, string? phase)
    {
        var (filter, error) = GrainFilter.Parse(q, phase);
        return error is null
            ? (filter, null)
            : (null, JsonBody.Of(new ErrorBody(error), DashboardJsonContext.Default.ErrorBody, StatusCodes.Status400BadRequest));
    }

    public static IResult NotFound(string what, IReadOnlyList<PeerStatus>? silos = null) =>
        JsonBody.Of(new ErrorBody($"{what} is not known to any silo that answered", "A grain appears once it has run its first turn; check the silos' errors if some did not answer.", null, silos),
            DashboardJsonContext.Default.ErrorBody, StatusCodes.Status404NotFound);

    private static void MapKind<TState, TRow>(IEndpointRouteBuilder local, LocalViews views, GrainKind<TState, TRow> kind)
        where TState : GrainState
    {
        local.MapGetHead($"/grains/{kind.Segment}", (string? q, string? phase) =>
        {
            var (filter, problem) = Filter(q, phase);
            return problem ?? JsonBody.Of(kind.List(views, filter!), kind.ListType);
        });
        local.MapGetHead($"/grains/{kind.Segment}/{{**key}}", (string key) =>
            DetailJson(views, kind, key) is { } json ? JsonBody.Raw(json) : NotFound($"{kind.Segment}/{key}"));
    }
}

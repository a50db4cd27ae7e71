using System.Text.Json.Serialization.Metadata;
using Ccm.GrainInterfaces.State;
using Ccm.Silo.Dashboard.Local;
using Ccm.Silo.Dashboard.Model;

namespace Ccm.Silo.Dashboard;

/// <summary>
/// One grain type as the API serves it: its path segment (<c>services</c>, <c>nodes</c>, <c>routetables</c>), how
/// this silo lists and details it, and the wire types of both.
/// </summary>
internal sealed record GrainKind<TState, TRow>(
    string Segment,
    Func<LocalViews, GrainFilter, GrainList<TRow>> List,
    Func<LocalViews, string, GrainDetail<TState>?> Detail,
    Func<TRow, string> Key,
    JsonTypeInfo<GrainList<TRow>> ListType,
    JsonTypeInfo<GrainDetail<TState>> DetailType)
    where TState : GrainState;

/// <summary>The three grain types the dashboard shows.</summary>
internal static class GrainKinds
{
    public static readonly GrainKind<ServiceGrainState, ServiceRow> Services = new(
        "services", (v, f) => v.Services(f), (v, k) => v.Service(k), r => r.Key,
        DashboardJsonContext.Default.GrainListServiceRow, DashboardJsonContext.Default.GrainDetailServiceGrainState);

    public static readonly GrainKind<NodeGrainState, NodeRow> Nodes = new(
        "nodes", (v, f) => v.Nodes(f), (v, k) => v.Node(k), r => r.Name,
        DashboardJsonContext.Default.GrainListNodeRow, DashboardJsonContext.Default.GrainDetailNodeGrainState);

    public static readonly GrainKind<RouteTableGrainState, RouteTableRow> RouteTables = new(
        "routetables", (v, f) => v.RouteTables(f), (v, k) => v.RouteTable(k), r => r.Id,
        DashboardJsonContext.Default.GrainListRouteTableRow, DashboardJsonContext.Default.GrainDetailRouteTableGrainState);
}

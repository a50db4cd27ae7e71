using Ccm.Sandbox.Aliyun.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Ccm.Sandbox.Aliyun.Control;

/// <summary>
/// <c>/_emulator/state/…</c>: <c>GET load-balancers</c> (with listeners, groups and backends), <c>GET|POST instances</c> (see
/// <see cref="NewInstance"/>: absent fields get defaults, a value the API never reports is a 400 naming the field),
/// <c>POST instances/{id}/stop|start</c>, <c>DELETE instances/{id}</c> (terminate), <c>POST network-interfaces</c>, and
/// <c>GET|POST|DELETE route-tables/{id}/entries</c> (POST adds a foreign entry; DELETE <c>?destination=CIDR</c> removes one
/// by hand), and <c>PUT route-tables/{id}/quota</c> (<c>{"quota": n}</c>: how many custom entries the table may hold).
/// </summary>
internal static class ControlStateEndpoints
{
    public static void Map(RouteGroupBuilder root, CloudControl cloud)
    {
        var state = root.MapGroup("/state");
        state.MapGet("/load-balancers", http => ControlEndpoints.Json(http, LoadBalancers(cloud), ControlJson.Default.IReadOnlyListLoadBalancerView));
        state.MapGet("/instances", http => ControlEndpoints.Json(http, cloud.Instances, ControlJson.Default.IReadOnlyListInstance));
        state.MapPost("/instances", http => ControlEndpoints.Guard(http, async () =>
        {
            var spec = await ControlEndpoints.Read(http, ControlJson.Default.NewInstance);
            await ControlEndpoints.Json(http, cloud.AddInstance(spec), ControlJson.Default.Instance);
        }));
        state.MapPost("/instances/{id}/stop", (HttpContext http, string id) => Change(http, () => cloud.StopInstance(id)));
        state.MapPost("/instances/{id}/start", (HttpContext http, string id) => Change(http, () => cloud.StartInstance(id)));
        state.MapDelete("/instances/{id}", (HttpContext http, string id) => Change(http, () => cloud.TerminateInstance(id)));
        state.MapPost("/network-interfaces", http => ControlEndpoints.Guard(http, async () =>
        {
            var body = await ControlEndpoints.Read(http, ControlJson.Default.NetworkInterfaceRequest);
            await ControlEndpoints.Json(http, cloud.AddNetworkInterface(body.VSwitchId, body.PrivateIpAddress, body.InstanceId, body.Ipv6Addresses),
                ControlJson.Default.NetworkInterface);
        }));
        state.MapGet("/route-tables/{id}/entries", (HttpContext http, string id) => ControlEndpoints.Guard(http, () =>
            ControlEndpoints.Json(http, RouteEntries(cloud, id), ControlJson.Default.IReadOnlyListRouteEntryView)));
        state.MapPost("/route-tables/{id}/entries", (HttpContext http, string id) => ControlEndpoints.Guard(http, async () =>
        {
            var body = await ControlEndpoints.Read(http, ControlJson.Default.ForeignRouteEntryRequest);
            var entry = cloud.AddForeignRouteEntry(id, body.DestinationCidrBlock, body.NextHopId, body.NextHopType);
            await ControlEndpoints.Json(http, View(entry, "Available"), ControlJson.Default.RouteEntryView);
        }));
        state.MapPut("/route-tables/{id}/quota", (HttpContext http, string id) => ControlEndpoints.Guard(http, async () =>
        {
            var body = await ControlEndpoints.Read(http, ControlJson.Default.RouteEntryQuotaRequest);
            await ControlEndpoints.Done(http, () => cloud.SetRouteEntryQuota(id, body.Quota));
        }));
        state.MapDelete("/route-tables/{id}/entries", (HttpContext http, string id) => ControlEndpoints.Guard(http, () =>
        {
            var removed = cloud.DeleteRouteEntryByHand(id, http.Request.Query["destination"].ToString());
            http.Response.StatusCode = removed ? StatusCodes.Status204NoContent : StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }));
    }

    private static Task Change(HttpContext http, Action change) => ControlEndpoints.Guard(http, () => ControlEndpoints.Done(http, change));

    private static List<LoadBalancerView> LoadBalancers(CloudControl cloud) =>
        [.. cloud.LoadBalancers.Select(lb => new LoadBalancerView(lb, [.. lb.Listeners.Values], cloud.VServerGroups(lb.LoadBalancerId)))];

    private static List<RouteEntryView> RouteEntries(CloudControl cloud, string routeTableId) =>
        [.. cloud.RouteEntries(routeTableId).Select(e => View(e.Entry, e.Status))];

    private static RouteEntryView View(RouteEntry e, string status) =>
        new(e.RouteEntryId, e.RouteTableId, e.DestinationCidrBlock, e.Type, status, e.NextHops);
}

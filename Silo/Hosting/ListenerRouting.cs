using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Ccm.Silo.Hosting;

/// <summary>Marks an endpoint as belonging to one route set; it answers only on listeners that serve that set.</summary>
public sealed record ListenerRoleMetadata(ListenerRoles Role);

/// <summary>
/// Routing by listener rather than by port: each Kestrel listener stamps its roles on the connection, and a middleware
/// answers 404 for an endpoint whose role the connection's listener does not serve. This works for dynamic ports
/// (<c>127.0.0.1:0</c>) and for two flags sharing one address.
/// </summary>
public static class ListenerRouting
{
    private const string RolesKey = "Ccm.Silo.ListenerRoles";

    public static void Stamp(ListenOptions listen, ListenerRoles roles) =>
        listen.Use(next => connection =>
        {
            connection.Items[RolesKey] = roles;
            return next(connection);
        });

    /// <summary>The roles of the listener a request came in on; none for an unstamped connection (e.g. an in-memory test server).</summary>
    public static ListenerRoles RolesOf(HttpContext context) =>
        context.Features.Get<IConnectionItemsFeature>()?.Items.TryGetValue(RolesKey, out var roles) == true && roles is ListenerRoles value
            ? value
            : ListenerRoles.None;

    /// <summary>Call after <c>UseRouting</c>: endpoints without a role, or with one the listener does not serve, are not found.</summary>
    public static IApplicationBuilder UseListenerRoles(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var endpoint = context.GetEndpoint();
            if (endpoint is not null && (endpoint.Metadata.GetMetadata<ListenerRoleMetadata>() is not { } role || !RolesOf(context).HasFlag(role.Role)))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            await next(context);
        });
}

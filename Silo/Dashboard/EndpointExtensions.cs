using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Ccm.Silo.Dashboard;

/// <summary>The dashboard is read-only: every route answers GET and HEAD, nothing else.</summary>
internal static class EndpointExtensions
{
    private static readonly string[] ReadMethods = ["GET", "HEAD"];

    public static RouteHandlerBuilder MapGetHead(this IEndpointRouteBuilder routes, string pattern, Delegate handler) =>
        routes.MapMethods(pattern, ReadMethods, handler);
}

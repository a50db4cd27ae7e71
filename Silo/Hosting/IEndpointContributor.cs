using Microsoft.AspNetCore.Routing;

namespace Ccm.Silo.Hosting;

/// <summary>
/// A component's routes on one of the silo's listeners (the dashboard contributes with
/// <see cref="ListenerRoles.Dashboard"/>). Register in DI: <c>services.AddSingleton&lt;IEndpointContributor, DashboardRoutes&gt;()</c>.
/// Routes are mapped in a group that carries the role, so they answer only on that role's listener.
/// </summary>
public interface IEndpointContributor
{
    ListenerRoles Role { get; }

    void MapRoutes(IEndpointRouteBuilder routes);
}

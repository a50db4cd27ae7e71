using System.Collections.Immutable;
using Ccm.Silo.Flags;
using Ccm.Silo.Options;

namespace Ccm.Silo.Hosting;

/// <summary>One socket to bind and the route sets it serves.</summary>
public sealed record PlannedListener(BindAddress Address, ListenerRoles Roles);

/// <summary>Decides the listeners from the three bind-address flags: disabled ones are left out, equal ones merged.</summary>
public static class ListenerPlan
{
    public static ImmutableArray<PlannedListener> From(SiloOptions options)
    {
        var wanted = new (BindAddress? Address, ListenerRoles Role)[]
        {
            (options.HealthProbeBindAddress, ListenerRoles.Health),
            (options.MetricsBindAddress, ListenerRoles.Metrics),
            (options.DashboardBindAddress, ListenerRoles.Dashboard),
        };
        return
        [
            .. wanted
                .Where(w => w.Address is not null)
                .GroupBy(w => w.Address!)
                .Select(g => new PlannedListener(g.Key, g.Aggregate(ListenerRoles.None, (roles, w) => roles | w.Role))),
        ];
    }
}

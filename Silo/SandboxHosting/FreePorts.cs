using System.Net;
using System.Net.Sockets;
using Ccm.Silo.Flags;
using Ccm.Silo.Options;

namespace Ccm.Silo.SandboxHosting;

/// <summary>
/// Turns the sandbox's <c>127.0.0.1:0</c> listeners into concrete free ports before the silo starts, so its address
/// is known in advance (it is advertised on the silo's membership Lease for the dashboard's peer reads). Equal
/// addresses get the same port and so still share one listener.
/// </summary>
public static class FreePorts
{
    public static SiloOptions Assign(SiloOptions options)
    {
        var assigned = new Dictionary<BindAddress, BindAddress>();
        BindAddress? Resolve(BindAddress? address)
        {
            if (address is not { Port: 0 } || address.IsWildcard)
            {
                return address;
            }

            if (!assigned.TryGetValue(address, out var concrete))
            {
                concrete = address with { Port = Pick(IPAddress.Parse(address.Host)) };
                assigned[address] = concrete;
            }

            return concrete;
        }

        return options with
        {
            HealthProbeBindAddress = Resolve(options.HealthProbeBindAddress),
            MetricsBindAddress = Resolve(options.MetricsBindAddress),
            DashboardBindAddress = Resolve(options.DashboardBindAddress),
        };
    }

    private static int Pick(IPAddress address)
    {
        using var probe = new TcpListener(address, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}

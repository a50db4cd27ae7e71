using System.Net;
using System.Net.Sockets;
using Ccm.Silo.Options;

namespace Ccm.Silo.Composition;

/// <summary>
/// Where this silo listens for and is reached by other silos: <c>$POD_IP</c> (never every interface) else loopback, and
/// <c>--silo-port</c>, with 0 resolved to a free port now (Orleans needs a fixed one to advertise).
/// </summary>
public sealed record SiloEndpoint(IPAddress Address, int Port)
{
    public static SiloEndpoint From(SiloOptions options)
    {
        var address = options.PodIP is { } ip && IPAddress.TryParse(ip, out var parsed) ? parsed : IPAddress.Loopback;
        return new SiloEndpoint(address, options.SiloPort != 0 ? options.SiloPort : FreePort(address));
    }

    public override string ToString() => new IPEndPoint(Address, Port).ToString();

    private static int FreePort(IPAddress address)
    {
        using var probe = new TcpListener(address, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}

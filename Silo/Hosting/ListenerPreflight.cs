using System.Net;
using System.Net.Sockets;

namespace Ccm.Silo.Hosting;

/// <summary>
/// Tries each planned address before the host starts, so a port already taken (typically by the CCM being replaced,
/// on a hostNetwork DaemonSet) fails with the flag to change instead of the server's stack trace. The probe socket
/// is closed at once; if another process takes the port in between, the server's own error still stops the start.
/// </summary>
public static class ListenerPreflight
{
    public static IReadOnlyList<string> Check(IEnumerable<PlannedListener> listeners)
    {
        var problems = new List<string>();
        foreach (var listener in listeners.Where(l => l.Address.Port != 0))
        {
            var error = TryBind(listener.Address.Host, listener.Address.Port);
            if (error is not null)
            {
                problems.Add($"cannot listen on {listener.Address} for {FlagsOf(listener.Roles)}: {error}");
            }
        }

        return problems;
    }

    private static string? TryBind(string host, int port)
    {
        var address = host switch
        {
            "" or "::" => IPAddress.IPv6Any,
            "localhost" => IPAddress.Loopback,
            _ => IPAddress.Parse(host),
        };
        try
        {
            using var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            if (address.Equals(IPAddress.IPv6Any))
            {
                socket.DualMode = true;
            }

            socket.Bind(new IPEndPoint(address, port));
            return null;
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressFamilyNotSupported && address.Equals(IPAddress.IPv6Any))
        {
            return TryBind("0.0.0.0", port);
        }
        catch (SocketException e)
        {
            return e.SocketErrorCode switch
            {
                SocketError.AddressAlreadyInUse => "the address is already in use by another process",
                SocketError.AccessDenied => "permission denied (ports below 1024 need privileges)",
                SocketError.AddressNotAvailable => "this machine has no such address",
                _ => e.Message,
            };
        }
    }

    private static string FlagsOf(ListenerRoles roles) => string.Join(" and ", new[]
    {
        roles.HasFlag(ListenerRoles.Health) ? "--health-probe-bind-addr" : null,
        roles.HasFlag(ListenerRoles.Metrics) ? "--metrics-bind-addr" : null,
        roles.HasFlag(ListenerRoles.Dashboard) ? "--dashboard-bind-addr" : null,
    }.OfType<string>());
}

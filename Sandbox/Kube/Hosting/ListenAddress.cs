using System.Globalization;
using System.Net;

namespace Ccm.Sandbox.Kube.Hosting;

/// <summary>Parses <c>--listen</c> (<c>127.0.0.1:PORT</c>, <c>[::1]:PORT</c>, <c>localhost:PORT</c>): loopback only.</summary>
internal static class ListenAddress
{
    public static IPEndPoint Parse(string listen)
    {
        var colon = listen.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(listen.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535)
        {
            throw new ArgumentException($"--listen must be HOST:PORT on loopback (e.g. 127.0.0.1:0), got \"{listen}\"", nameof(listen));
        }

        var host = listen[..colon].Trim('[', ']');
        var address = host == "localhost" ? IPAddress.Loopback : IPAddress.TryParse(host, out var parsed) ? parsed : null;
        if (address is null || !IPAddress.IsLoopback(address))
        {
            throw new ArgumentException($"refusing to listen on \"{host}\": the emulator serves loopback only (127.0.0.1 or ::1)", nameof(listen));
        }

        return new IPEndPoint(address, port);
    }
}

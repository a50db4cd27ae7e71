using System.Globalization;
using System.Net;

namespace Ccm.Sandbox.Aliyun.Hosting;

/// <summary>
/// Parses <c>host:port</c> for <c>--listen</c> and refuses anything but loopback: the emulators accept any signature
/// made with their configured keys and hand out credentials, so they must never be reachable from another machine.
/// </summary>
public static class ListenAddress
{
    /// <summary>The endpoint, or an <see cref="ArgumentException"/> saying why the address is refused.</summary>
    public static IPEndPoint Parse(string listen)
    {
        var colon = listen.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(listen.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535)
        {
            throw new ArgumentException($"--listen must be host:port with a port 0-65535, got \"{listen}\"", nameof(listen));
        }

        var host = listen[..colon].Trim('[', ']');
        var address = host.Equals("localhost", StringComparison.OrdinalIgnoreCase) ? IPAddress.Loopback
            : IPAddress.TryParse(host, out var parsed) ? parsed
            : throw new ArgumentException($"--listen needs an IP address or localhost, got \"{host}\"", nameof(listen));
        return IPAddress.IsLoopback(address)
            ? new IPEndPoint(address, port)
            : throw new ArgumentException($"--listen must be a loopback address (127.0.0.1, ::1 or localhost); refusing \"{host}\"", nameof(listen));
    }
}

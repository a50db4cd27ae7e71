using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Ccm.Silo.Flags;

/// <summary>
/// A listen address as the upstream CCM's <c>*-bind-addr</c> flags take it: <c>[host]:port</c>. An empty host means
/// every interface (<c>:10258</c>); the value <c>0</c> disables the listener (controller-runtime's convention, used by
/// the upstream v2 manifest as <c>--metrics-bind-addr=0</c>).
/// </summary>
public sealed record BindAddress(string Host, int Port)
{
    private const string Allowed = "allowed: [host]:port such as :10258, 0.0.0.0:8080, 127.0.0.1:0, [::1]:8080, or 0 to disable";

    /// <summary>True when the host is empty or a wildcard address: the listener accepts on every interface.</summary>
    public bool IsWildcard => Host.Length == 0 || Host is "0.0.0.0" or "::";

    /// <summary>Parses a flag value; <paramref name="address"/> is null when the value disables the listener.</summary>
    public static bool TryParse(string text, out BindAddress? address, [NotNullWhen(false)] out string? error)
    {
        address = null;
        error = null;
        var value = text.Trim();
        if (value == "0")
        {
            return true;
        }

        var colon = value.LastIndexOf(':');
        if (colon < 0)
        {
            error = int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out _)
                ? $"\"{text}\" has no ':' before the port (did you mean :{value}? {Allowed})"
                : $"\"{text}\" is not a bind address ({Allowed})";
            return false;
        }

        var host = value[..colon];
        var portText = value[(colon + 1)..];
        if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535)
        {
            error = $"\"{text}\" has an invalid port \"{portText}\" (a number from 0 to 65535; {Allowed})";
            return false;
        }

        if (host.StartsWith('[') && host.EndsWith(']'))
        {
            host = host[1..^1];
            if (!IPAddress.TryParse(host, out var v6) || v6.AddressFamily != AddressFamily.InterNetworkV6)
            {
                error = $"\"{text}\" has an invalid IPv6 host \"{host}\" ({Allowed})";
                return false;
            }
        }
        else if (host.Contains(':'))
        {
            error = $"\"{text}\" looks like an IPv6 address without brackets (write [{host}]:{portText}; {Allowed})";
            return false;
        }
        else if (host.Length > 0 && host != "localhost" && !IPAddress.TryParse(host, out _))
        {
            error = $"\"{text}\" has host \"{host}\", which is not an IP address or localhost ({Allowed})";
            return false;
        }

        if (host == "localhost" && port == 0)
        {
            error = $"\"{text}\" asks for a dynamic port on localhost, which cannot be bound on every loopback address at once (use 127.0.0.1:0)";
            return false;
        }

        address = new BindAddress(host, port);
        return true;
    }

    /// <summary>The address as a URL for log lines and help (<c>http://0.0.0.0:8080</c> for a wildcard host).</summary>
    public string ToUrl(int boundPort) => $"http://{(Host.Length == 0 ? "0.0.0.0" : Host.Contains(':') ? $"[{Host}]" : Host)}:{boundPort}";

    public override string ToString() => $"{(Host.Contains(':') ? $"[{Host}]" : Host)}:{Port}";
}

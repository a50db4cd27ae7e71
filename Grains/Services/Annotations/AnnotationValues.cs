using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace Ccm.Grains.Services;

/// <summary>
/// Parsers for the structured annotation values. Each returns null for a value it cannot read, so the same function
/// both validates (in <see cref="AnnotationCatalog"/>) and reads (in <see cref="ServiceAnnotations"/>).
/// </summary>
public static partial class AnnotationValues
{
    public static readonly string[] ListenerProtocols = ["tcp", "udp", "http", "https"];

    public static int? Int(string value) =>
        int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : null;

    /// <summary><c>https:443,http:80</c>: protocol per Service port.</summary>
    public static IReadOnlyDictionary<int, string>? ProtocolPorts(string value)
    {
        var result = new Dictionary<int, string>();
        foreach (var item in Items(value))
        {
            var parts = item.Split(':', StringSplitOptions.TrimEntries);
            var protocol = parts.Length == 2 ? parts[0].ToLowerInvariant() : null;
            if (protocol is null || !ListenerProtocols.Contains(protocol) || Int(parts[1]) is not (>= 1 and <= 65535) || !result.TryAdd(Int(parts[1])!.Value, protocol))
            {
                return null;
            }
        }

        return result.Count > 0 ? result : null;
    }

    /// <summary><c>80:443,8080:8443</c>: an HTTP listener port redirected to an HTTPS listener port.</summary>
    public static IReadOnlyDictionary<int, int>? ForwardPorts(string value)
    {
        var result = new Dictionary<int, int>();
        foreach (var item in Items(value))
        {
            var parts = item.Split(':', StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || Int(parts[0]) is not (>= 1 and <= 65535) || Int(parts[1]) is not (>= 1 and <= 65535)
                || parts[0] == parts[1] || !result.TryAdd(Int(parts[0])!.Value, Int(parts[1])!.Value))
            {
                return null;
            }
        }

        return result.Count > 0 ? result : null;
    }

    /// <summary><c>k1=v1,k2</c>: at most 10 extra tags (keys 1-128 characters, not <c>aliyun</c>/<c>acs:</c>, values up to 128).</summary>
    public static IReadOnlyList<KeyValuePair<string, string>>? Tags(string value)
    {
        var result = new List<KeyValuePair<string, string>>();
        foreach (var item in Items(value))
        {
            var equals = item.IndexOf('=', StringComparison.Ordinal);
            var key = (equals < 0 ? item : item[..equals]).Trim();
            var tagValue = equals < 0 ? "" : item[(equals + 1)..].Trim();
            if (key.Length is 0 or > 128 || tagValue.Length > 128 || key.StartsWith("aliyun", StringComparison.OrdinalIgnoreCase)
                || key.StartsWith("acs:", StringComparison.OrdinalIgnoreCase) || result.Any(t => t.Key == key))
            {
                return null;
            }

            result.Add(KeyValuePair.Create(key, tagValue));
        }

        return result.Count is > 0 and <= 10 ? result : null;
    }

    /// <summary>
    /// <c>www.example.com:cert-1,api.example.com:cert-2</c>: the SNI domains of every HTTPS listener, each with its server
    /// certificate (upstream's <c>domain-extensions</c>). A domain may be a wildcard (<c>*.example.com</c>).
    /// </summary>
    public static IReadOnlyDictionary<string, string>? DomainExtensions(string value)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in Items(value))
        {
            var parts = item.Split(':', StringSplitOptions.TrimEntries);
            var domain = parts.Length == 2 ? parts[0].ToLowerInvariant() : "";
            var host = domain.StartsWith("*.", StringComparison.Ordinal) ? domain[2..] : domain;
            if (!IsHostname(host) || parts[1].Length is 0 or > 200 || !result.TryAdd(domain, parts[1]))
            {
                return null;
            }
        }

        return result.Count > 0 ? result : null;
    }

    /// <summary><c>rsp-a:80,rsp-b:443</c>: the user's vServer group for a Service port (upstream's <c>vgroup-port</c>); a port once.</summary>
    public static IReadOnlyDictionary<int, string>? VServerGroupPorts(string value)
    {
        var result = new Dictionary<int, string>();
        foreach (var item in Items(value))
        {
            var parts = item.Split(':', StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || !ResourceId().IsMatch(parts[0]) || Int(parts[1]) is not (>= 1 and <= 65535) || !result.TryAdd(Int(parts[1])!.Value, parts[0]))
            {
                return null;
            }
        }

        return result.Count > 0 ? result : null;
    }

    /// <summary><c>k=v,k2=v2</c>: node labels that must all match (label names and values as Kubernetes allows them).</summary>
    public static IReadOnlyDictionary<string, string>? LabelSelector(string value)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in Items(value))
        {
            var parts = item.Split('=', StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || !LabelKey().IsMatch(parts[0]) || !LabelValue().IsMatch(parts[1]) || !result.TryAdd(parts[0], parts[1]))
            {
                return null;
            }
        }

        return result.Count > 0 ? result : null;
    }

    /// <summary>A literal IPv4 (four dotted parts: .NET would also accept <c>10.1</c>) or IPv6 address.</summary>
    public static bool IsIpAddress(string value) =>
        IPAddress.TryParse(value, out var address)
        && (address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 || value.Count(c => c == '.') == 3);

    /// <summary>A DNS name (RFC 1123 subdomain, up to 253 characters).</summary>
    public static bool IsHostname(string value) => value.Length <= 253 && DnsName().IsMatch(value);

    /// <summary>An id of the form <c>prefix-xxxx</c> (<c>lb-</c>, <c>vsw-</c>, <c>rg-</c>, <c>acl-</c>).</summary>
    public static bool IsResourceId(string value, string prefix) =>
        value.Length > prefix.Length + 1 && value.StartsWith(prefix + "-", StringComparison.Ordinal) && ResourceId().IsMatch(value);

    /// <summary>Comma-separated <c>http_2xx</c>..<c>http_5xx</c>.</summary>
    public static bool IsHttpCodes(string value) =>
        Items(value).ToList() is { Count: > 0 } codes && codes.All(c => c is "http_2xx" or "http_3xx" or "http_4xx" or "http_5xx");

    private static string[] Items(string value) =>
        value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    [GeneratedRegex(@"^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$")]
    private static partial Regex LabelKey();

    [GeneratedRegex(@"^([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?$")]
    private static partial Regex LabelValue();

    [GeneratedRegex(@"^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?(\.[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?)*$")]
    private static partial Regex DnsName();

    [GeneratedRegex(@"^[a-z]+-[A-Za-z0-9-]+$")]
    private static partial Regex ResourceId();
}

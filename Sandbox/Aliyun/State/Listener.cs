using System.Collections.Immutable;
using System.Globalization;

namespace Ccm.Sandbox.Aliyun.State;

/// <summary>
/// A CLB listener, identified by port and protocol (<c>tcp</c>, <c>udp</c>, <c>http</c>, <c>https</c>). Its settings are
/// kept under the names the Describe*ListenerAttribute responses use (see <c>Slb/ListenerSchema</c>), because the four
/// protocols share most of them and the schema, not the storage, knows each one's JSON type.
/// </summary>
public sealed record Listener
{
    public required string LoadBalancerId { get; init; }

    public required int ListenerPort { get; init; }

    public required string ListenerProtocol { get; init; }

    /// <summary><c>stopped</c> on creation (as the real service), <c>running</c> after StartLoadBalancerListener.</summary>
    public string Status { get; init; } = "stopped";

    public ImmutableSortedDictionary<string, string> Attributes { get; init; } =
        ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal);

    public ImmutableArray<ResourceTag> Tags { get; init; } = [];

    /// <summary>SNI domains with their own certificates; HTTPS listeners only.</summary>
    public ImmutableArray<DomainExtension> DomainExtensions { get; init; } = [];

    public string? VServerGroupId => Attributes.GetValueOrDefault("VServerGroupId") is { Length: > 0 } id ? id : null;

    public string Key => KeyOf(ListenerPort, ListenerProtocol);

    /// <summary>The id TagResources/ListTagResources use for a listener: <c>lb-xxx_http_80</c>.</summary>
    public string ResourceId => $"{LoadBalancerId}_{ListenerProtocol}_{ListenerPort.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Sorts by port, then protocol.</summary>
    public static string KeyOf(int port, string protocol) => port.ToString("D5", CultureInfo.InvariantCulture) + "/" + protocol;
}

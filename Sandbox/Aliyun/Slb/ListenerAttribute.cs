namespace Ccm.Sandbox.Aliyun.Slb;

/// <summary>The four listener protocols as flags, for saying which protocols an attribute belongs to.</summary>
[Flags]
internal enum ListenerProtocols
{
    None = 0,
    Tcp = 1,
    Udp = 2,
    Http = 4,
    Https = 8,
    Layer4 = Tcp | Udp,
    Layer7 = Http | Https,
    All = Layer4 | Layer7,
}

/// <summary>How an attribute is written in JSON (the appendix's types).</summary>
internal enum AttributeKind
{
    String,
    Int,
    Bool,
}

/// <summary>
/// One listener setting: its response name, JSON type, the protocols that have it, its default, the request parameter it
/// is read from when that differs (TCP/UDP send <c>HealthCheckSwitch</c> but answer <c>HealthCheck</c>), the values it
/// accepts, and whether DescribeLoadBalancerListeners shows it at the top of a listener rather than in its *ListenerConfig.
/// </summary>
internal sealed record ListenerAttribute(
    string Name,
    AttributeKind Kind,
    ListenerProtocols Protocols,
    string? Default = null,
    string? Parameter = null,
    IReadOnlyList<string>? Allowed = null,
    bool TopLevel = false)
{
    public string ParameterName => Parameter ?? Name;
}

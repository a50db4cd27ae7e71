using System.Collections.Immutable;
using System.Globalization;

namespace Ccm.Grains.Services;

/// <summary>A listener operation addresses <c>lb:protocol/port</c>.</summary>
public abstract record ListenerOperation(string? LoadBalancerId, int Port, string Protocol) : ServiceOperation
{
    public override string Target => string.Create(CultureInfo.InvariantCulture, $"{Lb(LoadBalancerId)}:{Protocol}/{Port}");
}

/// <summary>Creates a listener (stopped, as the API does) forwarding to the group of key <see cref="DesiredListener.VServerGroupKey"/>.</summary>
public sealed record CreateListenerOperation(string? LoadBalancerId, DesiredListener Listener)
    : ListenerOperation(LoadBalancerId, Listener.Port, Listener.Protocol)
{
    public override string Action => $"CreateLoadBalancer{Protocol.ToUpperInvariant()}Listener";

    public override string? Detail => Settings(Listener.Settings) + (Listener.ForwardPort is { } to ? string.Create(CultureInfo.InvariantCulture, $", forward to {to}") : "");
}

/// <summary>Sends only the settings that drifted, plus the group when the listener forwards to another one.</summary>
public sealed record SetListenerAttributeOperation(
    string LoadBalancerId, int Port, string Protocol, ImmutableSortedDictionary<string, string> Changes, string? VServerGroupKey, string? Description)
    : ListenerOperation(LoadBalancerId, Port, Protocol)
{
    public override string Action => $"SetLoadBalancer{Protocol.ToUpperInvariant()}ListenerAttribute";

    public override string? Detail =>
        string.Join(", ", new[] { Settings(Changes), VServerGroupKey is null ? "" : "VServerGroup " + VServerGroupKey, Description is null ? "" : "Description " + Description }
            .Where(s => s.Length > 0));
}

public sealed record StartListenerOperation(string? LoadBalancerId, int Port, string Protocol) : ListenerOperation(LoadBalancerId, Port, Protocol)
{
    public override string Action => "StartLoadBalancerListener";
}

public sealed record DeleteListenerOperation(string LoadBalancerId, int Port, string Protocol) : ListenerOperation(LoadBalancerId, Port, Protocol)
{
    public override string Action => "DeleteLoadBalancerListener";
}

/// <summary>Adds an SNI domain with its certificate to an HTTPS listener (<c>domain-extensions</c>).</summary>
public sealed record CreateDomainExtensionOperation(string? LoadBalancerId, int Port, string Domain, string CertificateId)
    : ListenerOperation(LoadBalancerId, Port, "https")
{
    public override string Action => "CreateDomainExtension";

    public override string? Detail => $"{Domain}={CertificateId}";
}

/// <summary>Gives an SNI domain of an HTTPS listener another certificate.</summary>
public sealed record SetDomainExtensionOperation(string LoadBalancerId, int Port, string DomainExtensionId, string Domain, string CertificateId)
    : ListenerOperation(LoadBalancerId, Port, "https")
{
    public override string Action => "SetDomainExtensionAttribute";

    public override string? Detail => $"{Domain}={CertificateId} ({DomainExtensionId})";
}

/// <summary>Removes an SNI domain the annotation no longer names.</summary>
public sealed record DeleteDomainExtensionOperation(string LoadBalancerId, int Port, string DomainExtensionId, string Domain)
    : ListenerOperation(LoadBalancerId, Port, "https")
{
    public override string Action => "DeleteDomainExtension";

    public override string? Detail => $"{Domain} ({DomainExtensionId})";
}

using System.Collections.Immutable;

namespace Ccm.Grains.Services;

/// <summary>
/// One listener as the Service asks for it: a Service port, its protocol, the vServer group it forwards to, and the
/// settings we send, keyed by the names Describe*Listener(s) answers with (see <see cref="ListenerSettings"/>).
/// </summary>
/// <param name="Description">Its ownership key <c>k8s/&lt;port&gt;/&lt;svc&gt;/&lt;ns&gt;/&lt;clusterID&gt;</c>.</param>
/// <param name="ForwardPort">For an HTTP listener that redirects to an HTTPS listener (<c>forward-port</c>).</param>
public sealed record DesiredListener(
    int Port, string Protocol, string Description, string VServerGroupKey, ImmutableSortedDictionary<string, string> Settings, int? ForwardPort = null)
{
    public bool Equals(DesiredListener? other) =>
        other is not null && Port == other.Port && Protocol == other.Protocol && Description == other.Description
        && VServerGroupKey == other.VServerGroupKey && ForwardPort == other.ForwardPort && Settings.SequenceEqual(other.Settings);

    public override int GetHashCode() => HashCode.Combine(Port, Protocol, VServerGroupKey);
}

/// <summary>One vServer group as the Service asks for it: named by its ownership key, with every member it should hold.</summary>
public sealed record DesiredVServerGroup(string Key, ImmutableArray<Backend> Backends)
{
    public bool Equals(DesiredVServerGroup? other) => other is not null && Key == other.Key && Backends.SequenceEqual(other.Backends);

    public override int GetHashCode() => HashCode.Combine(Key, Backends.Length);
}

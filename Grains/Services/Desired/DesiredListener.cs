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
    /// <summary>
    /// An HTTPS listener's SNI domains and their certificates (<c>domain-extensions</c>); null when the annotation is
    /// unset, and then the listener's extensions are neither read nor changed (upstream's rule).
    /// </summary>
    public ImmutableSortedDictionary<string, string>? DomainExtensions { get; init; }

    public bool Equals(DesiredListener? other) =>
        other is not null && Port == other.Port && Protocol == other.Protocol && Description == other.Description
        && VServerGroupKey == other.VServerGroupKey && ForwardPort == other.ForwardPort && Settings.SequenceEqual(other.Settings)
        && (DomainExtensions is null ? other.DomainExtensions is null : other.DomainExtensions is not null && DomainExtensions.SequenceEqual(other.DomainExtensions));

    public override int GetHashCode() => HashCode.Combine(Port, Protocol, VServerGroupKey);
}

/// <summary>
/// One vServer group as the Service asks for it: named by its ownership key, with every member it should hold. A
/// reused group (<c>vgroup-port</c> on a reused load balancer) is the user's group <see cref="ReusedId"/>: it keeps its
/// name and the user's members, and our members in it carry <see cref="Key"/> as their description.
/// </summary>
/// <param name="IgnoreWeightUpdate">Members we find with another weight keep it (<c>ignore-weight-update: on</c>).</param>
public sealed record DesiredVServerGroup(string Key, ImmutableArray<Backend> Backends, string? ReusedId = null, bool IgnoreWeightUpdate = false)
{
    public bool Equals(DesiredVServerGroup? other) =>
        other is not null && Key == other.Key && Backends.SequenceEqual(other.Backends) && ReusedId == other.ReusedId
        && IgnoreWeightUpdate == other.IgnoreWeightUpdate;

    public override int GetHashCode() => HashCode.Combine(Key, Backends.Length);
}

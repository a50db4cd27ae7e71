using System.Globalization;

namespace Ccm.Grains.Services;

/// <summary>
/// Who a Service is, and the names upstream derives from it: the default load balancer name, the ownership keys on
/// listeners, vServer groups and backends, and our deterministic ClientToken.
/// </summary>
/// <param name="Generation">The Service's <c>metadata.generation</c> (part of the ClientToken, see there).</param>
public sealed record ServiceIdentity(string Namespace, string Name, string Uid, string ClusterId, long Generation = 1)
{
    /// <summary>Upstream's default name and the value of its <c>kubernetes.do.not.delete</c> tag: <c>"a"</c> + the
    /// UID without dashes, cut to 32 characters.</summary>
    public string DefaultLoadBalancerName
    {
        get
        {
            var name = "a" + Uid.Replace("-", "", StringComparison.Ordinal);
            return name.Length > 32 ? name[..32] : name;
        }
    }

    /// <summary>
    /// CreateLoadBalancer's ClientToken: the same for every attempt at the same Service spec (upstream keeps a random
    /// one in memory and loses it on restart), so a retry after a lost answer, or after a restart, gets the first
    /// attempt's load balancer back instead of a second paid one. The generation is part of it because a token names
    /// one creation for good: a Service retyped away (its load balancer deleted) and back again needs a new one, and
    /// a retype changes the generation. Between attempts at one generation the token cannot change; across
    /// generations the load balancer, created with its tags in the same call, is found by tag before any create.
    /// </summary>
    public string ClientToken => string.Create(CultureInfo.InvariantCulture, $"ccm-clb-{Uid}-{Generation}");

    /// <summary>The ownership key upstream writes as a listener's description (<paramref name="port"/> = the listener
    /// port) and as a vServer group's name and its backends' description (the NodePort, or the target port for ENI).</summary>
    public string Key(int port) => OwnershipKey.Format(port, Name, Namespace, ClusterId);

    /// <summary>Whether <paramref name="description"/> is one of this Service's keys (any port).</summary>
    public bool Owns(string? description) =>
        OwnershipKey.TryParse(description, out var key) && key.Service == Name && key.Namespace == Namespace && key.ClusterId == ClusterId;

    public override string ToString() => $"{Namespace}/{Name}";
}

/// <summary>Upstream's description key <c>k8s/&lt;port&gt;/&lt;svc&gt;/&lt;ns&gt;/&lt;clusterID&gt;</c>; anything else is the user's.</summary>
public readonly record struct OwnershipKey(int Port, string Service, string Namespace, string ClusterId)
{
    public static string Format(int port, string service, string @namespace, string clusterId) =>
        string.Create(CultureInfo.InvariantCulture, $"k8s/{port}/{service}/{@namespace}/{clusterId}");

    public static bool TryParse(string? text, out OwnershipKey key)
    {
        key = default;
        var parts = text?.Split('/');
        if (parts is not { Length: 5 } || parts[0] != "k8s" || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var port)
            || parts[2].Length == 0 || parts[3].Length == 0 || parts[4].Length == 0)
        {
            return false;
        }

        key = new OwnershipKey(port, parts[2], parts[3], parts[4]);
        return true;
    }
}

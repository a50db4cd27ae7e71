using System.Collections.Immutable;
using System.Globalization;

namespace Ccm.Sandbox.Aliyun.State;

/// <summary>
/// The whole emulated cloud at one instant, immutable. Readers take the current snapshot without locking; writers build
/// the next one under <see cref="CloudStore"/>'s lock. Collections are sorted by id so every listing (and every page
/// boundary) is deterministic.
/// </summary>
public sealed record CloudSnapshot
{
    public required string RegionId { get; init; }

    public ImmutableSortedDictionary<string, Vpc> Vpcs { get; init; } = Empty<Vpc>();

    public ImmutableSortedDictionary<string, VSwitch> VSwitches { get; init; } = Empty<VSwitch>();

    public ImmutableSortedDictionary<string, RouteTable> RouteTables { get; init; } = Empty<RouteTable>();

    public ImmutableSortedDictionary<string, Instance> Instances { get; init; } = Empty<Instance>();

    public ImmutableSortedDictionary<string, NetworkInterface> NetworkInterfaces { get; init; } = Empty<NetworkInterface>();

    public ImmutableSortedDictionary<string, LoadBalancer> LoadBalancers { get; init; } = Empty<LoadBalancer>();

    public ImmutableSortedDictionary<string, VServerGroup> VServerGroups { get; init; } = Empty<VServerGroup>();

    public ImmutableSortedDictionary<string, EipAddress> EipAddresses { get; init; } = Empty<EipAddress>();

    /// <summary>Results of calls that carried a ClientToken, keyed by action and token (see <see cref="ClientTokenKey"/>).</summary>
    internal ImmutableDictionary<string, object> ClientTokens { get; init; } = ImmutableDictionary.Create<string, object>(StringComparer.Ordinal);

    /// <summary>Per-prefix counters behind the deterministic ids.</summary>
    internal ImmutableDictionary<string, int> Sequences { get; init; } = ImmutableDictionary.Create<string, int>(StringComparer.Ordinal);

    /// <summary>The next id for a kind, e.g. <c>lb-bp1sandbox0000000001</c>, and the snapshot that has consumed it.</summary>
    internal (string Id, CloudSnapshot Next) NextId(string prefix)
    {
        var (n, next) = NextNumber(prefix);
        return (prefix + "-bp1sandbox" + n.ToString("D10", CultureInfo.InvariantCulture), next);
    }

    /// <summary>The next value of a named counter (1, 2, …) and the snapshot that has consumed it.</summary>
    internal (int Number, CloudSnapshot Next) NextNumber(string counter)
    {
        var n = Sequences.GetValueOrDefault(counter) + 1;
        return (n, this with { Sequences = Sequences.SetItem(counter, n) });
    }

    internal static string ClientTokenKey(string action, string token) => action + "\n" + token;

    internal static ImmutableSortedDictionary<string, T> Empty<T>() => ImmutableSortedDictionary.Create<string, T>(StringComparer.Ordinal);
}

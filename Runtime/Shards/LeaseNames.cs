using System.Collections.Immutable;
using System.Globalization;

namespace Ccm.Runtime;

/// <summary>Names, labels and annotations of the ring's Leases and reminder ConfigMaps.</summary>
internal sealed class LeaseNames(string prefix)
{
    public const string Domain = "grains.ccm.alibabacloud.com/";

    /// <summary>All Leases of one ring carry <c>ring=&lt;prefix&gt;</c>, so one LIST observes the whole ring.</summary>
    public const string RingLabel = Domain + "ring";

    /// <summary><c>silo</c> (membership) or <c>shard</c>.</summary>
    public const string RoleLabel = Domain + "role";

    public const string SiloNameAnnotation = Domain + "silo-name";
    public const string AddressAnnotation = Domain + "address";
    public const string StartedAtAnnotation = Domain + "started-at";

    public string Prefix { get; } = prefix;

    public string Shard(int shard) => $"{Prefix}-shard-{shard.ToString("D2", CultureInfo.InvariantCulture)}";

    public string Silo(string siloName) => $"{Prefix}-silo-{siloName}";

    public string Reminders(int shard) => $"{Prefix}-reminders-{shard.ToString("D2", CultureInfo.InvariantCulture)}";

    public ImmutableDictionary<string, string> Labels(string role) =>
        ImmutableDictionary<string, string>.Empty.Add(RingLabel, Prefix).Add(RoleLabel, role);

    public static bool IsSilo(LeaseRecord lease) => lease.Labels.GetValueOrDefault(RoleLabel) == "silo";
}

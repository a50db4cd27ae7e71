using Ccm.Silo.Dashboard.Model;

namespace Ccm.Silo.Dashboard.Cluster;

/// <summary>One silo's part of a cluster-wide answer: its value, or (in <see cref="PeerStatus.Error"/>) why there is none.</summary>
internal sealed record SiloAnswer<T>(PeerStatus Silo, T? Value)
    where T : class;

namespace Ccm.Silo.Dashboard.Model;

/// <summary>
/// The configuration the dashboard shows: what the CCM does and how the dashboard is protected. It names the
/// credential files' paths at most, never what they hold.
/// </summary>
public sealed record DashboardConfig
{
    public required string Silo { get; init; }

    public required string Version { get; init; }

    public required IReadOnlyList<string> Controllers { get; init; }

    public required bool DryRun { get; init; }

    public required bool Sandbox { get; init; }

    public string? ClusterCidr { get; init; }

    /// <summary>The port silos reach each other on (<c>--silo-port</c>; 0 when a free one was picked).</summary>
    public required int SiloPort { get; init; }

    /// <summary>Clustered through Kubernetes membership (<c>--leader-elect</c>), else one silo alone.</summary>
    public required bool LeaderElect { get; init; }

    public string? RegionId { get; init; }

    public string? VpcId { get; init; }

    public string? ClusterId { get; init; }

    public IReadOnlyList<string> RouteTableIds { get; init; } = [];

    /// <summary><c>token</c>, <c>basic</c> or <c>none</c>.</summary>
    public required string DashboardAuth { get; init; }

    /// <summary>Whether the credentials the auth mode needs could be read.</summary>
    public required bool DashboardCredentialsConfigured { get; init; }

    /// <summary>Where Orleans' own dashboard answers on this listener (<c>/orleans/</c>), or null when it is not served.</summary>
    public string? OrleansDashboard { get; init; }
}

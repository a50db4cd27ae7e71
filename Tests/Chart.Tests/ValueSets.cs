namespace Ccm.Chart.Tests;

/// <summary>The value files under Tests/Chart.Tests/values that must render (each test names the one it reads).</summary>
public static class ValueSets
{
    public const string ExistingConfigMap = "existing-configmap.yaml";
    public const string SecretCredentials = "secret-credentials.yaml";
    public const string RamRole = "ram-role.yaml";
    public const string CloudConfigKeys = "cloud-config-keys.yaml";
    public const string DryRun = "dry-run.yaml";
    public const string HostNetworkOff = "host-network-off.yaml";
    public const string ThreeReplicas = "three-replicas.yaml";
    public const string BasicAuth = "basic-auth.yaml";
    public const string NoAuth = "no-auth.yaml";
    public const string ExistingDashboardSecret = "existing-dashboard-secret.yaml";

    public static readonly IReadOnlyList<string> All =
    [
        ExistingConfigMap, SecretCredentials, RamRole, CloudConfigKeys, DryRun, HostNetworkOff, ThreeReplicas,
        BasicAuth, NoAuth, ExistingDashboardSecret,
    ];

    public static TheoryData<string> Valid => new(All);
}

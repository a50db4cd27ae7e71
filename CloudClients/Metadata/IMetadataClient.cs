namespace Ccm.CloudClients.Metadata;

/// <summary>The ECS instance metadata service: plain-text items, the RAM role list and the role's STS credentials.</summary>
public interface IMetadataClient
{
    /// <summary>One item under <c>/latest/meta-data/</c> (see <see cref="MetadataItems"/>), trimmed.</summary>
    /// <exception cref="MetadataUnavailableException">After the configured retries.</exception>
    Task<string> GetAsync(string item, CancellationToken cancellationToken);

    /// <summary>The role names under <c>ram/security-credentials/</c>, in service order.</summary>
    Task<IReadOnlyList<string>> GetRamRolesAsync(CancellationToken cancellationToken);

    /// <summary>The STS credentials document of <paramref name="roleName"/>; validated, never logged.</summary>
    Task<RoleCredentialsDocument> GetRoleCredentialsAsync(string roleName, CancellationToken cancellationToken);
}

/// <summary>Convenience accessors for the items the silo uses to fill missing cloud-config values.</summary>
public static class MetadataClientExtensions
{
    public static Task<string> GetRegionIdAsync(this IMetadataClient client, CancellationToken ct) => client.GetAsync(MetadataItems.RegionId, ct);

    public static Task<string> GetZoneIdAsync(this IMetadataClient client, CancellationToken ct) => client.GetAsync(MetadataItems.ZoneId, ct);

    public static Task<string> GetVpcIdAsync(this IMetadataClient client, CancellationToken ct) => client.GetAsync(MetadataItems.VpcId, ct);

    public static Task<string> GetVSwitchIdAsync(this IMetadataClient client, CancellationToken ct) => client.GetAsync(MetadataItems.VSwitchId, ct);

    public static Task<string> GetInstanceIdAsync(this IMetadataClient client, CancellationToken ct) => client.GetAsync(MetadataItems.InstanceId, ct);

    public static Task<string> GetPrivateIpv4Async(this IMetadataClient client, CancellationToken ct) => client.GetAsync(MetadataItems.PrivateIpv4, ct);
}

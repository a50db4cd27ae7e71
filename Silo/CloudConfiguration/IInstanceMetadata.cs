namespace Ccm.Silo.CloudConfiguration;

/// <summary>
/// The ECS instance metadata service (<c>/latest/meta-data/&lt;item&gt;</c>), as far as the silo's start-up needs it:
/// filling the cloud-config fields a user left out. The real client (IMDSv2, <c>$METADATA_ENDPOINT</c>) lives in
/// <c>CloudClients/</c> and is adapted to this seam where the silo is wired.
/// </summary>
public interface IInstanceMetadata
{
    /// <summary>One metadata item such as <c>region-id</c>, <c>zone-id</c>, <c>vpc-id</c>, <c>vswitch-id</c>; null when the service has no value.</summary>
    Task<string?> GetAsync(string item, CancellationToken cancellationToken);
}

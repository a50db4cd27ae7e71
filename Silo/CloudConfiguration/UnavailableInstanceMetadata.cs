namespace Ccm.Silo.CloudConfiguration;

/// <summary>
/// The metadata seam until the CloudClients metadata client is adapted to <see cref="IInstanceMetadata"/>: every
/// lookup fails with that explanation, so a cloud-config that relies on metadata fails at start saying what to set.
/// </summary>
public sealed class UnavailableInstanceMetadata : IInstanceMetadata
{
    public Task<string?> GetAsync(string item, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("this build has no ECS instance metadata client wired in yet");
}

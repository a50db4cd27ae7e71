using Ccm.CloudClients.Metadata;
using Microsoft.Extensions.Logging;

namespace Ccm.CloudClients.Credentials;

/// <summary>
/// STS credentials of the instance's RAM role from the metadata service (<c>ram/security-credentials/</c> -> first
/// role -> its JSON), cached and refreshed per <see cref="CredentialRefreshPolicy"/>. Concurrent callers share one
/// fetch. If a refresh fails while the cached credential is still valid, the cached one is used and the refresh is
/// retried shortly, so a metadata hiccup does not fail cloud calls.
/// </summary>
public sealed class RamRoleCredentialProvider(IMetadataClient metadata, TimeProvider time, ILogger<RamRoleCredentialProvider> logger, string? roleName = null)
    : ICredentialProvider, IDisposable
{
    /// <summary>Wait before retrying a failed refresh while the old credential is still good.</summary>
    internal static readonly TimeSpan FailedRefreshRetry = TimeSpan.FromSeconds(30);

    /// <summary>A cached credential this close to expiry is no longer offered: requests signed with it could arrive expired.</summary>
    internal static readonly TimeSpan ExpirySafety = TimeSpan.FromMinutes(1);

    private readonly SemaphoreSlim gate = new(1, 1);
    private CloudCredential? cached;
    private DateTimeOffset refreshAt;

    public CredentialSource Source => CredentialSource.RamRole;

    public async ValueTask<CloudCredential> GetCredentialAsync(CancellationToken cancellationToken)
    {
        if (cached is { } fresh && time.GetUtcNow() < refreshAt)
        {
            return fresh;
        }

        await gate.WaitAsync(cancellationToken);
        try
        {
            var now = time.GetUtcNow();
            if (cached is { } current && now < refreshAt)
            {
                return current;
            }

            return await RefreshAsync(now, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<CloudCredential> RefreshAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var role = roleName;
        try
        {
            role ??= FirstRole(await metadata.GetRamRolesAsync(cancellationToken))
                     ?? throw new CredentialsUnavailableException("the instance has no RAM role attached (ram/security-credentials/ is empty)");
            var document = await metadata.GetRoleCredentialsAsync(role, cancellationToken);
            var expiration = document.Credential.Expiration!.Value;
            cached = document.Credential;
            refreshAt = CredentialRefreshPolicy.RefreshAt(document.LastUpdated ?? now, expiration);
            logger.LogInformation("Fetched RAM role credentials for {RamRole}, expiring {Expiration:u}, refresh at {RefreshAt:u}", role, expiration, refreshAt);
            return document.Credential;
        }
        catch (Exception ex) when (ex is MetadataUnavailableException or CredentialsUnavailableException)
        {
            if (cached is { Expiration: { } stillValid } previous && now < stillValid - ExpirySafety)
            {
                refreshAt = now + FailedRefreshRetry;
                logger.LogWarning("Refreshing RAM role credentials for {RamRole} failed ({Reason}); using the cached ones until {Expiration:u}", role, ex.Message, stillValid);
                return previous;
            }

            throw ex as CredentialsUnavailableException
                  ?? new CredentialsUnavailableException($"RAM role credentials unavailable: {ex.Message}", ex);
        }
    }

    public void Dispose() => gate.Dispose();

    // Upstream uses the first line of ram/security-credentials/: an instance has at most one role in practice.
    private static string? FirstRole(IReadOnlyList<string> roles) => roles.Count > 0 ? roles[0] : null;

    public override string ToString() => $"RamRoleCredentialProvider {{ Role = {roleName ?? "(first attached)"}, Cached = {cached} }}";
}

namespace Ccm.CloudClients.Credentials;

/// <summary>Supplies the credential to sign the next request with. Implementations cache and refresh.</summary>
public interface ICredentialProvider
{
    /// <summary>The credential to use now; a refreshing provider returns a fresh one well before the old one expires.</summary>
    ValueTask<CloudCredential> GetCredentialAsync(CancellationToken cancellationToken);

    /// <summary>Where credentials come from, for logs and the dashboard.</summary>
    CredentialSource Source { get; }
}

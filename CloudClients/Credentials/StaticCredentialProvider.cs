namespace Ccm.CloudClients.Credentials;

/// <summary>A fixed AccessKey pair, optionally with an STS token (which then expires on the caller's schedule).</summary>
public sealed class StaticCredentialProvider(CloudCredential credential) : ICredentialProvider
{
    public CredentialSource Source => credential.Source;

    public ValueTask<CloudCredential> GetCredentialAsync(CancellationToken cancellationToken) => ValueTask.FromResult(credential);

    public override string ToString() => $"StaticCredentialProvider {{ {credential} }}";
}

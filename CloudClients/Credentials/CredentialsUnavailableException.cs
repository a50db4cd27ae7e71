namespace Ccm.CloudClients.Credentials;

/// <summary>
/// No usable credential could be obtained. The message names the source and the step that failed, never a value:
/// constructors take no credential material at all.
/// </summary>
public sealed class CredentialsUnavailableException : Exception
{
    public CredentialsUnavailableException(string message)
        : base(message)
    {
    }

    public CredentialsUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public CredentialsUnavailableException()
    {
    }
}

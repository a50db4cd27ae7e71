namespace Ccm.Kube.Config;

/// <summary>
/// Configuration that cannot be used: a malformed kubeconfig (the message names the file and the field, e.g.
/// <c>users[0].user.client-key-data</c>), a missing context, unreadable credential files, or no configuration at all.
/// Messages never contain credential values.
/// </summary>
public sealed class KubeconfigException : Exception
{
    public KubeconfigException(string message)
        : base(message)
    {
    }

    public KubeconfigException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public KubeconfigException()
    {
    }
}

namespace Ccm.Grains.Services;

/// <summary>
/// A turn of the Service grain failed in a way a later turn can fix (a cloud error, a pod whose ENI is not there yet):
/// the runtime retries it with backoff. <see cref="Code"/> is the Alibaba error code when there is one.
/// </summary>
public sealed class ServiceSyncException : Exception
{
    public ServiceSyncException()
    {
    }

    public ServiceSyncException(string message)
        : base(message)
    {
    }

    public ServiceSyncException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ServiceSyncException(string message, string? code, Exception? innerException)
        : base(message, innerException) => Code = code;

    public string? Code { get; }
}

namespace Ccm.CloudClients.Transport;

/// <summary>
/// A write was attempted while the client is read-only (the silo's <c>--dry-run</c>). A second safety net under
/// the silo's own dry-run checks: nothing that changes the cloud can leave this process.
/// </summary>
public sealed class ReadOnlyModeException : InvalidOperationException
{
    public ReadOnlyModeException(string product, string action)
        : base($"{product} {action} changes cloud state and the cloud client is read-only (dry run); the call was not sent")
    {
        Product = product;
        Action = action;
    }

    public ReadOnlyModeException()
    {
        Product = Action = "";
    }

    public ReadOnlyModeException(string message)
        : base(message)
    {
        Product = Action = "";
    }

    public ReadOnlyModeException(string message, Exception innerException)
        : base(message, innerException)
    {
        Product = Action = "";
    }

    public string Product { get; }

    public string Action { get; }
}

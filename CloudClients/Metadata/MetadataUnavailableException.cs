namespace Ccm.CloudClients.Metadata;

/// <summary>The metadata service did not answer an item after retries. The message names the item path only.</summary>
public sealed class MetadataUnavailableException : Exception
{
    public MetadataUnavailableException(string message)
        : base(message)
    {
    }

    public MetadataUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public MetadataUnavailableException()
    {
    }
}

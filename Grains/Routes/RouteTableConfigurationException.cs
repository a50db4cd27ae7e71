namespace Ccm.Grains.Routes;

/// <summary>The route tables to keep cannot be determined: a configuration error the user must fix (the message says how).</summary>
public sealed class RouteTableConfigurationException : Exception
{
    public RouteTableConfigurationException()
    {
    }

    public RouteTableConfigurationException(string message)
        : base(message)
    {
    }

    public RouteTableConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

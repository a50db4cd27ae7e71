namespace Ccm.CloudClients.Transport;

/// <summary>A typed request that knows its wire encoding. Internal: callers see records, not parameter names.</summary>
internal interface IRpcRequest
{
    void WriteTo(RpcParameters parameters);
}

/// <summary>Shorthand for the typed clients.</summary>
internal static class RpcRequestExtensions
{
    public static RpcParameters ToParameters(this IRpcRequest request)
    {
        var parameters = new RpcParameters();
        request.WriteTo(parameters);
        return parameters;
    }
}

namespace Ccm.CloudClients.Hosting;

/// <summary>
/// The process's HTTP clients for the OpenAPI and the metadata service, over one pooled handler. Not
/// IHttpClientFactory: its default logging handlers would log request URIs, and a V2 URI carries the AccessKeyId
/// and STS token. Timeouts are per attempt, enforced by the callers, so the clients' own timeout is infinite.
/// </summary>
public sealed class CloudHttpClients : IDisposable
{
    public CloudHttpClients(HttpMessageHandler? handler = null)
    {
        var primary = handler ?? new SocketsHttpHandler
        {
            // Re-resolve endpoints now and then: VPC endpoints sit behind DNS that can move.
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectTimeout = TimeSpan.FromSeconds(5),
            AutomaticDecompression = System.Net.DecompressionMethods.All,
            // Never follow a redirect with a signed request to a host we did not choose.
            AllowAutoRedirect = false,
        };
        Api = new HttpClient(primary, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };
        Metadata = new HttpClient(primary, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };
        this.handler = primary;
    }

    private readonly HttpMessageHandler handler;

    public HttpClient Api { get; }

    public HttpClient Metadata { get; }

    public void Dispose()
    {
        Api.Dispose();
        Metadata.Dispose();
        handler.Dispose();
    }
}

using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http.Features;

namespace Ccm.Silo.Hosting;

/// <summary>
/// Stands in for Kestrel when every bind address is <c>0</c>: Kestrel without listeners would bind its own default
/// (localhost:5000), which nobody asked for.
/// </summary>
internal sealed class NoListenersServer : IServer
{
    public IFeatureCollection Features { get; } = new FeatureCollection();

    public Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken)
        where TContext : notnull => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose()
    {
    }
}

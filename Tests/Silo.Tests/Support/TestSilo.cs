using Ccm.Silo.CloudConfiguration;
using Ccm.Silo.Hosting;
using Ccm.Silo.Options;
using Ccm.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ccm.Silo.Tests.Support;

/// <summary>A silo host started in this process on 127.0.0.1 with dynamic ports, its logs captured; stopped on dispose.</summary>
public sealed class TestSilo : IAsyncDisposable
{
    private TestSilo(WebApplication app, CapturingLoggerProvider logs)
    {
        App = app;
        Logs = logs;
    }

    public WebApplication App { get; }

    public CapturingLoggerProvider Logs { get; }

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    public SiloListeners Listeners => App.Services.GetRequiredService<SiloListeners>();

    public T Service<T>()
        where T : notnull => App.Services.GetRequiredService<T>();

    public static async Task<TestSilo> StartAsync(SiloOptions options, CloudConfig? cloud = null, Action<WebApplicationBuilder>? configure = null)
    {
        var logs = new CapturingLoggerProvider();
        var builder = SiloHost.CreateBuilder(options, cloud);
        builder.Logging.AddProvider(logs);
        configure?.Invoke(builder);
        var app = SiloHost.Build(builder);
        await app.StartAsync();
        return new TestSilo(app, logs);
    }

    public Uri Url(ListenerRoles role, string path) =>
        new(Listeners.UrlOf(role) ?? throw new InvalidOperationException($"no listener serves {role}"), path);

    public Task<HttpResponseMessage> GetAsync(ListenerRoles role, string path) => Http.GetAsync(Url(role, path));

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}

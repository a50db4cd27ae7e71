using System.Net;
using System.Net.Sockets;
using Ccm.GrainInterfaces;
using Ccm.Grains.Reconcile;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;

namespace Ccm.Grains.Tests.Support;

/// <summary>
/// A real Orleans silo in the test process, on loopback ports of its own, with in-memory membership and reminders
/// (minimum reminder period lowered to one second) and a quick retry backoff: the grains run exactly as in the CCM,
/// built by <c>AddCcmGrains</c>, with the test's fakes and emulator clients registered by <c>configure</c>.
/// </summary>
internal sealed class OrleansTestSilo : IAsyncDisposable
{
    private readonly IHost host;

    private OrleansTestSilo(IHost host) => this.host = host;

    public IServiceProvider Services => host.Services;

    public IGrainFactory Grains => Services.GetRequiredService<IGrainFactory>();

    public ReconcileActivity Activity => Services.GetRequiredService<ReconcileActivity>();

    public static async Task<OrleansTestSilo> StartAsync(Action<IServiceCollection> configure, Action<ISiloBuilder>? silo = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddSingleton(new ReconcileOptions
        {
            Retry = new RetryBackoffOptions { BaseDelay = TimeSpan.FromMilliseconds(200), MaxDelay = TimeSpan.FromSeconds(2) },
        });
        configure(builder.Services);
        builder.UseOrleans(orleans =>
        {
            orleans.UseLocalhostClustering(siloPort: FreePort(), gatewayPort: FreePort(), serviceId: "ccm-test", clusterId: $"test-{Guid.NewGuid():N}");
            orleans.UseInMemoryReminderService();
            orleans.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
            silo?.Invoke(orleans);
        });
        var host = builder.Build();
        await host.StartAsync();
        return new OrleansTestSilo(host);
    }

    /// <summary>Signals a grain as the watcher does (a change: event priority).</summary>
    public Task Signal<TGrain>(string key, SignalKind kind = SignalKind.Event)
        where TGrain : IReconcilerGrain => Grains.GetGrain<TGrain>(key).Signal(kind);

    /// <summary>The grain has no turn running or queued (it is not active, or idle, or waiting for a timed retry).</summary>
    public bool Settled(string kind, string key) => Activity.Find(kind, key) is null or { State: not ("Running" or "Queued") };

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await host.StopAsync(stop.Token);
        host.Dispose();
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}

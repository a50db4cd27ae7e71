using Ccm.CloudClients.Ecs;
using Ccm.CloudClients.Endpoints;
using Ccm.CloudClients.Hosting;
using Ccm.CloudClients.Observability;
using Ccm.CloudClients.Slb;
using Ccm.CloudClients.Transport;
using Ccm.CloudClients.Vpc;
using Ccm.Sandbox.Aliyun;
using Ccm.Sandbox.Aliyun.Faults;
using Ccm.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ccm.CloudClients.Tests.Acceptance;

/// <summary>
/// The OpenAPI emulator on a loopback port, and the real clients wired to it over HTTP the way the silo wires them:
/// one DI registration, endpoints from the injected environment. Every log line of clients and emulator is
/// captured so tests can assert that no secret appears in any of them.
/// </summary>
public sealed class EmulatorFixture : IAsyncLifetime
{
    public const string AccessKeyId = "LTAI5tAcceptanceKeyId01";
    public const string AccessKeySecret = "acceptance-secret-MUST-NOT-LEAK-7f3a9c";

    private readonly List<ServiceProvider> providers = [];

    public AliyunEmulator Emulator { get; private set; } = null!;

    public CapturingLoggerProvider Logs { get; } = new();

    public async Task InitializeAsync() =>
        Emulator = await AliyunEmulator.StartAsync(new AliyunEmulatorOptions
        {
            AccessKeyId = AccessKeyId, AccessKeySecret = AccessKeySecret, LoggerFactory = Logs.CreateFactory(),
        });

    /// <summary>A fresh client set (own credential cache, limiter and recorder) pointed at the emulator.</summary>
    public Clients CreateClients(Action<CloudClientOptions>? configure = null, bool withKeys = true)
    {
        var endpoint = Emulator.BaseAddress.Authority;
        var environment = CloudEnvironment.Empty
            .With(CloudEnvironment.SlbEndpoint, endpoint).With(CloudEnvironment.VpcEndpoint, endpoint).With(CloudEnvironment.EcsEndpoint, endpoint)
            .With(CloudEnvironment.ClientScheme, "HTTP").With(CloudEnvironment.MetadataEndpoint, Emulator.BaseAddress.ToString());
        if (withKeys)
        {
            environment = environment.With(CloudEnvironment.AccessKeyId, AccessKeyId).With(CloudEnvironment.AccessKeySecret, AccessKeySecret);
        }

        var provider = new ServiceCollection()
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(Logs))
            .AddSingleton(environment)
            .AddAliyunCloudClients(o =>
            {
                o.RegionId = Sandbox.Demo.DemoWorld.RegionId;
                o.RetryBaseDelay = TimeSpan.FromMilliseconds(20);
                o.RetryMaxDelay = TimeSpan.FromMilliseconds(500);
                o.Timeout = TimeSpan.FromSeconds(10);
                foreach (var limit in o.RateLimits.Values)
                {
                    limit.PermitsPerSecond = 0; // the emulator's throttle is what these tests exercise
                }

                configure?.Invoke(o);
            })
            .BuildServiceProvider();
        lock (providers)
        {
            providers.Add(provider);
        }

        return new Clients(provider);
    }

    /// <summary>
    /// The emulator's call log for <paramref name="action"/> once <paramref name="accept"/> holds. The emulator records a
    /// call after it has answered (or dropped) it, so a client can return before its call is in the log: poll.
    /// </summary>
    public Task<IReadOnlyList<CallRecord>> CallsAsync(string action, Func<IReadOnlyList<CallRecord>, bool> accept, string because) =>
        Eventually.ValueAsync(() => Task.FromResult(Emulator.Calls.Of(action)), accept, because);

    public async Task DisposeAsync()
    {
        foreach (var provider in providers)
        {
            await provider.DisposeAsync();
        }

        await Emulator.DisposeAsync();
    }
}

/// <summary>The typed clients and the recorder of one DI container.</summary>
public sealed class Clients(IServiceProvider services)
{
    public ISlbClient Slb { get; } = services.GetRequiredService<ISlbClient>();

    public IVpcClient Vpc { get; } = services.GetRequiredService<IVpcClient>();

    public IEcsClient Ecs { get; } = services.GetRequiredService<IEcsClient>();

    public CloudCallRecorder Recorder { get; } = services.GetRequiredService<CloudCallRecorder>();

    public IServiceProvider Services { get; } = services;

    public static Action<CloudClientOptions> Signing(SignatureVersion version) => o => o.SignatureVersion = version;
}

using Ccm.Sandbox.Aliyun.Control;
using Ccm.Sandbox.Aliyun.Faults;
using Ccm.Sandbox.Aliyun.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Ccm.Sandbox.Aliyun;

/// <summary>
/// The Alibaba Cloud OpenAPI emulator (SLB, VPC, ECS and the ECS metadata service on one loopback port), hosted in this
/// process. Tests and the silo's sandbox mode start it, point clients at <see cref="BaseAddress"/>, and use
/// <see cref="Faults"/>, <see cref="Calls"/> and <see cref="Cloud"/> (also served over HTTP under <c>/_emulator/</c>).
/// </summary>
public sealed class AliyunEmulator : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly EmulatorServices services;

    private AliyunEmulator(WebApplication app, AliyunEmulatorOptions options, EmulatorServices services)
    {
        this.app = app;
        this.services = services;
        Options = options;
        Faults = services.Faults;
        Calls = services.Calls;
        Cloud = services.Cloud;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.Replace("[::]", "[::1]", StringComparison.Ordinal));
    }

    /// <summary><c>http://127.0.0.1:PORT</c>: the OpenAPI at <c>/</c>, metadata under <c>/latest/</c>, control under <c>/_emulator/</c>.</summary>
    public Uri BaseAddress { get; }

    public AliyunEmulatorOptions Options { get; }

    /// <summary>Latency, QPS limits (<c>Throttling.User</c>), 5xx rate and commit-then-drop, per action or global.</summary>
    public FaultInjector Faults { get; }

    /// <summary>Every OpenAPI call with per-action counts (no secrets).</summary>
    public CallLog Calls { get; }

    /// <summary>Direct access to the emulated cloud.</summary>
    public CloudControl Cloud { get; }

    /// <summary>
    /// The security tokens and AccessKey secrets of every STS credential the metadata service handed out, for tests that
    /// prove none of them is ever shown (logs, Events, metrics).
    /// </summary>
    public IReadOnlyList<string> IssuedStsSecrets() => services.Credentials.IssuedSecrets();

    /// <summary>The metadata service's base, e.g. for <c>METADATA_ENDPOINT</c>.</summary>
    public Uri MetadataAddress => BaseAddress;

    public static async Task<AliyunEmulator> StartAsync(AliyunEmulatorOptions options, CancellationToken ct = default)
    {
        var endpoint = ListenAddress.Parse(options.Listen);
        var services = new EmulatorServices(options);
        var app = EmulatorApp.Build(endpoint, options, services);
        await app.StartAsync(ct);
        return new AliyunEmulator(app, options, services);
    }

    /// <summary>Clears faults and the call log and puts the cloud back to its seed.</summary>
    public void Reset()
    {
        Faults.Clear();
        Calls.Clear();
        Cloud.Reset();
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

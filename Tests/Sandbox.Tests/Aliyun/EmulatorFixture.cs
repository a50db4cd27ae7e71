using Ccm.Sandbox.Aliyun;
using Ccm.Sandbox.Demo;

namespace Ccm.Sandbox.Tests.Aliyun;

/// <summary>
/// An in-process emulator on a dynamic loopback port with a client signed by its AccessKey; one per test, so every test
/// starts from the seed.
/// </summary>
public sealed class EmulatorFixture : IAsyncDisposable
{
    public const string AccessKeyId = "LTAI5tSandboxTestKey";
    public const string AccessKeySecret = "sandbox-test-secret-7f3a9c";
    public static readonly string Region = DemoWorld.RegionId;

    private EmulatorFixture(AliyunEmulator emulator)
    {
        Emulator = emulator;
        Http = new HttpClient { BaseAddress = emulator.BaseAddress };
        Client = new SignedClient(Http, AccessKeyId, AccessKeySecret);
    }

    public AliyunEmulator Emulator { get; }

    public HttpClient Http { get; }

    public SignedClient Client { get; }

    public static async Task<EmulatorFixture> StartAsync(Func<AliyunEmulatorOptions, AliyunEmulatorOptions>? configure = null)
    {
        var options = new AliyunEmulatorOptions { AccessKeyId = AccessKeyId, AccessKeySecret = AccessKeySecret };
        return new EmulatorFixture(await AliyunEmulator.StartAsync(configure?.Invoke(options) ?? options));
    }

    /// <summary>A client signing with other credentials (STS, a wrong secret…).</summary>
    public SignedClient ClientFor(string accessKeyId, string secret, string? securityToken = null) => new(Http, accessKeyId, secret, securityToken);

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Emulator.DisposeAsync();
    }
}

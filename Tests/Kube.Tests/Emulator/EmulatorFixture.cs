using Ccm.Kube.Api;
using Ccm.Kube.Config;
using Ccm.Sandbox.Demo;
using Ccm.Sandbox.Kube;

namespace Ccm.Kube.Tests.Emulator;

/// <summary>
/// A Kubernetes API emulator on 127.0.0.1:0 and a client built the way the silo builds one: from the kubeconfig the
/// emulator writes, over real HTTP.
/// </summary>
public abstract class EmulatorTest : IAsyncLifetime
{
    private readonly string kubeconfig = Path.Combine(Path.GetTempPath(), $"kube-client-test-{Guid.NewGuid():N}.yaml");

    protected KubeEmulator Emulator { get; private set; } = null!;

    protected HttpKubeApi Api { get; private set; } = null!;

    protected KubeCallRecorder Calls { get; } = new();

    /// <summary>Options for the emulator; tests override to shorten bookmark intervals.</summary>
    protected virtual KubeEmulatorOptions EmulatorOptions => new() { Seed = SeedKind.Empty };

    public async Task InitializeAsync()
    {
        Emulator = await KubeEmulator.StartAsync(EmulatorOptions);
        Emulator.WriteKubeconfig(kubeconfig);
        Api = new HttpKubeApi(
            KubeClientConfigLoader.Load(new KubeClientConfigLoadOptions { KubeconfigPath = kubeconfig }),
            new KubeApiOptions { Qps = 0, CallObserver = Calls });
    }

    public async Task DisposeAsync()
    {
        Api.Dispose();
        await Emulator.DisposeAsync();
        File.Delete(kubeconfig);
    }

    /// <summary>A name no other test uses, so tests never see each other's objects.</summary>
    protected static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..8]}";
}

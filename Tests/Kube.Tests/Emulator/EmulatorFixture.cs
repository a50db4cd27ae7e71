using Ccm.Kube.Client;
using Ccm.Kube.Http;
using Ccm.Sandbox.Demo;
using Ccm.Sandbox.Kube;
using k8s;

namespace Ccm.Kube.Tests.Emulator;

/// <summary>
/// A Kubernetes API emulator on 127.0.0.1:0 and the official client built the way the silo builds it: from the
/// kubeconfig the emulator writes (<see cref="KubeConnection"/>), with our handlers (<see cref="KubeClientFactory"/>).
/// Whatever the emulator's kubeconfig says (plain HTTP, or HTTPS with a CA and a token) is what the client uses.
/// </summary>
public abstract class EmulatorTest : IAsyncLifetime
{
    private readonly List<IDisposable> clients = [];

    protected KubeEmulator Emulator { get; private set; } = null!;

    /// <summary>The kubeconfig file the emulator wrote.</summary>
    protected string KubeconfigPath { get; } = Path.Combine(Path.GetTempPath(), $"kube-client-test-{Guid.NewGuid():N}.yaml");

    /// <summary>A client without a QPS limit that records its calls in <see cref="Calls"/>.</summary>
    protected IKubernetes Kube { get; private set; } = null!;

    protected KubeCallRecorder Calls { get; } = new();

    /// <summary>Options for the emulator; tests override to shorten bookmark intervals.</summary>
    protected virtual KubeEmulatorOptions EmulatorOptions => new() { Seed = SeedKind.Empty, RunControllers = false };

    public async Task InitializeAsync()
    {
        Emulator = await KubeEmulator.StartAsync(EmulatorOptions);
        Emulator.WriteKubeconfig(KubeconfigPath);
        Kube = Client(new KubeClientOptions { Qps = 0, CallObserver = Calls });
    }

    public async Task DisposeAsync()
    {
        clients.ForEach(c => c.Dispose());
        await Emulator.DisposeAsync();
        File.Delete(KubeconfigPath);
    }

    /// <summary>Another client on the emulator's kubeconfig, disposed with the test.</summary>
    protected IKubernetes Client(KubeClientOptions options)
    {
        var client = KubeClientFactory.Create(KubeConnection.Load(KubeconfigPath, null), options);
        clients.Add(client);
        return client;
    }

    /// <summary>A name no other test uses, so tests never see each other's objects.</summary>
    protected static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..8]}";
}

using Ccm.Sandbox.Demo;
using Ccm.Sandbox.Kube;
using k8s;
using k8s.Models;

namespace Ccm.Clustering.Kubernetes.Tests.Support;

/// <summary>
/// One in-process Kubernetes API emulator on loopback, reached only as a silo reaches an API server: through
/// KubernetesClient built from the kubeconfig the emulator writes (plain HTTP today, whatever the emulator serves
/// tomorrow). Tests keep apart by working in a namespace of their own.
/// </summary>
public sealed class KubernetesEmulatorFixture : IAsyncLifetime
{
    private readonly string kubeconfig = Path.Combine(Path.GetTempPath(), $"clustering-test-{Guid.NewGuid():N}.yaml");
    private readonly List<IKubernetes> clients = [];

    public KubeEmulator Emulator { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Emulator = await KubeEmulator.StartAsync(new KubeEmulatorOptions { Seed = SeedKind.Empty, RunControllers = false });
        Emulator.WriteKubeconfig(kubeconfig);
    }

    public async Task DisposeAsync()
    {
        lock (clients)
        {
            clients.ForEach(c => c.Dispose());
        }

        await Emulator.DisposeAsync();
        File.Delete(kubeconfig);
    }

    /// <summary>A client of its own, as each silo has one, with <paramref name="handlers"/> in its HTTP pipeline.</summary>
    public IKubernetes NewClient(params DelegatingHandler[] handlers)
    {
        var client = new k8s.Kubernetes(EmulatorKubeconfig.Load(kubeconfig), handlers);
        lock (clients)
        {
            clients.Add(client);
        }

        return client;
    }

    /// <summary>Creates a namespace no other test uses and returns its name.</summary>
    public async Task<string> NewNamespaceAsync()
    {
        var name = $"t-{Guid.NewGuid().ToString("N")[..10]}";
        await NewClient().CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = name } });
        return name;
    }
}

/// <summary>The tests that share one emulator.</summary>
[CollectionDefinition(Name)]
public sealed class EmulatorCollection : ICollectionFixture<KubernetesEmulatorFixture>
{
    public const string Name = "Kubernetes emulator";
}

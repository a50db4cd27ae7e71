namespace Ccm.Sandbox.Tests.Kube.Support;

/// <summary>One standalone emulator process (demo seed) shared by a test class; tests work in namespaces of their own.</summary>
public sealed class StandaloneKubeEmulatorFixture : IAsyncLifetime
{
    private int namespaces;

    public StandaloneKubeEmulator Emulator { get; private set; } = null!;

    public KubeHttp Http { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Emulator = await StandaloneKubeEmulator.StartAsync();
        Http = new KubeHttp(Emulator.CreateHttpClient());
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Emulator.DisposeAsync();
    }

    public Kubectl Kubectl(string executable) =>
        new(executable, Emulator.Kubeconfig, Path.Combine(Emulator.Directory, "cache-" + Path.GetFileName(executable)));

    /// <summary>A manifest file in the emulator's scratch folder.</summary>
    public string WriteManifest(string yaml)
    {
        var path = Path.Combine(Emulator.Directory, $"manifest-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }

    /// <summary>Creates a namespace (over HTTP) and returns its name.</summary>
    public async Task<string> NewNamespaceAsync()
    {
        var name = $"k{Interlocked.Increment(ref namespaces)}-{Guid.NewGuid().ToString("N")[..6]}";
        var reply = await Http.PostAsync("/api/v1/namespaces", new System.Text.Json.Nodes.JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Namespace",
            ["metadata"] = new System.Text.Json.Nodes.JsonObject { ["name"] = name },
        });
        Assert.Equal(201, reply.Status);
        return name;
    }
}

using System.Text.Json.Nodes;
using Ccm.Sandbox.Kube;

namespace Ccm.Sandbox.Tests.Kube.Support;

/// <summary>
/// One in-process emulator (demo seed) shared by a test class. Tests keep out of each other's way by working in a
/// namespace of their own (<see cref="NewNamespace"/>).
/// </summary>
public sealed class KubeEmulatorFixture : IAsyncLifetime
{
    private int namespaces;

    public KubeEmulator Emulator { get; private set; } = null!;

    public KubeHttp Http { get; private set; } = null!;

    public static KubeEmulatorOptions Options => new() { BookmarkInterval = TimeSpan.FromMilliseconds(300) };

    public async Task InitializeAsync()
    {
        Emulator = await KubeEmulator.StartAsync(Options);
        Http = new KubeHttp(Emulator);
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Emulator.DisposeAsync();
    }

    /// <summary>Creates a fresh namespace and returns its name.</summary>
    public string NewNamespace()
    {
        var name = $"t{Interlocked.Increment(ref namespaces)}-{Guid.NewGuid().ToString("N")[..6]}";
        Emulator.Objects.Create(new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Namespace",
            ["metadata"] = new JsonObject { ["name"] = name },
        });
        return name;
    }
}

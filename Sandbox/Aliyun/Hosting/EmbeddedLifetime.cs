using Microsoft.Extensions.Hosting;

namespace Ccm.Sandbox.Aliyun.Hosting;

/// <summary>
/// Keeps the emulator's host from hooking Ctrl-C and SIGTERM: when hosted in a silo or a test, the owner decides when it
/// stops; the standalone command handles the signals itself.
/// </summary>
internal sealed class EmbeddedLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

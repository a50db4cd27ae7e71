namespace Ccm.Silo.Hosting;

/// <summary>
/// A component's part in a graceful stop (SIGTERM). Register in DI
/// (<c>services.AddSingleton&lt;IShutdownParticipant, MyPart&gt;()</c>) or at run time with
/// <see cref="ShutdownCoordinator.Register"/>. The token fires when <c>--shutdown-timeout</c> runs out.
/// </summary>
public interface IShutdownParticipant
{
    string Name { get; }

    ShutdownPhase Phase { get; }

    Task StopAsync(CancellationToken cancellationToken);
}

using System.Collections.Immutable;
using System.Diagnostics;
using Ccm.Silo.Flags;
using Ccm.Silo.Options;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Ccm.Silo.Hosting;

/// <summary>
/// Runs the participants of a graceful stop phase by phase (<see cref="ShutdownPhase"/>) within
/// <see cref="SiloOptions.ShutdownTimeout"/>. It runs in the host's <c>StoppingAsync</c>, before any hosted service
/// or the HTTP server stops, so <c>/healthz</c> keeps answering while turns drain. A participant that fails or runs
/// out of time is logged and the stop goes on: a silo that cannot release a Lease still stops, and the Lease expires.
/// </summary>
public sealed class ShutdownCoordinator(IEnumerable<IShutdownParticipant> participants, SiloOptions options, ILogger<ShutdownCoordinator> logger)
    : IHostedLifecycleService
{
    private readonly Lock gate = new();
    private ImmutableList<IShutdownParticipant> registered = [.. participants];
    private int started;

    /// <summary>Adds a participant at run time (e.g. a shard that was acquired); dispose the result to remove it.</summary>
    public IDisposable Register(string name, ShutdownPhase phase, Func<CancellationToken, Task> stop)
    {
        var participant = new DelegateParticipant(name, phase, stop);
        lock (gate)
        {
            registered = registered.Add(participant);
        }

        return new Registration(() =>
        {
            lock (gate)
            {
                registered = registered.Remove(participant);
            }
        });
    }

    /// <summary>True from the moment a graceful stop begins; readiness fails from then on.</summary>
    public bool IsStopping => Volatile.Read(ref started) == 1;

    public Task StoppingAsync(CancellationToken cancellationToken) => RunAsync();

    /// <summary>Runs the stop once; later calls return at once.</summary>
    public async Task RunAsync()
    {
        if (Interlocked.Exchange(ref started, 1) == 1)
        {
            return;
        }

        using var deadline = new CancellationTokenSource(options.ShutdownTimeout);
        var all = registered;
        logger.LogInformation("Stopping gracefully within {ShutdownTimeout}: {ParticipantCount} participants", GoDuration.Format(options.ShutdownTimeout), all.Count);
        foreach (var phase in Enum.GetValues<ShutdownPhase>())
        {
            var inPhase = all.Where(p => p.Phase == phase).ToList();
            if (inPhase.Count > 0)
            {
                await Task.WhenAll(inPhase.Select(p => StopOneAsync(p, deadline.Token)));
            }
        }
    }

    private async Task StopOneAsync(IShutdownParticipant participant, CancellationToken deadline)
    {
        if (deadline.IsCancellationRequested)
        {
            logger.LogWarning("Shutdown step {Participant} ({Phase}) skipped: the shutdown timeout has run out", participant.Name, participant.Phase);
            return;
        }

        var watch = Stopwatch.StartNew();
        try
        {
            await participant.StopAsync(deadline).WaitAsync(deadline);
            logger.LogDebug("Shutdown step {Participant} ({Phase}) done in {ElapsedMs} ms", participant.Name, participant.Phase, watch.ElapsedMilliseconds);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            logger.LogWarning("Shutdown step {Participant} ({Phase}) did not finish within the shutdown timeout {ShutdownTimeout}", participant.Name, participant.Phase, GoDuration.Format(options.ShutdownTimeout));
        }
        catch (Exception e)
        {
            logger.LogError(e, "Shutdown step {Participant} ({Phase}) failed", participant.Name, participant.Phase);
        }
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private sealed record DelegateParticipant(string Name, ShutdownPhase Phase, Func<CancellationToken, Task> Stop) : IShutdownParticipant
    {
        public Task StopAsync(CancellationToken cancellationToken) => Stop(cancellationToken);
    }

    private sealed class Registration(Action remove) : IDisposable
    {
        public void Dispose() => remove();
    }
}

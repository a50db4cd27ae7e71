using System.Collections.Concurrent;
using Ccm.Silo.Hosting;
using Ccm.Silo.Tests.Support;
using Ccm.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ccm.Silo.Tests.Hosting;

public sealed class ShutdownCoordinatorTests : IDisposable
{
    private readonly TestFiles files = new();

    public void Dispose() => files.Dispose();

    [Fact]
    public async Task Phases_run_in_order_and_participants_of_a_phase_run_together()
    {
        var log = new ConcurrentQueue<string>();
        var bothDraining = new TaskCompletionSource();
        var draining = 0;
        async Task Drain(string name, CancellationToken token)
        {
            log.Enqueue("start " + name);
            if (Interlocked.Increment(ref draining) == 2)
            {
                bothDraining.SetResult();
            }

            await bothDraining.Task.WaitAsync(token);
            log.Enqueue("end " + name);
        }

        var silo = await TestSilo.StartAsync(SiloTestOptions.Parse(files), configure: b =>
            b.Services.AddSingleton<IShutdownParticipant>(new Participant("leases", ShutdownPhase.ReleaseLeases, _ => Record(log, "leases"))));
        var coordinator = silo.Service<ShutdownCoordinator>();
        coordinator.Register("flush", ShutdownPhase.Flush, _ => Record(log, "flush"));
        coordinator.Register("shard 1", ShutdownPhase.DrainTurns, t => Drain("shard 1", t));
        coordinator.Register("shard 2", ShutdownPhase.DrainTurns, t => Drain("shard 2", t));
        coordinator.Register("watcher", ShutdownPhase.StopIntake, _ => Record(log, "watcher"));

        await silo.DisposeAsync();

        var order = log.ToList();
        Assert.Equal("watcher", order[0]);
        Assert.Equal(["start shard 1", "start shard 2"], order.Skip(1).Take(2).Order());
        Assert.Equal(["end shard 1", "end shard 2"], order.Skip(3).Take(2).Order());
        Assert.Equal(["leases", "flush"], order.Skip(5));
    }

    [Fact]
    public async Task A_failing_or_slow_participant_does_not_stop_the_others()
    {
        var log = new ConcurrentQueue<string>();
        var silo = await TestSilo.StartAsync(SiloTestOptions.Parse(files, "--shutdown-timeout=500ms"));
        var coordinator = silo.Service<ShutdownCoordinator>();
        coordinator.Register("broken", ShutdownPhase.StopIntake, _ => throw new InvalidOperationException("watch already closed"));
        coordinator.Register("stuck", ShutdownPhase.DrainTurns, t => Task.Delay(Timeout.Infinite, t));
        coordinator.Register("leases", ShutdownPhase.ReleaseLeases, _ => Record(log, "leases"));

        await silo.DisposeAsync();

        Assert.Contains(silo.Logs.Entries, e => e.Level == LogLevel.Error && e.Message == "Shutdown step broken (StopIntake) failed" && e.Exception!.Contains("watch already closed", StringComparison.Ordinal));
        Assert.Contains(silo.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message == "Shutdown step stuck (DrainTurns) did not finish within the shutdown timeout 500ms");
        Assert.Contains(silo.Logs.Entries, e => e.Message == "Shutdown step leases (ReleaseLeases) skipped: the shutdown timeout has run out");
        Assert.Empty(log);
    }

    [Fact]
    public async Task A_removed_participant_is_not_called()
    {
        var log = new ConcurrentQueue<string>();
        var silo = await TestSilo.StartAsync(SiloTestOptions.Parse(files));
        var registration = silo.Service<ShutdownCoordinator>().Register("released shard", ShutdownPhase.ReleaseLeases, _ => Record(log, "released shard"));
        registration.Dispose();
        await silo.DisposeAsync();
        Assert.Empty(log);
    }

    [Fact]
    public async Task A_graceful_stop_is_logged_with_its_budget()
    {
        // SIGTERM through the real process is tested in EndToEnd.
        var silo = await TestSilo.StartAsync(SiloTestOptions.Parse(files));
        await silo.DisposeAsync();
        await Eventually.TrueAsync(() => silo.Logs.Entries.Any(e => e.Message == "Stopping gracefully within 30s: 0 participants"), "the stop is logged");
    }

    private static Task Record(ConcurrentQueue<string> log, string entry)
    {
        log.Enqueue(entry);
        return Task.CompletedTask;
    }

    private sealed record Participant(string Name, ShutdownPhase Phase, Func<CancellationToken, Task> Stop) : IShutdownParticipant
    {
        public Task StopAsync(CancellationToken cancellationToken) => Stop(cancellationToken);
    }
}

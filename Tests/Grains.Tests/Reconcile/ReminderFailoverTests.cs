using Ccm.GrainInterfaces;
using Ccm.Grains.Placement;
using Ccm.Grains.Tests.Reconcile.Support;
using Ccm.Sandbox.Demo;
using Ccm.Sandbox.Kube;
using Ccm.TestSupport;
using Xunit.Abstractions;

namespace Ccm.Grains.Tests.Reconcile;

/// <summary>
/// Reminders live in our Kubernetes reminder table, not in a silo: when the silo that hosts grains and serves their
/// reminders dies without a word, the survivor finds it dead through our membership table and keeps the reminders firing.
/// </summary>
public sealed class ReminderFailoverTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(90);
    private readonly CapturingLoggerProvider logs = new();
    private readonly List<KubernetesSilo> silos = [];
    private KubeEmulator kube = null!;

    [Fact]
    public async Task Reminders_keep_firing_on_the_surviving_silo_after_their_silo_is_killed()
    {
        var ns = await KubernetesSilo.CreateNamespaceAsync(kube);
        var probe = new ReconcileProbe();
        var doomed = await StartSiloAsync(ns, probe);
        var survivor = await StartSiloAsync(ns, probe);
        await Eventually.TrueAsync(() => silos.All(s => s.Sees(2)), "both silos see each other through the membership table", Bound);
        // Grains the doomed silo hosts (owner placement). Orleans serves each reminder from the silo whose share of its hash
        // ring holds the grain; with eight grains the doomed silo serves some of them, so the survivor takes those over too.
        var keys = Enumerable.Range(0, 100).Select(i => $"vtb-{i:D3}")
            .Where(k => Equals(SiloOwnership.OwnerOf(k, [doomed.Address, survivor.Address]), doomed.Address)).Take(8).ToList();

        await Task.WhenAll(keys.Select(k => doomed.Grains.GetGrain<IProbeGrain>(k).StartReminder("resync", TimeSpan.FromSeconds(1))));
        await Eventually.TrueAsync(() => keys.All(k => probe.Turns.Any(t => t.Key == k && t.Kind == SignalKind.Resync)), "every reminder ran a resync turn", Bound);
        Assert.All(probe.Ticks, t => Assert.Equal(doomed.Address, t.Silo));
        Assert.All(probe.Turns, t => Assert.Equal(doomed.Address, t.Silo));

        var ticksBefore = probe.Ticks.Count;
        await doomed.KillAsync();
        await Eventually.TrueAsync(
            () => keys.All(k => probe.Ticks.Skip(ticksBefore).Count(t => t.Key == k && t.Silo.Equals(survivor.Address)) >= 2),
            "every reminder ticks on the survivor",
            Bound);

        Assert.Equal([survivor.Address], survivor.Ownership.Active); // the survivor declared the dead silo dead in our table
        Assert.All(keys, k => Assert.Contains(probe.Turns, t => t.Key == k && t.Silo.Equals(survivor.Address) && t.Kind == SignalKind.Resync));
    }

    public async Task InitializeAsync() =>
        kube = await KubeEmulator.StartAsync(new KubeEmulatorOptions { Seed = SeedKind.Empty, RunControllers = false });

    public async Task DisposeAsync()
    {
        foreach (var silo in silos)
        {
            await silo.DisposeAsync();
        }

        await kube.DisposeAsync();
        foreach (var entry in logs.Entries.Where(e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Warning).Take(200))
        {
            output.WriteLine(entry.ToString());
        }
    }

    private async Task<KubernetesSilo> StartSiloAsync(string ns, ReconcileProbe probe)
    {
        var silo = await KubernetesSilo.StartAsync(kube, ns, probe, logs, quickDeathDetection: true);
        silos.Add(silo);
        return silo;
    }
}

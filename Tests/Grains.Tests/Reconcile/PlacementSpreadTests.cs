using Ccm.GrainInterfaces;
using Ccm.Grains.Placement;
using Ccm.Grains.Tests.Reconcile.Support;
using Ccm.TestSupport;
using Xunit.Abstractions;

namespace Ccm.Grains.Tests.Reconcile;

/// <summary>Owner placement over three silos: grains spread over all of them, each on the silo every silo agrees owns its key.</summary>
public sealed class PlacementSpreadTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Three_hundred_grains_spread_over_three_silos_each_on_the_owner_every_silo_agrees_on()
    {
        await using var cluster = await ReconcileCluster.StartAsync(new ClusterSetup { Silos = 3 }, output);
        var keys = Enumerable.Range(0, 300).Select(i => $"default/svc-{i:D3}").ToList();

        await Task.WhenAll(keys.Select(k => cluster.Grains.GetGrain<IProbeGrain>(k).Signal(SignalKind.Event)));
        await Eventually.TrueAsync(() => keys.All(k => cluster.Idle(ProbeGrain.KindName, k)), "every grain reconciled");

        var silos = cluster.Silos;
        var hostOf = keys.ToDictionary(k => k, k => Assert.Single(silos, s => cluster.Activity(s).Find(ProbeGrain.KindName, k) is not null).SiloAddress);
        foreach (var silo in silos)
        {
            var hosted = hostOf.Count(h => h.Value.Equals(silo.SiloAddress));
            output.WriteLine($"{silo.SiloAddress}: {hosted} grains");
            Assert.True(hosted >= keys.Count / 5, $"{silo.SiloAddress} hosts {hosted} of {keys.Count} grains");
        }

        Assert.All(keys, k => Assert.Equal(hostOf[k], Assert.Single(silos, s => cluster.Ownership(s).Owns(k)).SiloAddress));
        Assert.All(keys, k => Assert.Equal(hostOf[k], SiloOwnership.OwnerOf(k, [.. silos.Select(s => s.SiloAddress)])));
        Assert.All(cluster.Probe.Turns, t => Assert.Equal(hostOf[t.Key], t.Silo));
    }

    [Fact]
    public async Task Grains_move_to_a_silo_that_joins_later_after_their_next_turn_and_start_there_with_a_resync_withdrawing_what_they_published()
    {
        await using var cluster = await ReconcileCluster.StartAsync(new ClusterSetup { Silos = 1 }, output);
        var keys = Enumerable.Range(0, 60).Select(i => $"default/svc-{i:D2}").ToList();
        await Task.WhenAll(keys.Select(k => cluster.Grains.GetGrain<IProbeGrain>(k).Signal(SignalKind.Event)));
        await Eventually.TrueAsync(() => keys.All(k => cluster.Idle(ProbeGrain.KindName, k)), "every grain reconciled on the first silo");

        var joined = await cluster.StartSiloAsync();
        var silos = cluster.Silos;
        var owned = keys.Where(k => SiloOwnership.OwnerOf(k, [.. silos.Select(s => s.SiloAddress)])!.Equals(joined.SiloAddress)).ToList();
        Assert.NotEmpty(owned);

        // Their next turn (a change) ends where they are; then they move, and start on the owner with a resync.
        await Task.WhenAll(keys.Select(k => cluster.Grains.GetGrain<IProbeGrain>(k).Signal(SignalKind.Event)));
        await Eventually.TrueAsync(
            () => owned.All(k => cluster.Activity(joined).Find(ProbeGrain.KindName, k) is { State: "Idle" }),
            $"the {owned.Count} grains the joining silo owns are active and idle there");

        Assert.All(keys.Except(owned), k => Assert.Null(cluster.Activity(joined).Find(ProbeGrain.KindName, k)));
        Assert.All(owned, k => Assert.Null(cluster.Activity(silos[0]).Find(ProbeGrain.KindName, k)));
        Assert.All(owned, k => Assert.Contains(cluster.Probe.Turns, t => t.Key == k && t.Silo.Equals(joined.SiloAddress) && t.Kind == SignalKind.Resync));

        // Each one that left took its state off the first silo's board (the dashboard shows it once, from its new silo);
        // the ones that stayed withdrew nothing.
        Assert.Equal(owned.Order(StringComparer.Ordinal), cluster.Probe.Withdrawals.Select(w => w.Key).Order(StringComparer.Ordinal));
        Assert.All(cluster.Probe.Withdrawals, w => Assert.Equal(silos[0].SiloAddress, w.Silo));
    }
}

using System.Net;
using Ccm.GrainInterfaces;
using Ccm.Grains.Placement;
using Orleans.Runtime;
using Orleans.Runtime.Placement;

namespace Ccm.Grains.Tests.Reconcile;

/// <summary>
/// A silo's watcher is placed on the silo its key names and nowhere else. Orleans' prefer-local placement put a joining
/// silo's watcher on another silo (found by the chaos soak: the restarted silo never signalled its share of the keys).
/// </summary>
public sealed class NamedSiloPlacementTests
{
    private static readonly SiloAddress Joining = SiloAddress.New(IPAddress.Loopback, 11111, 3);
    private static readonly SiloAddress Other = SiloAddress.New(IPAddress.Loopback, 22222, 1);
    private static readonly NamedSiloPlacementDirector Director = new();

    [Fact]
    public async Task A_joining_silo_places_its_own_watcher_on_itself_though_not_Active_nor_in_the_manifest_yet()
    {
        var context = new Context(Joining, SiloStatus.Joining, compatible: [Other]);

        var placed = await Director.OnAddActivation(NamedSiloPlacement.Instance, Target(GrainKeys.Watcher(Joining.ToParsableString())), context);

        Assert.Equal(Joining, placed);
    }

    [Fact]
    public async Task Another_silo_places_a_watcher_on_the_silo_its_key_names_when_that_silo_can_host_it()
    {
        var context = new Context(Other, SiloStatus.Active, compatible: [Other, Joining]);

        Assert.Equal(Joining, await Director.OnAddActivation(NamedSiloPlacement.Instance, Target(GrainKeys.Watcher(Joining.ToParsableString())), context));
    }

    [Fact]
    public async Task A_watcher_of_a_silo_not_in_the_cluster_is_placed_nowhere_rather_than_on_a_silo_its_key_does_not_name()
    {
        var dead = SiloAddress.New(IPAddress.Loopback, 33333, 1);
        var context = new Context(Other, SiloStatus.Active, compatible: [Other]);

        var e = await Assert.ThrowsAsync<SiloUnavailableException>(() => Director.OnAddActivation(NamedSiloPlacement.Instance, Target(GrainKeys.Watcher(dead.ToParsableString())), context));
        Assert.Contains(dead.ToString(), e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_that_names_no_silo_is_refused_with_what_the_key_must_end_in()
    {
        var context = new Context(Other, SiloStatus.Active, compatible: [Other]);

        var e = await Assert.ThrowsAsync<OrleansException>(() => Director.OnAddActivation(NamedSiloPlacement.Instance, Target("watcher/not-a-silo"), context));
        Assert.Contains("silo address", e.Message, StringComparison.Ordinal);
    }

    private static PlacementTarget Target(string key) =>
        new(GrainId.Create("ccm-watcher", key), [], GrainInterfaceType.Create("Ccm.IWatcherGrain"), 0);

    private sealed class Context(SiloAddress local, SiloStatus status, SiloAddress[] compatible) : IPlacementContext
    {
        public SiloAddress LocalSilo => local;

        public SiloStatus LocalSiloStatus => status;

        public SiloAddress[] GetCompatibleSilos(PlacementTarget target) => compatible;

        public IReadOnlyDictionary<ushort, SiloAddress[]> GetCompatibleSilosWithVersions(PlacementTarget target) => new Dictionary<ushort, SiloAddress[]> { [0] = compatible };
    }
}

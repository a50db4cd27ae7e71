using Ccm.Clustering.Kubernetes.Tests.Support;
using Orleans;
using Orleans.Runtime;

namespace Ccm.Clustering.Kubernetes.Tests.Membership;

/// <summary>
/// Two silos, each with its own table and client, write from the same read: the API server's resourceVersion check
/// lets exactly one of them move the table to the next version.
/// </summary>
[Collection(EmulatorCollection.Name)]
public sealed class MembershipTableRaceTests(KubernetesEmulatorFixture emulator)
{
    private const int Rounds = 8;

    [Fact]
    public async Task Of_two_inserts_from_the_same_version_exactly_one_wins_every_round()
    {
        var ns = await emulator.NewNamespaceAsync();
        var first = Tables.Membership(emulator.NewClient(), ns, siloSlots: 2 * Rounds);
        var second = Tables.Membership(emulator.NewClient(), ns, siloSlots: 2 * Rounds);
        await first.InitializeMembershipTableAsync(true);

        for (var round = 1; round <= Rounds; round++)
        {
            var version = (await first.ReadAllAsync()).Version;
            var results = await Task.WhenAll(
                first.InsertRowAsync(Silos.Entry(Silos.Address(10000 + round)), version.Next()),
                second.InsertRowAsync(Silos.Entry(Silos.Address(20000 + round)), version.Next()));

            Assert.Single(results, won => won);
        }

        var data = await second.ReadAllAsync();
        Assert.Equal(Rounds, data.Version.Version);
        Assert.Equal(Rounds, data.Members.Count);
    }

    [Fact]
    public async Task Of_two_updates_of_one_row_from_the_same_read_exactly_one_wins_every_round()
    {
        var ns = await emulator.NewNamespaceAsync();
        var first = Tables.Membership(emulator.NewClient(), ns);
        var second = Tables.Membership(emulator.NewClient(), ns);
        await first.InitializeMembershipTableAsync(true);
        var silo = Silos.Address(11111);
        Assert.True(await first.InsertRowAsync(Silos.Entry(silo, SiloStatus.Active), (await first.ReadAllAsync()).Version.Next()));

        for (var round = 1; round <= Rounds; round++)
        {
            var read = await first.ReadRowAsync(silo);
            var (entry, etag) = read.Members[0];
            var byFirst = entry.With(SiloStatus.Active);
            byFirst.AddSuspector(Silos.Address(20000 + round), Silos.Epoch.AddMinutes(round));
            var bySecond = entry.With(SiloStatus.Active);
            bySecond.AddSuspector(Silos.Address(30000 + round), Silos.Epoch.AddMinutes(round));

            var results = await Task.WhenAll(
                first.UpdateRowAsync(byFirst, etag, read.Version.Next()),
                second.UpdateRowAsync(bySecond, etag, read.Version.Next()));

            Assert.Single(results, won => won);
            var votes = (await second.ReadRowAsync(silo)).Members[0].Item1.SuspectTimes!;
            Assert.Equal(round, votes.Count);
        }

        Assert.Equal(1 + Rounds, (await second.ReadAllAsync()).Version.Version);
    }
}

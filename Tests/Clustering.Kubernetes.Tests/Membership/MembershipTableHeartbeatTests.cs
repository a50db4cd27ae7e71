using Ccm.Clustering.Kubernetes.Membership;
using Ccm.Clustering.Kubernetes.Tests.Support;
using k8s;
using Orleans;
using Orleans.Runtime;

namespace Ccm.Clustering.Kubernetes.Tests.Membership;

/// <summary>
/// UpdateIAmAlive goes to the silo's slot Lease: reads show the new time, while the table version and the row etag
/// read before it stay usable for the next conditional write.
/// </summary>
[Collection(EmulatorCollection.Name)]
public sealed class MembershipTableHeartbeatTests(KubernetesEmulatorFixture emulator)
{
    [Fact]
    public async Task IAmAlive_moves_neither_the_version_nor_the_row_etag()
    {
        var (table, _, _) = await NewTableAsync();
        var silo = Silos.Address(11111);
        Assert.True(await table.InsertRowAsync(Silos.Entry(silo), (await table.ReadAllAsync()).Version.Next()));
        var before = await table.ReadRowAsync(silo);
        var (entry, etag) = Assert.Single(before.Members);

        var alive = Silos.Epoch.AddMinutes(5);
        await table.UpdateIAmAliveAsync(Silos.Entry(silo, time: alive));

        var after = await table.ReadRowAsync(silo);
        Assert.Equal(alive, Assert.Single(after.Members).Item1.IAmAliveTime);
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(etag, after.Members[0].Item2);
        Assert.True(await table.UpdateRowAsync(entry.With(SiloStatus.Active), etag, before.Version.Next()));
    }

    [Fact]
    public async Task IAmAlive_is_written_to_the_silos_slot_Lease_and_not_to_the_table()
    {
        var (table, client, ns) = await NewTableAsync();
        var silo = Silos.Address(11111);
        Assert.True(await table.InsertRowAsync(Silos.Entry(silo), (await table.ReadAllAsync()).Version.Next()));
        var tableVersion = (await client.CoreV1.ReadNamespacedConfigMapAsync(table.Objects.TableConfigMap, ns)).Metadata.ResourceVersion;

        await table.UpdateIAmAliveAsync(Silos.Entry(silo, time: Silos.Epoch.AddMinutes(1)));
        await table.UpdateIAmAliveAsync(Silos.Entry(silo, time: Silos.Epoch.AddMinutes(2)));

        var lease = await client.CoordinationV1.ReadNamespacedLeaseAsync(table.Objects.SlotLease(0), ns);
        Assert.Equal(silo.ToParsableString(), lease.Spec.HolderIdentity);
        Assert.Equal(Silos.Epoch.AddMinutes(2), lease.Spec.RenewTime!.Value.ToUniversalTime());
        Assert.Equal(tableVersion, (await client.CoreV1.ReadNamespacedConfigMapAsync(table.Objects.TableConfigMap, ns)).Metadata.ResourceVersion);
    }

    [Fact]
    public async Task ReadRow_and_ReadAll_agree_on_rows_etags_times_and_version()
    {
        var (table, _, _) = await NewTableAsync();
        var (a, b) = (Silos.Address(11111), Silos.Address(22222));
        Assert.True(await table.InsertRowAsync(Silos.Entry(a), (await table.ReadAllAsync()).Version.Next()));
        Assert.True(await table.InsertRowAsync(Silos.Entry(b), (await table.ReadAllAsync()).Version.Next()));
        await table.UpdateIAmAliveAsync(Silos.Entry(b, time: Silos.Epoch.AddMinutes(3)));

        var all = await table.ReadAllAsync();

        foreach (var silo in new[] { a, b })
        {
            var one = await table.ReadRowAsync(silo);
            var (entry, etag) = Assert.Single(one.Members);
            var inAll = all.TryGet(silo)!;
            Assert.Equal(all.Version, one.Version);
            Assert.Equal(inAll.Item2, etag);
            Assert.Equal(inAll.Item1.ToFullString(), entry.ToFullString());
        }

        Assert.Equal(Silos.Epoch.AddMinutes(3), all.TryGet(b)!.Item1.IAmAliveTime);
    }

    [Fact]
    public async Task ReadRow_of_an_unknown_silo_returns_no_row_and_the_current_version()
    {
        var (table, _, _) = await NewTableAsync();
        Assert.True(await table.InsertRowAsync(Silos.Entry(Silos.Address(11111)), (await table.ReadAllAsync()).Version.Next()));

        var read = await table.ReadRowAsync(Silos.Address(33333));

        Assert.Empty(read.Members);
        Assert.Equal((await table.ReadAllAsync()).Version, read.Version);
    }

    [Fact]
    public async Task Every_field_of_an_entry_reads_back_as_written()
    {
        var (table, _, _) = await NewTableAsync();
        var silo = Silos.Address(11111, generation: 123456789);
        var entry = Silos.Entry(silo, SiloStatus.ShuttingDown, Silos.Epoch);
        entry.ProxyPort = 30000;
        entry.RoleName = "control-plane";
        entry.UpdateZone = 2;
        entry.FaultZone = 3;
        entry.IAmAliveTime = Silos.Epoch.AddSeconds(30);
        entry.AddSuspector(Silos.Address(22222, 7), Silos.Epoch.AddSeconds(10));
        entry.AddSuspector(Silos.Address(33333, 8), Silos.Epoch.AddSeconds(20));
        Assert.True(await table.InsertRowAsync(entry, (await table.ReadAllAsync()).Version.Next()));

        var read = Assert.Single((await table.ReadRowAsync(silo)).Members).Item1;

        Assert.Equal(entry.ToFullString(), read.ToFullString());
        Assert.Equal(entry.StartTime, read.StartTime);
        Assert.Equal(entry.IAmAliveTime, read.IAmAliveTime);
        Assert.Equal(entry.SuspectTimes, read.SuspectTimes);
    }

    private async Task<(KubernetesMembershipTable Table, IKubernetes Client, string Namespace)> NewTableAsync()
    {
        var ns = await emulator.NewNamespaceAsync();
        var client = emulator.NewClient();
        var table = Tables.Membership(client, ns);
        await table.InitializeMembershipTableAsync(true);
        return (table, client, ns);
    }
}

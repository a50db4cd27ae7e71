using Ccm.Clustering.Kubernetes.Membership;
using Ccm.Clustering.Kubernetes.Tests.Support;
using k8s;
using Orleans;
using Orleans.Runtime;

namespace Ccm.Clustering.Kubernetes.Tests.Membership;

/// <summary>Defunct-silo cleanup, deleting a whole table, and how silo slots are handed on.</summary>
[Collection(EmulatorCollection.Name)]
public sealed class MembershipTableCleanupTests(KubernetesEmulatorFixture emulator)
{
    [Fact]
    public async Task Cleanup_removes_dead_rows_silent_since_the_date_and_their_Leases_and_keeps_the_rest()
    {
        var (table, client, ns) = await NewTableAsync();
        var cutoff = Silos.Epoch.AddDays(1);
        var oldDead = Silos.Address(11111);
        var recentDead = Silos.Address(22222);
        var oldActive = Silos.Address(33333);
        await InsertAsync(table, Silos.Entry(oldDead, SiloStatus.Active));
        await table.UpdateIAmAliveAsync(Silos.Entry(oldDead, time: Silos.Epoch.AddHours(1)));
        await UpdateAsync(table, oldDead, SiloStatus.Dead);
        await InsertAsync(table, Silos.Entry(recentDead, SiloStatus.Dead, time: cutoff.AddHours(1)));
        await InsertAsync(table, Silos.Entry(oldActive, SiloStatus.Active));
        var version = (await table.ReadAllAsync()).Version.Version;

        await table.CleanupDefunctSiloEntriesAsync(cutoff);

        var data = await table.ReadAllAsync();
        Assert.Equal([recentDead, oldActive], data.Members.Select(m => m.Item1.SiloAddress).OrderBy(s => s.Endpoint.Port));
        Assert.Equal(version, data.Version.Version);
        await Assert.ThrowsAsync<k8s.Autorest.HttpOperationException>(() => client.CoordinationV1.ReadNamespacedLeaseAsync(table.Objects.SlotLease(0), ns));
    }

    [Fact]
    public async Task A_suspicion_vote_after_the_date_keeps_a_dead_row()
    {
        var (table, _, _) = await NewTableAsync();
        var cutoff = Silos.Epoch.AddDays(1);
        var entry = Silos.Entry(Silos.Address(11111), SiloStatus.Dead);
        entry.AddSuspector(Silos.Address(22222), cutoff.AddMinutes(1));
        await InsertAsync(table, entry);

        await table.CleanupDefunctSiloEntriesAsync(cutoff);

        Assert.Single((await table.ReadAllAsync()).Members);
    }

    [Fact]
    public async Task Deleting_the_table_removes_its_ConfigMap_and_Leases_and_it_reads_as_empty()
    {
        var (table, client, ns) = await NewTableAsync();
        var silo = Silos.Address(11111);
        await InsertAsync(table, Silos.Entry(silo));
        await table.UpdateIAmAliveAsync(Silos.Entry(silo, time: Silos.Epoch.AddMinutes(1)));

        await table.DeleteMembershipTableEntriesAsync(Tables.Cluster.ClusterId);

        var data = await table.ReadAllAsync();
        Assert.Empty(data.Members);
        Assert.Equal(0, data.Version.Version);
        Assert.Empty((await client.CoreV1.ListNamespacedConfigMapAsync(ns)).Items);
        Assert.Empty((await client.CoordinationV1.ListNamespacedLeaseAsync(ns)).Items);
        Assert.False(await table.InsertRowAsync(Silos.Entry(silo), data.Version.Next()));
    }

    [Fact]
    public async Task A_joining_silo_takes_a_dead_silos_slot_and_the_dead_row_keeps_its_own_last_IAmAlive()
    {
        var (table, client, ns) = await NewTableAsync(siloSlots: 1);
        var dead = Silos.Address(11111);
        await InsertAsync(table, Silos.Entry(dead, SiloStatus.Active));
        await table.UpdateIAmAliveAsync(Silos.Entry(dead, time: Silos.Epoch.AddMinutes(1)));
        await UpdateAsync(table, dead, SiloStatus.Dead);
        var joining = Silos.Address(22222);
        await InsertAsync(table, Silos.Entry(joining));

        await table.UpdateIAmAliveAsync(Silos.Entry(joining, time: Silos.Epoch.AddMinutes(9)));

        var data = await table.ReadAllAsync();
        Assert.Equal(Silos.Epoch.AddMinutes(1), data.TryGet(dead)!.Item1.IAmAliveTime);
        Assert.Equal(Silos.Epoch.AddMinutes(9), data.TryGet(joining)!.Item1.IAmAliveTime);
        Assert.Equal(joining.ToParsableString(), (await client.CoordinationV1.ReadNamespacedLeaseAsync(table.Objects.SlotLease(0), ns)).Spec.HolderIdentity);
    }

    [Fact]
    public async Task A_row_written_Dead_releases_its_slot_Lease_at_once_and_other_updates_keep_it()
    {
        var (table, client, ns) = await NewTableAsync();
        var leaving = Silos.Address(11111);
        var staying = Silos.Address(22222);
        foreach (var silo in new[] { leaving, staying })
        {
            await InsertAsync(table, Silos.Entry(silo, SiloStatus.Active));
            await table.UpdateIAmAliveAsync(Silos.Entry(silo, time: Silos.Epoch.AddMinutes(1)));
        }

        await UpdateAsync(table, staying, SiloStatus.Active);
        await UpdateAsync(table, leaving, SiloStatus.ShuttingDown);
        await UpdateAsync(table, leaving, SiloStatus.Dead); // what a graceful stop writes last (peers write the same for a dead silo)

        var holders = (await client.CoordinationV1.ListNamespacedLeaseAsync(ns)).Items.Select(l => l.Spec.HolderIdentity);
        Assert.Equal([staying.ToParsableString()], holders);
        var data = await table.ReadAllAsync();
        Assert.Equal(Silos.Epoch.AddMinutes(1), data.TryGet(leaving)!.Item1.IAmAliveTime); // the Dead row keeps its last IAmAlive
    }

    [Fact]
    public async Task A_silo_cannot_join_when_every_slot_is_held_by_a_live_silo()
    {
        var (table, _, _) = await NewTableAsync(siloSlots: 1);
        await InsertAsync(table, Silos.Entry(Silos.Address(11111), SiloStatus.Active));

        var error = await Assert.ThrowsAsync<KubernetesClusteringException>(async () =>
            await table.InsertRowAsync(Silos.Entry(Silos.Address(22222)), (await table.ReadAllAsync()).Version.Next()));

        Assert.Contains("SiloSlots", error.Message, StringComparison.Ordinal);
    }

    private static async Task InsertAsync(KubernetesMembershipTable table, MembershipEntry entry) =>
        Assert.True(await table.InsertRowAsync(entry, (await table.ReadAllAsync()).Version.Next()));

    private static async Task UpdateAsync(KubernetesMembershipTable table, SiloAddress silo, SiloStatus status)
    {
        var read = await table.ReadRowAsync(silo);
        var (entry, etag) = read.Members[0];
        Assert.True(await table.UpdateRowAsync(entry.With(status), etag, read.Version.Next()));
    }

    private async Task<(KubernetesMembershipTable Table, IKubernetes Client, string Namespace)> NewTableAsync(int siloSlots = 16)
    {
        var ns = await emulator.NewNamespaceAsync();
        var client = emulator.NewClient();
        var table = Tables.Membership(client, ns, siloSlots);
        await table.InitializeMembershipTableAsync(true);
        return (table, client, ns);
    }
}

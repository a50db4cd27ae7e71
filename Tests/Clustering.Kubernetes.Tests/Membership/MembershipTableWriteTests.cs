using Ccm.Clustering.Kubernetes.Membership;
using Ccm.Clustering.Kubernetes.Tests.Support;
using Orleans;
using Orleans.Runtime;

namespace Ccm.Clustering.Kubernetes.Tests.Membership;

/// <summary>
/// InsertRow and UpdateRow against the emulator: a row and the table version change together, and every refusal the
/// contract names (stale version etag, existing row, missing row, wrong row etag) answers false and changes nothing.
/// </summary>
[Collection(EmulatorCollection.Name)]
public sealed class MembershipTableWriteTests(KubernetesEmulatorFixture emulator)
{
    [Fact]
    public async Task A_new_table_is_empty_at_version_zero()
    {
        var table = await NewTableAsync();

        var data = await table.ReadAllAsync();

        Assert.Empty(data.Members);
        Assert.Equal(0, data.Version.Version);
        Assert.NotEmpty(data.Version.VersionEtag);
    }

    [Fact]
    public async Task Insert_writes_the_row_and_the_next_version_together()
    {
        var table = await NewTableAsync();
        var before = (await table.ReadAllAsync()).Version;

        Assert.True(await table.InsertRowAsync(Silos.Entry(Silos.Address(11111)), before.Next()));

        var after = await table.ReadAllAsync();
        var (entry, etag) = Assert.Single(after.Members);
        Assert.Equal(Silos.Address(11111), entry.SiloAddress);
        Assert.NotEmpty(etag);
        Assert.Equal(1, after.Version.Version);
        Assert.NotEqual(before.VersionEtag, after.Version.VersionEtag);
    }

    [Fact]
    public async Task Insert_with_a_stale_version_etag_answers_false_and_writes_nothing()
    {
        var table = await NewTableAsync();
        var stale = (await table.ReadAllAsync()).Version;
        Assert.True(await table.InsertRowAsync(Silos.Entry(Silos.Address(11111)), stale.Next()));

        Assert.False(await table.InsertRowAsync(Silos.Entry(Silos.Address(22222)), stale.Next()));

        var data = await table.ReadAllAsync();
        Assert.Equal([Silos.Address(11111)], data.Members.Select(m => m.Item1.SiloAddress));
        Assert.Equal(1, data.Version.Version);
    }

    [Fact]
    public async Task Insert_of_a_row_that_exists_answers_false_and_leaves_the_version()
    {
        var table = await NewTableAsync();
        Assert.True(await table.InsertRowAsync(Silos.Entry(Silos.Address(11111)), (await table.ReadAllAsync()).Version.Next()));
        var current = (await table.ReadAllAsync()).Version;

        Assert.False(await table.InsertRowAsync(Silos.Entry(Silos.Address(11111), SiloStatus.Active), current.Next()));

        var data = await table.ReadAllAsync();
        Assert.Equal(current, data.Version);
        Assert.Equal(SiloStatus.Joining, Assert.Single(data.Members).Item1.Status);
    }

    [Fact]
    public async Task Update_with_the_row_etag_writes_the_row_and_the_next_version_and_a_new_row_etag()
    {
        var table = await NewTableAsync();
        var silo = Silos.Address(11111);
        Assert.True(await table.InsertRowAsync(Silos.Entry(silo), (await table.ReadAllAsync()).Version.Next()));
        var read = await table.ReadRowAsync(silo);
        var (entry, etag) = Assert.Single(read.Members);

        Assert.True(await table.UpdateRowAsync(entry.With(SiloStatus.Active), etag, read.Version.Next()));

        var after = await table.ReadRowAsync(silo);
        var (updated, newEtag) = Assert.Single(after.Members);
        Assert.Equal(SiloStatus.Active, updated.Status);
        Assert.NotEqual(etag, newEtag);
        Assert.Equal(2, after.Version.Version);
    }

    [Fact]
    public async Task Update_with_a_wrong_row_etag_answers_false_and_writes_nothing()
    {
        var table = await NewTableAsync();
        var silo = Silos.Address(11111);
        Assert.True(await table.InsertRowAsync(Silos.Entry(silo), (await table.ReadAllAsync()).Version.Next()));
        var read = await table.ReadRowAsync(silo);
        var (entry, etag) = Assert.Single(read.Members);

        Assert.False(await table.UpdateRowAsync(entry.With(SiloStatus.Active), etag + "-not", read.Version.Next()));

        var after = await table.ReadRowAsync(silo);
        Assert.Equal(read.Version, after.Version);
        Assert.Equal((SiloStatus.Joining, etag), (after.Members[0].Item1.Status, after.Members[0].Item2));
    }

    [Fact]
    public async Task Update_with_a_stale_version_etag_answers_false_even_with_the_right_row_etag()
    {
        var table = await NewTableAsync();
        var silo = Silos.Address(11111);
        Assert.True(await table.InsertRowAsync(Silos.Entry(silo), (await table.ReadAllAsync()).Version.Next()));
        var read = await table.ReadRowAsync(silo);
        var (entry, etag) = Assert.Single(read.Members);
        Assert.True(await table.InsertRowAsync(Silos.Entry(Silos.Address(22222)), read.Version.Next()));

        Assert.False(await table.UpdateRowAsync(entry.With(SiloStatus.Active), etag, read.Version.Next()));

        Assert.Equal(SiloStatus.Joining, Assert.Single((await table.ReadRowAsync(silo)).Members).Item1.Status);
    }

    [Fact]
    public async Task Update_of_a_missing_row_answers_false()
    {
        var table = await NewTableAsync();
        var version = (await table.ReadAllAsync()).Version;

        Assert.False(await table.UpdateRowAsync(Silos.Entry(Silos.Address(11111), SiloStatus.Active), "any", version.Next()));

        Assert.Equal(version, (await table.ReadAllAsync()).Version);
    }

    [Fact]
    public async Task Initializing_again_or_from_a_second_silo_keeps_the_table()
    {
        var ns = await emulator.NewNamespaceAsync();
        var first = Tables.Membership(emulator.NewClient(), ns);
        var second = Tables.Membership(emulator.NewClient(), ns);
        await Task.WhenAll(first.InitializeMembershipTableAsync(true), second.InitializeMembershipTableAsync(true));
        Assert.True(await first.InsertRowAsync(Silos.Entry(Silos.Address(11111)), (await first.ReadAllAsync()).Version.Next()));

        await second.InitializeMembershipTableAsync(true);

        var data = await second.ReadAllAsync();
        Assert.Equal(1, data.Version.Version);
        Assert.Single(data.Members);
    }

    private async Task<KubernetesMembershipTable> NewTableAsync()
    {
        var table = Tables.Membership(emulator.NewClient(), await emulator.NewNamespaceAsync());
        await table.InitializeMembershipTableAsync(true);
        return table;
    }
}

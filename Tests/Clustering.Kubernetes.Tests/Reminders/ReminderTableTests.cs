using Ccm.Clustering.Kubernetes.Reminders;
using Ccm.Clustering.Kubernetes.Tests.Support;
using Orleans.Runtime;

namespace Ccm.Clustering.Kubernetes.Tests.Reminders;

/// <summary>The reminder table's rows and etags against the emulator, as IReminderTable documents them.</summary>
[Collection(EmulatorCollection.Name)]
public sealed class ReminderTableTests(KubernetesEmulatorFixture emulator)
{
    [Fact]
    public async Task An_upserted_reminder_reads_back_with_the_etag_the_upsert_returned()
    {
        var table = await NewTableAsync();
        var grain = Grains.Id("vtb-1");

        var etag = await table.UpsertRow(Grains.Reminder(grain, "reconcile", minutes: 10));

        var row = await table.ReadRow(grain, "reconcile");
        Assert.NotNull(row);
        Assert.Equal((grain, "reconcile", Silos.Epoch, TimeSpan.FromMinutes(10), etag), (row.GrainId, row.ReminderName, row.StartAt, row.Period, row.ETag));
    }

    [Fact]
    public async Task Upserting_again_replaces_the_reminder_and_its_etag()
    {
        var table = await NewTableAsync();
        var grain = Grains.Id("vtb-1");
        var first = await table.UpsertRow(Grains.Reminder(grain, "reconcile", minutes: 10));

        var second = await table.UpsertRow(Grains.Reminder(grain, "reconcile", minutes: 20));

        Assert.NotEqual(first, second);
        var row = Assert.Single((await table.ReadRows(grain)).Reminders);
        Assert.Equal((TimeSpan.FromMinutes(20), second), (row.Period, row.ETag));
    }

    [Fact]
    public async Task Remove_with_a_stale_etag_answers_false_and_keeps_the_reminder()
    {
        var table = await NewTableAsync();
        var grain = Grains.Id("vtb-1");
        var stale = await table.UpsertRow(Grains.Reminder(grain, "reconcile"));
        await table.UpsertRow(Grains.Reminder(grain, "reconcile"));

        Assert.False(await table.RemoveRow(grain, "reconcile", stale!));

        Assert.NotNull(await table.ReadRow(grain, "reconcile"));
    }

    [Fact]
    public async Task Remove_with_the_current_etag_removes_the_reminder_once()
    {
        var table = await NewTableAsync();
        var grain = Grains.Id("vtb-1");
        var etag = await table.UpsertRow(Grains.Reminder(grain, "reconcile"));

        Assert.True(await table.RemoveRow(grain, "reconcile", etag!));

        Assert.Null(await table.ReadRow(grain, "reconcile"));
        Assert.False(await table.RemoveRow(grain, "reconcile", etag!));
    }

    [Fact]
    public async Task Writes_of_other_reminders_in_the_same_bucket_leave_a_reminders_etag_valid()
    {
        var table = await NewTableAsync();
        var grains = Grains.InBucket(bucket: 3, buckets: 16, count: 2, prefix: "same");
        var etag = await table.UpsertRow(Grains.Reminder(grains[0], "reconcile"));
        await table.UpsertRow(Grains.Reminder(grains[1], "reconcile"));
        await table.UpsertRow(Grains.Reminder(grains[0], "other"));

        Assert.True(await table.RemoveRow(grains[0], "reconcile", etag!));
    }

    [Fact]
    public async Task ReadRows_of_a_grain_returns_its_reminders_only()
    {
        var table = await NewTableAsync();
        var grains = Grains.InBucket(bucket: 5, buckets: 16, count: 2, prefix: "pair");
        await table.UpsertRow(Grains.Reminder(grains[0], "a"));
        await table.UpsertRow(Grains.Reminder(grains[0], "b"));
        await table.UpsertRow(Grains.Reminder(grains[1], "a"));

        var rows = (await table.ReadRows(grains[0])).Reminders;

        Assert.Equal(["a", "b"], rows.Select(r => r.ReminderName).Order());
        Assert.All(rows, r => Assert.Equal(grains[0], r.GrainId));
    }

    [Fact]
    public async Task Clearing_the_table_removes_every_reminder()
    {
        var table = await NewTableAsync();
        await table.UpsertRow(Grains.Reminder(Grains.Id("vtb-1"), "a"));
        await table.UpsertRow(Grains.Reminder(Grains.Id("vtb-2"), "a"));

        await table.TestOnlyClearTable();

        Assert.Empty((await table.ReadRows(0, 0)).Reminders);
    }

    private async Task<KubernetesReminderTable> NewTableAsync()
    {
        var table = Tables.Reminders(emulator.NewClient(), await emulator.NewNamespaceAsync());
        await table.StartAsync();
        return table;
    }
}

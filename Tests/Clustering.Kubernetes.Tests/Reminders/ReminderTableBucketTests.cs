using Ccm.Clustering.Kubernetes.Tests.Support;

namespace Ccm.Clustering.Kubernetes.Tests.Reminders;

/// <summary>Bucket limits: concurrent writers, the fixed bucket count, and the 1 MiB a ConfigMap can hold.</summary>
[Collection(EmulatorCollection.Name)]
public sealed class ReminderTableBucketTests(KubernetesEmulatorFixture emulator)
{
    [Fact]
    public async Task Two_silos_upserting_into_one_bucket_at_once_both_land()
    {
        var ns = await emulator.NewNamespaceAsync();
        var first = Tables.Reminders(emulator.NewClient(), ns);
        var second = Tables.Reminders(emulator.NewClient(), ns);
        await Task.WhenAll(first.StartAsync(), second.StartAsync());
        var grains = Grains.InBucket(bucket: 7, buckets: 16, count: 12, prefix: "race");

        var etags = await Task.WhenAll(grains.Select((grain, i) =>
            (i % 2 == 0 ? first : second).UpsertRow(Grains.Reminder(grain, "reconcile"))));

        foreach (var (grain, etag) in grains.Zip(etags))
        {
            Assert.Equal(etag, (await first.ReadRow(grain, "reconcile"))?.ETag);
        }
    }

    [Fact]
    public async Task A_silo_configured_with_another_bucket_count_refuses_to_start()
    {
        var ns = await emulator.NewNamespaceAsync();
        var existing = Tables.Reminders(emulator.NewClient(), ns, buckets: 16);
        await existing.StartAsync();
        await existing.UpsertRow(Grains.Reminder(Grains.Id("vtb-1"), "reconcile"));

        var changed = Tables.Reminders(emulator.NewClient(), ns, buckets: 8);
        var error = await Assert.ThrowsAsync<KubernetesClusteringException>(() => changed.StartAsync());

        Assert.Contains("created for 16 buckets", error.Message, StringComparison.Ordinal);
        Assert.Contains("configured with 8", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bucket_that_would_outgrow_one_MiB_refuses_the_upsert_and_keeps_what_it_holds()
    {
        var table = Tables.Reminders(emulator.NewClient(), await emulator.NewNamespaceAsync(), buckets: 1);
        await table.StartAsync();
        var name = new string('n', 200_000);
        for (var i = 0; i < 5; i++)
        {
            await table.UpsertRow(Grains.Reminder(Grains.Id($"big-{i}"), name));
        }

        var error = await Assert.ThrowsAsync<KubernetesClusteringException>(() => table.UpsertRow(Grains.Reminder(Grains.Id("big-5"), name)));

        Assert.Contains(table.Objects.BucketConfigMap(0), error.Message, StringComparison.Ordinal);
        Assert.Equal(5, (await table.ReadRows(0, 0)).Reminders.Count);
    }
}

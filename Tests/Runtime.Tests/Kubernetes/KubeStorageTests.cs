using System.Collections.Immutable;
using k8s;
using Ccm.Runtime.Kubernetes;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ccm.Runtime.Tests.Kubernetes;

/// <summary>The Kubernetes-backed seams against the emulator over HTTP.</summary>
public sealed class KubeStorageTests : IAsyncLifetime
{
    private KubeRing ring = null!;

    public async Task InitializeAsync() => ring = await KubeRing.StartAsync();

    public async Task DisposeAsync() => await ring.DisposeAsync();

    [Fact]
    public async Task Lease_writes_are_conditional_on_the_resource_version_they_read()
    {
        var store = new KubeLeaseStore(ring.Client(), "kube-system");
        var lease = new LeaseRecord
        {
            Name = "ccm-shard-00",
            HolderIdentity = "a_1",
            LeaseDurationSeconds = 15,
            Labels = ImmutableDictionary<string, string>.Empty.Add("ring", "ccm"),
        };

        var created = await store.CreateAsync(lease, CancellationToken.None);
        Assert.NotNull(created);
        Assert.Null(await store.CreateAsync(lease, CancellationToken.None));

        var renewed = await store.ReplaceAsync(created with { RenewTime = DateTimeOffset.UnixEpoch }, CancellationToken.None);
        Assert.NotNull(renewed);
        Assert.NotEqual(created.ResourceVersion, renewed.ResourceVersion);
        Assert.Null(await store.ReplaceAsync(created with { HolderIdentity = "b_1" }, CancellationToken.None));
        Assert.Equal("a_1", (await store.GetAsync("ccm-shard-00", CancellationToken.None))!.HolderIdentity);

        Assert.Single(await store.ListAsync("ring", "ccm", CancellationToken.None));
        Assert.Empty(await store.ListAsync("ring", "other", CancellationToken.None));
        await store.DeleteAsync("ccm-shard-00", CancellationToken.None);
        await store.DeleteAsync("ccm-shard-00", CancellationToken.None);
        Assert.Null(await store.GetAsync("ccm-shard-00", CancellationToken.None));
        Assert.Null(await store.ReplaceAsync(renewed, CancellationToken.None));
    }

    [Fact]
    public async Task Concurrent_reminder_writes_of_one_shard_lose_nothing()
    {
        var table = new KubeReminderTable(ring.Client(), "kube-system", "ccm", NullLogger<KubeReminderTable>.Instance);
        var first = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        await Parallel.ForAsync(0, 40, async (i, ct) => await table.UpsertAsync(
            3,
            new ReminderEntry { GrainId = new GrainId("IRouteTableGrain", $"vtb-{i}"), ReminderName = "routes", FirstTickTime = first, Period = TimeSpan.FromMinutes(5) },
            ct));
        await table.RemoveAsync(3, new GrainId("IRouteTableGrain", "vtb-0"), "routes", CancellationToken.None);
        await table.RemoveAsync(3, new GrainId("IRouteTableGrain", "never"), "routes", CancellationToken.None);
        await table.RemoveAsync(9, new GrainId("IRouteTableGrain", "no-configmap"), "routes", CancellationToken.None);

        var stored = await table.ReadShardAsync(3, CancellationToken.None);
        Assert.Equal(39, stored.Count);
        Assert.All(stored, r => Assert.Equal((first, TimeSpan.FromMinutes(5)), (r.FirstTickTime, r.Period)));
        Assert.Empty(await table.ReadShardAsync(4, CancellationToken.None));
        var map = await ring.Observer.CoreV1.ReadNamespacedConfigMapAsync("ccm-reminders-03", "kube-system");
        Assert.Equal("reminders", map.Metadata.Labels![LeaseNames.RoleLabel]);
        Assert.Contains("IRouteTableGrain.vtb-7.routes", map.Data!.Keys);
    }
}

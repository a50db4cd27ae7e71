using Ccm.Clustering.Kubernetes.Reminders;
using Ccm.Clustering.Kubernetes.Tests.Support;
using Orleans;
using Orleans.Runtime;

namespace Ccm.Clustering.Kubernetes.Tests.Reminders;

/// <summary>
/// ReadRows(begin, end) over reminders spread around the ring: exactly the grains whose uniform hash lies in
/// (begin, end], wrapping past the top of the ring when begin &gt;= end.
/// </summary>
[Collection(EmulatorCollection.Name)]
public sealed class ReminderTableRangeTests(KubernetesEmulatorFixture emulator)
{
    private static readonly IReadOnlyList<GrainId> Spread = [.. Enumerable.Range(0, 48).Select(i => Grains.Id($"ring-{i}"))];

    public static TheoryData<uint, uint> Ranges => new()
    {
        { 0x2000_0000u, 0x9000_0000u },
        { 0x0000_0000u, 0xFFFF_FFFFu },
        { 0xC000_0000u, 0x4000_0000u },
        { 0xFFFF_FFFFu, 0x8000_0000u },
        { 0x6000_0000u, 0x6000_0000u },
    };

    [Theory]
    [MemberData(nameof(Ranges))]
    public async Task A_range_read_returns_exactly_the_reminders_whose_grain_hash_is_in_the_range(uint begin, uint end)
    {
        var table = Tables.Reminders(emulator.NewClient(), await emulator.NewNamespaceAsync());
        await table.StartAsync();
        foreach (var grain in Spread)
        {
            await table.UpsertRow(Grains.Reminder(grain, "reconcile"));
        }

        var read = (await table.ReadRows(begin, end)).Reminders.Select(r => r.GrainId).ToHashSet();

        var expected = Spread.Where(g => Within(g.GetUniformHashCode(), begin, end)).ToHashSet();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, read);
    }

    [Fact]
    public async Task The_whole_ring_read_in_two_halves_returns_every_reminder_once()
    {
        var table = Tables.Reminders(emulator.NewClient(), await emulator.NewNamespaceAsync());
        await table.StartAsync();
        foreach (var grain in Spread)
        {
            await table.UpsertRow(Grains.Reminder(grain, "reconcile"));
        }

        var low = (await table.ReadRows(0xD000_0000u, 0x5000_0000u)).Reminders;
        var high = (await table.ReadRows(0x5000_0000u, 0xD000_0000u)).Reminders;

        Assert.Equal(Spread.Order(), low.Concat(high).Select(r => r.GrainId).Order());
    }

    /// <summary>The contract's range, written out: (begin, end], or when begin &gt;= end, above begin or up to end.</summary>
    private static bool Within(uint hash, uint begin, uint end) =>
        begin < end ? begin < hash && hash <= end : begin < hash || hash <= end;
}

using Ccm.Clustering.Kubernetes.Tests.Support;
using Ccm.TestSupport;
using k8s;
using Orleans;
using Orleans.Runtime;
using Xunit.Abstractions;

namespace Ccm.Clustering.Kubernetes.Tests.EndToEnd;

/// <summary>
/// Two real silos in one process, on loopback, with nothing but the Kubernetes tables (against the emulator) to find
/// each other and keep reminders.
/// </summary>
[Collection(EmulatorCollection.Name)]
public sealed class TwoSiloClusterTests(KubernetesEmulatorFixture emulator, ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(90);
    private readonly CapturingLoggerProvider logs = new();
    private readonly List<LoopbackSilo> silos = [];

    [Fact]
    public async Task Two_silos_join_through_the_table_a_stopped_one_leaves_it_and_a_reminder_fires()
    {
        var ns = await emulator.NewNamespaceAsync();
        var ticks = new ReminderTicks();
        var first = await StartSiloAsync(ns, ticks);
        var second = await StartSiloAsync(ns, ticks);
        var table = Tables.Membership(emulator.NewClient(), ns);

        await Eventually.TrueAsync(async () => StatusIn(await table.ReadAllAsync(), first.Address, second.Address) is [SiloStatus.Active, SiloStatus.Active],
            "both silos are Active in the membership ConfigMap", Bound);
        var client = emulator.NewClient();
        await Eventually.TrueAsync(async () => (await client.CoordinationV1.ListNamespacedLeaseAsync(ns)).Items
                .Select(l => l.Spec.HolderIdentity).Order().SequenceEqual(new[] { first.Address, second.Address }.Select(a => a.ToParsableString()).Order()),
            "each silo's IAmAlive reaches a slot Lease of its own", Bound);

        await first.Grains.GetGrain<IReminderProbeGrain>("vtb-e2e").Start();
        await ticks.FirstTickOf("vtb-e2e").WaitAsync(Bound);
        Assert.NotNull(await Tables.Reminders(emulator.NewClient(), ns).ReadRow(GrainId.Create("reminder-probe", "vtb-e2e"), "tick"));

        await second.StopAsync();

        await Eventually.TrueAsync(async () => StatusIn(await table.ReadAllAsync(), first.Address, second.Address) is [SiloStatus.Active, SiloStatus.Dead],
            "the stopped silo is Dead and the other still Active", Bound);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var silo in silos)
        {
            await silo.DisposeAsync();
        }

        foreach (var log in logs.Entries.Where(e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Warning))
        {
            output.WriteLine(log.ToString());
        }
    }

    private async Task<LoopbackSilo> StartSiloAsync(string ns, ReminderTicks ticks)
    {
        var silo = await LoopbackSilo.StartAsync(emulator.NewClient(), ns, ticks, logs);
        silos.Add(silo);
        return silo;
    }

    private static SiloStatus?[] StatusIn(MembershipTableData data, params SiloAddress[] silos) =>
        [.. silos.Select(s => data.TryGet(s)?.Item1.Status)];
}

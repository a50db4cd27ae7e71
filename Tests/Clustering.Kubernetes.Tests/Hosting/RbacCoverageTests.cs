using Ccm.Clustering.Kubernetes.Rbac;
using Ccm.Clustering.Kubernetes.Tests.Support;
using Orleans.Runtime;

namespace Ccm.Clustering.Kubernetes.Tests.Hosting;

/// <summary>
/// The published Role rules against the calls the tables really send: a silo's whole life (join, heartbeats, status
/// changes, reads, defunct-silo cleanup, reminders registered, ticked and removed) needs nothing the rules leave out.
/// </summary>
[Collection(EmulatorCollection.Name)]
public sealed class RbacCoverageTests(KubernetesEmulatorFixture emulator)
{
    [Fact]
    public async Task Every_call_of_a_silos_life_is_allowed_by_the_published_rules()
    {
        var ns = await emulator.NewNamespaceAsync();
        var recorder = new ApiCallRecorder();
        var client = emulator.NewClient(recorder);
        var membership = Tables.Membership(client, ns);
        var reminders = Tables.Reminders(client, ns);

        await membership.InitializeMembershipTableAsync(true);
        var silo = Silos.Address(11111);
        Assert.True(await membership.InsertRowAsync(Silos.Entry(silo), (await membership.ReadAllAsync()).Version.Next()));
        await membership.UpdateIAmAliveAsync(Silos.Entry(silo, time: Silos.Epoch.AddMinutes(1)));
        var read = await membership.ReadRowAsync(silo);
        Assert.True(await membership.UpdateRowAsync(read.Members[0].Item1.With(SiloStatus.Dead), read.Members[0].Item2, read.Version.Next()));
        await membership.CleanupDefunctSiloEntriesAsync(Silos.Epoch.AddDays(1));
        await reminders.StartAsync();
        var etag = await reminders.UpsertRow(Grains.Reminder(Grains.Id("vtb-1"), "reconcile"));
        await reminders.ReadRows(0x1000_0000u, 0x9000_0000u);
        await reminders.ReadRow(Grains.Id("vtb-1"), "reconcile");
        Assert.True(await reminders.RemoveRow(Grains.Id("vtb-1"), "reconcile", etag!));

        var rules = KubernetesClusteringRbac.Rules(new KubernetesClusteringOptions(), Tables.Cluster)
            .Concat(KubernetesClusteringRbac.Rules(new KubernetesReminderTableOptions(), Tables.Cluster))
            .ToList();
        Assert.Contains(recorder.Calls, c => c is { Verb: "delete", Resource: "leases" });
        Assert.All(recorder.Calls, call => Assert.True(rules.Any(rule => Allows(rule, call)), $"no rule allows {call}"));
    }

    private static bool Allows(KubernetesRbacRule rule, ApiCall call) =>
        rule.ApiGroup == call.ApiGroup && rule.Resource == call.Resource && rule.Verbs.Contains(call.Verb) &&
        (rule.ResourceNames.Count == 0 || (call.Name is not null && rule.ResourceNames.Contains(call.Name)));
}

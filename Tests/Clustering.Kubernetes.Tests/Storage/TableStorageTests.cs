using Ccm.Clustering.Kubernetes.Membership;
using Ccm.Clustering.Kubernetes.Tests.Support;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Ccm.Clustering.Kubernetes.Tests.Storage;

/// <summary>What the tables leave in the ConfigMaps besides their rows: labels, and keys they do not own.</summary>
[Collection(EmulatorCollection.Name)]
public sealed class TableStorageTests(KubernetesEmulatorFixture emulator)
{
    [Fact]
    public async Task Objects_carry_the_configured_labels()
    {
        var ns = await emulator.NewNamespaceAsync();
        var client = emulator.NewClient();
        var options = new KubernetesClusteringOptions { Namespace = ns, Labels = { ["app.kubernetes.io/instance"] = "ccm" } };
        var table = new KubernetesMembershipTable(client, Options.Create(options), Options.Create(Tables.Cluster), NullLogger<KubernetesMembershipTable>.Instance);
        await table.InitializeMembershipTableAsync(true);
        var silo = Silos.Address(11111);
        Assert.True(await table.InsertRowAsync(Silos.Entry(silo), (await table.ReadAllAsync()).Version.Next()));
        await table.UpdateIAmAliveAsync(Silos.Entry(silo));

        var map = await client.CoreV1.ReadNamespacedConfigMapAsync(table.Objects.TableConfigMap, ns);
        var lease = await client.CoordinationV1.ReadNamespacedLeaseAsync(table.Objects.SlotLease(0), ns);

        Assert.All(new[] { map.Metadata.Labels, lease.Metadata.Labels }, labels => Assert.Equal("ccm", labels["app.kubernetes.io/instance"]));
    }

    [Fact]
    public async Task A_key_the_membership_table_does_not_own_survives_its_writes()
    {
        var ns = await emulator.NewNamespaceAsync();
        var client = emulator.NewClient();
        var table = Tables.Membership(client, ns);
        await table.InitializeMembershipTableAsync(true);
        await AddKeyAsync(client, ns, table.Objects.TableConfigMap, "note", "kept by an operator");

        Assert.True(await table.InsertRowAsync(Silos.Entry(Silos.Address(11111)), (await table.ReadAllAsync()).Version.Next()));

        Assert.Equal("kept by an operator", (await client.CoreV1.ReadNamespacedConfigMapAsync(table.Objects.TableConfigMap, ns)).Data["note"]);
    }

    [Fact]
    public async Task A_membership_row_that_does_not_parse_fails_the_read_instead_of_hiding_a_member()
    {
        var ns = await emulator.NewNamespaceAsync();
        var client = emulator.NewClient();
        var table = Tables.Membership(client, ns);
        await table.InitializeMembershipTableAsync(true);
        await AddKeyAsync(client, ns, table.Objects.TableConfigMap, "silo.10.0.0.9_11111_1.0000000000000000", "{not json");

        var error = await Assert.ThrowsAsync<KubernetesClusteringException>(() => table.ReadAllAsync());

        Assert.Contains("silo.10.0.0.9_11111_1.0000000000000000", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reminder_that_does_not_parse_is_skipped_and_kept()
    {
        var ns = await emulator.NewNamespaceAsync();
        var client = emulator.NewClient();
        var table = Tables.Reminders(client, ns, buckets: 1);
        await table.StartAsync();
        await AddKeyAsync(client, ns, table.Objects.BucketConfigMap(0), "reminder.hand-edited", "{not json");

        await table.UpsertRow(Grains.Reminder(Grains.Id("vtb-1"), "reconcile"));

        Assert.Equal("vtb-1", Assert.Single((await table.ReadRows(0, 0)).Reminders).GrainId.Key.ToString());
        Assert.Contains("reminder.hand-edited", (await client.CoreV1.ReadNamespacedConfigMapAsync(table.Objects.BucketConfigMap(0), ns)).Data.Keys);
    }

    private static async Task AddKeyAsync(IKubernetes client, string ns, string configMap, string key, string value)
    {
        var body = new System.Text.Json.Nodes.JsonObject { ["data"] = new System.Text.Json.Nodes.JsonObject { [key] = value } };
        var patch = new V1Patch(body.ToJsonString(), V1Patch.PatchType.MergePatch);
        await client.CoreV1.PatchNamespacedConfigMapAsync(patch, configMap, ns);
    }
}

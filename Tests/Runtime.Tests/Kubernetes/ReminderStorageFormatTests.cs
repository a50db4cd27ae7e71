using System.Text.Json;
using System.Text.RegularExpressions;
using k8s;
using k8s.Models;
using Ccm.Runtime.Kubernetes;

namespace Ccm.Runtime.Tests.Kubernetes;

public sealed partial class ReminderStorageFormatTests
{
    [Theory]
    [InlineData("IRouteTableGrain", "vtb-123", "routes", "IRouteTableGrain.vtb-123.routes")]
    [InlineData("IServiceGrain", "default/nginx", "resync", "IServiceGrain.default_2Fnginx.resync")]
    [InlineData("ping-pong", "a.b_c", "x y", "ping-pong.a_2Eb_5Fc.x_20y")]
    [InlineData("IServiceGrain", "ns/é", "r", "IServiceGrain.ns_2F_C3_A9.r")]
    public void Reminder_keys_are_readable_and_valid_configmap_keys(string type, string key, string name, string expected)
    {
        var encoded = ReminderKeys.For(new GrainId(type, key), name);

        Assert.Equal(expected, encoded);
        Assert.Matches(ConfigMapKey(), encoded);
    }

    [Fact]
    public void Parts_that_contain_the_separator_never_collide()
    {
        var a = ReminderKeys.For(new GrainId("a.b", "c"), "d");
        var b = ReminderKeys.For(new GrainId("a", "b.c"), "d");
        var c = ReminderKeys.For(new GrainId("a", "b"), "c.d");

        Assert.Equal(3, new[] { a, b, c }.Distinct().Count());
    }

    [Fact]
    public void Overlong_keys_fall_back_to_a_hash_within_the_limit()
    {
        var longKey = ReminderKeys.For(new GrainId("IServiceGrain", new string('x', 300)), "resync");
        var other = ReminderKeys.For(new GrainId("IServiceGrain", new string('x', 299) + "y"), "resync");

        Assert.StartsWith("h.", longKey, StringComparison.Ordinal);
        Assert.InRange(longKey.Length, 1, 253);
        Assert.Matches(ConfigMapKey(), longKey);
        Assert.NotEqual(longKey, other);
    }

    [Fact]
    public void A_stored_reminder_round_trips_through_its_json()
    {
        var entry = new ReminderEntry
        {
            GrainId = new GrainId("IRouteTableGrain", "vtb-1"),
            ReminderName = "routes",
            FirstTickTime = new DateTimeOffset(2026, 1, 1, 0, 5, 0, TimeSpan.Zero),
            Period = TimeSpan.FromMinutes(5),
        };

        var json = JsonSerializer.Serialize(StoredReminder.From(entry), ReminderJsonContext.Default.StoredReminder);

        Assert.Equal("""{"grainType":"IRouteTableGrain","grainKey":"vtb-1","name":"routes","firstTick":"2026-01-01T00:05:00+00:00","period":"00:05:00"}""", json);
        Assert.Equal(entry, JsonSerializer.Deserialize(json, ReminderJsonContext.Default.StoredReminder)!.ToEntry());
    }

    [Fact]
    public void A_lease_replace_keeps_the_fields_the_record_does_not_model()
    {
        using var unused = new k8s.Kubernetes(new KubernetesClientConfiguration { Host = "http://127.0.0.1:1" });
        var store = new KubeLeaseStore(unused, "kube-system");
        var read = new V1Lease
        {
            Metadata = new V1ObjectMeta { Name = "ccm-shard-00", NamespaceProperty = "kube-system", ResourceVersion = "42", Uid = "u-1", Finalizers = ["keep"] },
            Spec = new V1LeaseSpec { HolderIdentity = "a_1", LeaseDurationSeconds = 15, LeaseTransitions = 3, PreferredHolder = "b" },
        };

        var record = KubeLeaseStore.ToRecord(read) with { HolderIdentity = "b_1", LeaseTransitions = 4 };
        var written = store.ToLease(record);

        Assert.Equal(("42", "u-1", "keep"), (written.Metadata.ResourceVersion, written.Metadata.Uid, written.Metadata.Finalizers![0]));
        Assert.Equal(("b_1", 4, "b"), (written.Spec!.HolderIdentity, written.Spec.LeaseTransitions, written.Spec.PreferredHolder));
    }

    [GeneratedRegex("^[-._a-zA-Z0-9]+$")]
    private static partial Regex ConfigMapKey();
}

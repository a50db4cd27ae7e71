using System.Text.RegularExpressions;
using Ccm.Clustering.Kubernetes.Membership;
using Ccm.Clustering.Kubernetes.Objects;
using Ccm.Clustering.Kubernetes.Reminders;
using Ccm.Clustering.Kubernetes.Tests.Support;
using Orleans.Runtime;

namespace Ccm.Clustering.Kubernetes.Tests.Hosting;

/// <summary>Object names and data keys derived from Orleans identities: valid for the API server, stable, distinct.</summary>
public sealed partial class ObjectNamesTests
{
    [Theory]
    [InlineData("ccm", "default", "orleans-ccm-default")]
    [InlineData("CCM", "Prod_East.1", "orleans-ccm-prod-east-1")]
    [InlineData("--ccm--", "a//b", "orleans-ccm-a-b")]
    [InlineData("服务", "x", "orleans-x")]
    public void The_membership_prefix_is_orleans_serviceId_clusterId_in_DNS_1123(string serviceId, string clusterId, string prefix) =>
        Assert.Equal(prefix, ObjectNamePrefix.ForMembership(serviceId, clusterId));

    [Fact]
    public void The_reminder_prefix_depends_on_the_service_only() =>
        Assert.Equal("orleans-ccm", ObjectNamePrefix.ForReminders("ccm"));

    [Fact]
    public void A_long_prefix_is_cut_to_40_characters_and_keeps_long_ids_apart()
    {
        var first = ObjectNamePrefix.ForMembership("cloud-controller-manager-for-alibaba-cloud", "cluster-one");
        var second = ObjectNamePrefix.ForMembership("cloud-controller-manager-for-alibaba-cloud", "cluster-two");

        Assert.Equal(ObjectNamePrefix.MaxLength, first.Length);
        Assert.NotEqual(first, second);
        Assert.Equal(first, ObjectNamePrefix.ForMembership("cloud-controller-manager-for-alibaba-cloud", "cluster-one"));
        Assert.Matches(DnsLabel(), first);
    }

    [Fact]
    public void Every_object_name_is_a_DNS_label()
    {
        var prefix = ObjectNamePrefix.ForMembership(new string('s', 80), new string('c', 80));
        var names = new MembershipObjects(prefix, 1000).SlotLeases
            .Append(new MembershipObjects(prefix, 1).TableConfigMap)
            .Concat(new ReminderObjects(prefix, KubernetesReminderTableOptions.MaxBuckets).BucketConfigMaps);

        Assert.All(names, name => Assert.Matches(DnsLabel(), name));
    }

    [Theory]
    [InlineData("10.0.0.1", 11111, 123456789)]
    [InlineData("fe80::1%3", 11111, 1)]
    [InlineData("::1", 30000, -5)]
    public void A_silos_row_key_is_a_valid_ConfigMap_key(string ip, int port, int generation)
    {
        var key = MembershipRow.KeyOf(SiloAddress.New(System.Net.IPAddress.Parse(ip), port, generation));

        Assert.Matches(ConfigMapKey(), key);
    }

    [Fact]
    public void Reminder_keys_are_valid_and_tell_apart_pairs_that_sanitize_alike()
    {
        var keys = new[]
        {
            ReminderRow.KeyOf(Grains.Id("a/b"), "c"),
            ReminderRow.KeyOf(Grains.Id("a"), "b/c"),
            ReminderRow.KeyOf(Grains.Id("a_b"), "c"),
            ReminderRow.KeyOf(Grains.Id(new string('k', 5000)), new string('n', 5000)),
        };

        Assert.All(keys, key => Assert.Matches(ConfigMapKey(), key));
        Assert.Equal(keys.Length, keys.Distinct().Count());
    }

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$")]
    private static partial Regex DnsLabel();

    [GeneratedRegex("^[-._a-zA-Z0-9]{1,253}$")]
    private static partial Regex ConfigMapKey();
}

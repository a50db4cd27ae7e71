using Ccm.Clustering.Kubernetes.Rbac;
using Ccm.Clustering.Kubernetes.Tests.Support;

namespace Ccm.Clustering.Kubernetes.Tests.Hosting;

/// <summary>The Role rules the tables publish: create on any name (Kubernetes cannot restrict it), the rest by name.</summary>
public sealed class RbacRulesTests
{
    [Fact]
    public void Membership_needs_its_ConfigMap_and_its_slot_Leases_by_name()
    {
        var rules = KubernetesClusteringRbac.Rules(new KubernetesClusteringOptions { SiloSlots = 3 }, Tables.Cluster);

        Assert.Equal(
        [
            new("", "configmaps", ["create"], []),
            new("", "configmaps", ["get", "update"], ["orleans-ccm-test-membership"]),
            new("coordination.k8s.io", "leases", ["create"], []),
            new("coordination.k8s.io", "leases", ["get", "update", "delete"], ["orleans-ccm-test-silo-0", "orleans-ccm-test-silo-1", "orleans-ccm-test-silo-2"]),
        ], rules);
    }

    [Fact]
    public void Reminders_need_their_bucket_ConfigMaps_by_name()
    {
        var rules = KubernetesClusteringRbac.Rules(new KubernetesReminderTableOptions { Buckets = 2, NamePrefix = "ccm" }, Tables.Cluster);

        Assert.Equal(
        [
            new("", "configmaps", ["create"], []),
            new("", "configmaps", ["get", "update"], ["ccm-reminders-0", "ccm-reminders-1"]),
        ], rules);
    }

    [Fact]
    public void No_rule_grants_list_watch_or_patch()
    {
        var verbs = KubernetesClusteringRbac.Rules(new KubernetesClusteringOptions(), Tables.Cluster)
            .Concat(KubernetesClusteringRbac.Rules(new KubernetesReminderTableOptions(), Tables.Cluster))
            .SelectMany(r => r.Verbs);

        Assert.Empty(verbs.Intersect(["list", "watch", "patch", "deletecollection"]));
    }
}

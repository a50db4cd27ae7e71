using Ccm.Clustering.Kubernetes.Membership;
using Ccm.Clustering.Kubernetes.Reminders;
using Orleans.Configuration;

namespace Ccm.Clustering.Kubernetes.Rbac;

/// <summary>
/// The exact Role rules the tables need in their namespace: <c>create</c> on any name (Kubernetes cannot limit it),
/// every other verb by resourceName, and no list or watch: every object name is fixed by the options, so each is read
/// by name. Verbs only a tool uses are left out: <c>DeleteMembershipTableEntries</c> needs <c>delete</c> on the table
/// ConfigMap, which Orleans never calls in a running silo.
/// </summary>
public static class KubernetesClusteringRbac
{
    private const string Core = "";
    private const string Coordination = "coordination.k8s.io";

    /// <summary>The rules of the membership table: its ConfigMap, and the slot Leases (deleted when a row is written Dead, and by defunct-silo cleanup).</summary>
    public static IReadOnlyList<KubernetesRbacRule> Rules(KubernetesClusteringOptions options, ClusterOptions cluster)
    {
        var names = MembershipObjects.For(options, cluster.ServiceId, cluster.ClusterId);
        return
        [
            new(Core, "configmaps", ["create"], []),
            new(Core, "configmaps", ["get", "update"], [names.TableConfigMap]),
            new(Coordination, "leases", ["create"], []),
            new(Coordination, "leases", ["get", "update", "delete"], names.SlotLeases),
        ];
    }

    /// <summary>The rules of the reminder table: its bucket ConfigMaps (never deleted).</summary>
    public static IReadOnlyList<KubernetesRbacRule> Rules(KubernetesReminderTableOptions options, ClusterOptions cluster)
    {
        var names = ReminderObjects.For(options, cluster.ServiceId);
        return
        [
            new(Core, "configmaps", ["create"], []),
            new(Core, "configmaps", ["get", "update"], names.BucketConfigMaps),
        ];
    }
}

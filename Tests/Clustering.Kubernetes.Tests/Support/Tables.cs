using Ccm.Clustering.Kubernetes.Membership;
using Ccm.Clustering.Kubernetes.Reminders;
using k8s;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace Ccm.Clustering.Kubernetes.Tests.Support;

/// <summary>Tables as a silo builds them, each on a client of its own (two tables are two silos).</summary>
public static class Tables
{
    public static readonly ClusterOptions Cluster = new() { ServiceId = "ccm", ClusterId = "test" };

    public static KubernetesMembershipTable Membership(IKubernetes client, string @namespace, int siloSlots = KubernetesClusteringOptions.DefaultSiloSlots) =>
        new(client,
            Options.Create(new KubernetesClusteringOptions { Namespace = @namespace, SiloSlots = siloSlots }),
            Options.Create(Cluster),
            NullLogger<KubernetesMembershipTable>.Instance);

    public static KubernetesReminderTable Reminders(IKubernetes client, string @namespace, int buckets = KubernetesReminderTableOptions.DefaultBuckets) =>
        new(client,
            Options.Create(new KubernetesReminderTableOptions { Namespace = @namespace, Buckets = buckets }),
            Options.Create(Cluster),
            NullLogger<KubernetesReminderTable>.Instance);
}

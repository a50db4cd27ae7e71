using k8s.Models;

namespace Ccm.Clustering.Kubernetes.Objects;

/// <summary>The labels and annotations the tables put on their objects.</summary>
internal static class ObjectLabels
{
    /// <summary>The domain of our own annotation keys.</summary>
    public const string Domain = "clustering.ccm.k8s.alibaba";

    public const string Component = "app.kubernetes.io/component";

    public const string ManagedBy = "app.kubernetes.io/managed-by";

    public const string ManagedByValue = "ccm-clustering";

    /// <summary>The metadata of a new object: its name, the configured labels, and ours.</summary>
    public static V1ObjectMeta Metadata(KubernetesObjectOptions options, string name, string component, IDictionary<string, string>? annotations = null)
    {
        var labels = new Dictionary<string, string>(options.Labels)
        {
            [Component] = component,
            [ManagedBy] = ManagedByValue,
        };
        return new V1ObjectMeta
        {
            Name = name,
            NamespaceProperty = options.Namespace,
            Labels = labels,
            Annotations = annotations,
        };
    }
}

namespace Ccm.Clustering.Kubernetes;

/// <summary>Where the Kubernetes-backed tables keep their objects and which client they use.</summary>
public abstract class KubernetesObjectOptions
{
    /// <summary>
    /// The namespace of the objects. Empty means the silo's own namespace (<c>POD_NAMESPACE</c>, which the Downward API
    /// sets), else <c>default</c>; the hosting extensions fill it in.
    /// </summary>
    public string Namespace { get; set; } = "";

    /// <summary>
    /// The start of every object name; null derives it from Orleans' <c>ClusterOptions</c> (see the tables' defaults).
    /// A configured prefix must already be lower-case DNS-1123 of at most 40 characters.
    /// </summary>
    public string? NamePrefix { get; set; }

    /// <summary>Labels put on every object the table creates (for example the Helm release's).</summary>
    public Dictionary<string, string> Labels { get; set; } = [];

    /// <summary>
    /// The key of a keyed <c>k8s.IKubernetes</c> service to use; null uses the silo's unkeyed <c>IKubernetes</c>.
    /// </summary>
    public string? ClientServiceKey { get; set; }
}

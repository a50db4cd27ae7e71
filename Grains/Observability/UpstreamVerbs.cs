namespace Ccm.Grains.Observability;

/// <summary>Upstream's <c>verb</c> values for <c>ccm_node_latencies_duration_milliseconds</c>.</summary>
public enum NodeVerb
{
    /// <summary>A sync of a node that is already initialized (upstream's <c>syncNode</c>).</summary>
    Reconcile,

    /// <summary>The turns of a node that still carries the uninitialized taint (upstream's <c>syncCloudNode</c>).</summary>
    RemoveTaint,
}

/// <summary>Upstream's <c>verb</c> values for the load balancer series: what the reconcile was doing to the Service.</summary>
public enum SlbVerb
{
    /// <summary>No address in the Service's status yet.</summary>
    Creation,

    /// <summary>The Service has a deletionTimestamp.</summary>
    Deletion,

    /// <summary>Anything else: the Service shows an address and is not being deleted.</summary>
    Update,
}

internal static class UpstreamVerbLabels
{
    public static string Label(this NodeVerb verb) => verb == NodeVerb.RemoveTaint ? "remove_taint" : "reconcile";
}

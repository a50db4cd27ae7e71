using System.Net;
using System.Net.Sockets;
using Ccm.Kube.Client;
using k8s;
using k8s.Models;

namespace Ccm.Grains.Nodes;

/// <summary>Small reads of a Node the planner's rules are written in.</summary>
public static class NodeFacts
{
    /// <summary>The Ready condition's status (<c>True</c>, <c>False</c>, <c>Unknown</c>), or null when there is none.</summary>
    public static string? ReadyStatus(V1Node node) =>
        node.Status?.Conditions?.FirstOrDefault(c => c.Type == "Ready")?.Status;

    public static bool IsReady(V1Node node) => ReadyStatus(node) == "True";

    /// <summary>
    /// The node controller has stopped hearing from the kubelet (Ready=Unknown), or the kubelet never reported at all.
    /// Only then may a Node whose instance is gone be deleted (upstream's rule): a kubelet that still reports True or
    /// False is alive somewhere, and deleting its Node would only make it register again.
    /// </summary>
    public static bool IsReadyUnknownOrMissing(V1Node node) => ReadyStatus(node) is null or "Unknown";

    public static bool HasTaint(V1Node node, string key) => node.Spec?.Taints?.Any(t => t.Key == key) == true;

    public static string? Label(V1Node node, string key) => node.Metadata.Labels.ValueOrNull(key);

    public static string? Annotation(V1Node node, string key) => node.Metadata.Annotations.ValueOrNull(key);

    /// <summary>The addresses of one type in <c>status.addresses</c>, in order.</summary>
    public static IReadOnlyList<string> Addresses(V1Node node, string type) =>
        [.. (node.Status?.Addresses ?? []).Where(a => a.Type == type && !string.IsNullOrEmpty(a.Address)).Select(a => a.Address!)];

    /// <summary>
    /// The IPs of <c>alpha.kubernetes.io/provided-node-ip</c> (the kubelet's <c>--node-ip</c>, comma separated when dual
    /// stack), or empty when the annotation is absent.
    /// </summary>
    public static IReadOnlyList<string> ProvidedNodeIps(V1Node node) =>
        Annotation(node, NodeLabels.ProvidedNodeIpAnnotation) is { Length: > 0 } value
            ? [.. value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)]
            : [];

    /// <summary>
    /// The IPv4 address to find the node's instance by: the kubelet's <c>--node-ip</c> when given, else the first
    /// InternalIP. ECS private addresses are IPv4; null when the node has none.
    /// </summary>
    public static string? LookupIp(V1Node node)
    {
        var provided = ProvidedNodeIps(node);
        return (provided.Count > 0 ? provided : Addresses(node, "InternalIP")).FirstOrDefault(IsIpv4);
    }

    private static bool IsIpv4(string value) => IPAddress.TryParse(value, out var ip) && ip.AddressFamily == AddressFamily.InterNetwork;
}

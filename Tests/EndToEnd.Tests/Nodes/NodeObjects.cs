using System.Text.Json;
using Ccm.Kube.Models;
using Ccm.Sandbox.Kube;

namespace Ccm.EndToEnd.Tests.Nodes;

/// <summary>Reading Nodes and their Events back from the Kubernetes emulator's store.</summary>
internal static class NodeObjects
{
    public static Node? Get(KubeEmulator kube, string name) =>
        kube.Objects.Get("nodes", null, name) is { } json ? json.Deserialize(KubeJsonContext.Default.Node) : null;

    public static IReadOnlyList<string> Taints(Node? node) => [.. (node?.Spec?.Taints ?? []).Select(t => t.Key!)];

    /// <summary>The Events written about a Node (cluster-scoped objects' Events live in <c>default</c>).</summary>
    public static IReadOnlyList<Event> EventsOf(KubeEmulator kube, string name) =>
        [.. kube.Objects.List("events", "default").Select(e => e.Deserialize(KubeJsonContext.Default.Event)!)
            .Where(e => e.InvolvedObject?.Kind == "Node" && e.InvolvedObject.Name == name)];
}

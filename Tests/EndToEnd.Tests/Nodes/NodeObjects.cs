using Ccm.Kube.Client;
using k8s;
using k8s.Models;
using Ccm.Sandbox.Kube;

namespace Ccm.EndToEnd.Tests.Nodes;

/// <summary>Reading Nodes and their Events back from the Kubernetes emulator's store.</summary>
internal static class NodeObjects
{
    public static V1Node? Get(KubeEmulator kube, string name) =>
        kube.Objects.Get("nodes", null, name) is { } json ? KubernetesJson.Deserialize<V1Node>(json.ToJsonString()) : null;

    public static IReadOnlyList<string> Taints(V1Node? node) => [.. (node?.Spec?.Taints ?? []).Select(t => t.Key!)];

    /// <summary>The Events written about a Node (cluster-scoped objects' Events live in <c>default</c>).</summary>
    public static IReadOnlyList<Corev1Event> EventsOf(KubeEmulator kube, string name) =>
        [.. kube.Objects.List("events", "default").Select(e => KubernetesJson.Deserialize<Corev1Event>(e.ToJsonString()))
            .Where(e => e.InvolvedObject?.Kind == "Node" && e.InvolvedObject.Name == name)];
}

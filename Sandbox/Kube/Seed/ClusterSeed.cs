using System.Text.Json.Nodes;
using Ccm.Sandbox.Demo;
using Ccm.Sandbox.Kube.Discovery;
using Ccm.Sandbox.Kube.Semantics;

namespace Ccm.Sandbox.Kube.Seed;

/// <summary>
/// What the emulator holds at start. Always: the four system namespaces and the <c>kubernetes</c> Service (first
/// cluster IP, port 443). With <see cref="SeedKind.Demo"/>: the nodes of <see cref="DemoWorld"/>, registered as
/// kubelets started with <c>--cloud-provider=external</c> register them (no providerID, the uninitialized taint),
/// plus the virtual-kubelet node.
/// </summary>
internal static class ClusterSeed
{
    public static readonly string[] SystemNamespaces = ["default", "kube-system", "kube-public", "kube-node-lease"];

    public static void Apply(ResourceOperations operations, ResourceCatalog catalog, SeedKind kind, string kubernetesClusterIp, TimeProvider clock)
    {
        Bootstrap(operations, catalog, kubernetesClusterIp);
        if (kind != SeedKind.Demo)
        {
            return;
        }

        var nodes = catalog.Require("nodes");
        var now = Meta.Timestamp(clock);
        foreach (var node in DemoWorld.Nodes)
        {
            operations.Create(nodes, null, DemoNodes.Ecs(node, now), WriteOptions.Default);
        }

        operations.Create(nodes, null, DemoNodes.Virtual(DemoWorld.VirtualNode, now), WriteOptions.Default);
    }

    /// <summary>
    /// What kube-apiserver itself makes sure of at every start: the system namespaces and the <c>kubernetes</c>
    /// Service exist (only the missing ones are created).
    /// </summary>
    public static void Bootstrap(ResourceOperations operations, ResourceCatalog catalog, string kubernetesClusterIp)
    {
        var namespaces = catalog.Require("namespaces");
        foreach (var name in SystemNamespaces.Where(name => operations.Snapshot.Get(namespaces, null, name) is null))
        {
            operations.Create(namespaces, null, new JsonObject { ["metadata"] = new JsonObject { ["name"] = name } }, WriteOptions.Default);
        }

        var services = catalog.Require("services");
        if (operations.Snapshot.Get(services, "default", "kubernetes") is null)
        {
            operations.Create(services, "default", KubernetesService(kubernetesClusterIp), WriteOptions.Default);
        }
    }

    private static JsonObject KubernetesService(string clusterIp) => new()
    {
        ["metadata"] = new JsonObject
        {
            ["name"] = "kubernetes",
            ["labels"] = new JsonObject { ["component"] = "apiserver", ["provider"] = "kubernetes" },
        },
        ["spec"] = new JsonObject
        {
            ["type"] = "ClusterIP",
            ["clusterIP"] = clusterIp,
            ["ports"] = new JsonArray(new JsonObject
            {
                ["name"] = "https",
                ["port"] = 443,
                ["protocol"] = "TCP",
                ["targetPort"] = 6443,
            }),
        },
    };
}

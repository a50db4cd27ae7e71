using System.Collections.Frozen;

namespace Ccm.Sandbox.Kube.Semantics;

/// <summary>Which strategy admits writes of which kind; kinds without special rules get <see cref="DefaultStrategy"/>.</summary>
internal sealed class StrategyRegistry
{
    private static readonly DefaultStrategy Default = new();
    private readonly FrozenDictionary<(string Group, string Kind), IResourceStrategy> strategies;

    public StrategyRegistry(ClusterIpAllocator clusterIps, NodePortAllocator nodePorts)
    {
        var workloads = new WorkloadStrategy();
        var rbac = new RbacStrategy();
        strategies = new Dictionary<(string, string), IResourceStrategy>
        {
            [("", "Service")] = new ServiceStrategy(clusterIps, nodePorts),
            [("", "Namespace")] = new NamespaceStrategy(),
            [("", "Secret")] = new SecretStrategy(),
            [("", "Pod")] = new PodStrategy(),
            [("", "Node")] = new NodeStrategy(),
            [("apps", "Deployment")] = workloads,
            [("apps", "StatefulSet")] = workloads,
            [("apps", "ReplicaSet")] = workloads,
            [("apps", "DaemonSet")] = workloads,
            [("rbac.authorization.k8s.io", "ClusterRole")] = rbac,
            [("rbac.authorization.k8s.io", "ClusterRoleBinding")] = rbac,
            [("rbac.authorization.k8s.io", "Role")] = rbac,
            [("rbac.authorization.k8s.io", "RoleBinding")] = rbac,
        }.ToFrozenDictionary();
    }

    public IResourceStrategy For(ResourceType type) => strategies.GetValueOrDefault((type.Group, type.Kind)) ?? Default;
}

using System.Collections.Immutable;

namespace Ccm.Sandbox.Kube.Discovery;

/// <summary>
/// The kinds a small cluster needs: what the CCM reads and writes, and what a Helm chart for it renders. Short names,
/// subresources and selectable fields are the real API server's.
/// </summary>
internal static class BuiltinResources
{
    public static readonly ImmutableArray<ResourceType> All =
    [
        Core("namespaces", "namespace", "Namespace", namespaced: false, ["ns"], ["status", "finalize"], ["status.phase"]),
        Core("services", "service", "Service", namespaced: true, ["svc"], ["status"], ["spec.clusterIP", "spec.type"]),
        Core("endpoints", "endpoints", "Endpoints", namespaced: true, ["ep"]),
        Core("nodes", "node", "Node", namespaced: false, ["no"], ["status"], ["spec.unschedulable"]),
        Core("pods", "pod", "Pod", namespaced: true, ["po"], ["status"],
            ["spec.nodeName", "spec.restartPolicy", "spec.schedulerName", "spec.serviceAccountName", "status.phase", "status.podIP", "status.nominatedNodeName"]),
        Core("events", "event", "Event", namespaced: true, ["ev"], [],
            ["involvedObject.kind", "involvedObject.namespace", "involvedObject.name", "involvedObject.uid", "involvedObject.apiVersion",
             "involvedObject.resourceVersion", "involvedObject.fieldPath", "reason", "reportingComponent", "source", "type"]),
        Core("configmaps", "configmap", "ConfigMap", namespaced: true, ["cm"]),
        Core("secrets", "secret", "Secret", namespaced: true, [], [], ["type"]),
        Core("serviceaccounts", "serviceaccount", "ServiceAccount", namespaced: true, ["sa"]),
        Core("persistentvolumeclaims", "persistentvolumeclaim", "PersistentVolumeClaim", namespaced: true, ["pvc"], ["status"]),
        Grouped("apps", "deployments", "deployment", "Deployment", ["deploy"], ["status", "scale"]),
        Grouped("apps", "statefulsets", "statefulset", "StatefulSet", ["sts"], ["status", "scale"]),
        Grouped("apps", "replicasets", "replicaset", "ReplicaSet", ["rs"], ["status", "scale"]),
        Grouped("apps", "daemonsets", "daemonset", "DaemonSet", ["ds"], ["status"]),
        Grouped("discovery.k8s.io", "endpointslices", "endpointslice", "EndpointSlice", []),
        Grouped("coordination.k8s.io", "leases", "lease", "Lease", []),
        Grouped("events.k8s.io", "events", "event", "Event", ["ev"]),
        Grouped("policy", "poddisruptionbudgets", "poddisruptionbudget", "PodDisruptionBudget", ["pdb"], ["status"]),
        Grouped("batch", "jobs", "job", "Job", [], ["status"]),
        Grouped("networking.k8s.io", "ingresses", "ingress", "Ingress", ["ing"], ["status"]),
        Grouped("rbac.authorization.k8s.io", "clusterroles", "clusterrole", "ClusterRole", [], namespaced: false),
        Grouped("rbac.authorization.k8s.io", "clusterrolebindings", "clusterrolebinding", "ClusterRoleBinding", [], namespaced: false),
        Grouped("rbac.authorization.k8s.io", "roles", "role", "Role", []),
        Grouped("rbac.authorization.k8s.io", "rolebindings", "rolebinding", "RoleBinding", []),
    ];

    private static ResourceType Core(
        string plural, string singular, string kind, bool namespaced, string[] shortNames,
        string[]? subresources = null, string[]? fields = null) => new()
        {
            Group = "",
            Version = "v1",
            Plural = plural,
            Singular = singular,
            Kind = kind,
            Namespaced = namespaced,
            ShortNames = [.. shortNames],
            Subresources = [.. subresources ?? []],
            SelectableFields = [.. fields ?? []],
        };

    private static ResourceType Grouped(
        string group, string plural, string singular, string kind, string[] shortNames,
        string[]? subresources = null, bool namespaced = true) => new()
        {
            Group = group,
            Version = "v1",
            Plural = plural,
            Singular = singular,
            Kind = kind,
            Namespaced = namespaced,
            ShortNames = [.. shortNames],
            Subresources = [.. subresources ?? []],
        };
}

using System.Collections.Frozen;

namespace Ccm.Sandbox.Kube.Protobuf;

/// <summary>
/// Field numbers of the Kubernetes protobuf messages that kubectl's <c>create</c> generators send (they use a typed
/// client that speaks protobuf): namespace, configmap, secret, serviceaccount, service, deployment, job, role(binding),
/// clusterrole(binding), poddisruptionbudget, and pods. Transcribed from k8s.io/api's generated.proto; fields a
/// generator never sets are left out, and unknown fields are skipped.
/// </summary>
internal static class KubeProtoSchemas
{
    private static readonly FrozenDictionary<string, ProtoMessage> ByName = new Dictionary<string, ProtoMessage>
    {
        ["ObjectMeta"] = Message(Str(1, "name"), Str(2, "generateName"), Str(3, "namespace"), Str(5, "uid"), Str(6, "resourceVersion"),
            I64(7, "generation"), Time(8, "creationTimestamp"), Time(9, "deletionTimestamp"), I64(10, "deletionGracePeriodSeconds", keepZero: true),
            Map(11, "labels"), Map(12, "annotations"), Messages(13, "ownerReferences", "OwnerReference"), Strs(14, "finalizers")),
        ["OwnerReference"] = Message(Str(1, "kind"), Str(3, "name"), Str(4, "uid"), Str(5, "apiVersion"),
            Bool(6, "controller", keepZero: true), Bool(7, "blockOwnerDeletion", keepZero: true)),
        ["LabelSelector"] = Message(Map(1, "matchLabels"), Messages(2, "matchExpressions", "LabelSelectorRequirement")),
        ["LabelSelectorRequirement"] = Message(Str(1, "key"), Str(2, "operator"), Strs(3, "values")),
        ["ObjectReference"] = Message(Str(1, "kind"), Str(2, "namespace"), Str(3, "name"), Str(4, "uid"), Str(5, "apiVersion"),
            Str(6, "resourceVersion"), Str(7, "fieldPath")),
        ["LocalObjectReference"] = Message(Str(1, "name")),
        ["Empty"] = Message(),

        ["Namespace"] = Message(Meta(), Msg(2, "spec", "NamespaceSpec"), Msg(3, "status", "Empty")),
        ["NamespaceSpec"] = Message(Strs(1, "finalizers")),
        ["ConfigMap"] = Message(Meta(), Map(2, "data"), BytesMap(3, "binaryData"), Bool(4, "immutable", keepZero: true)),
        ["Secret"] = Message(Meta(), BytesMap(2, "data"), Str(3, "type"), Map(4, "stringData"), Bool(5, "immutable", keepZero: true)),
        ["ServiceAccount"] = Message(Meta(), Messages(2, "secrets", "ObjectReference"), Messages(3, "imagePullSecrets", "LocalObjectReference"),
            Bool(4, "automountServiceAccountToken", keepZero: true)),

        ["Service"] = Message(Meta(), Msg(2, "spec", "ServiceSpec"), Msg(3, "status", "Empty")),
        ["ServiceSpec"] = Message(Messages(1, "ports", "ServicePort"), Map(2, "selector"), Str(3, "clusterIP"), Str(4, "type"),
            Strs(5, "externalIPs"), Str(7, "sessionAffinity"), Str(8, "loadBalancerIP"), Strs(9, "loadBalancerSourceRanges"),
            Str(10, "externalName"), Str(11, "externalTrafficPolicy"), I32(12, "healthCheckNodePort"), Bool(13, "publishNotReadyAddresses")),
        ["ServicePort"] = Message(Str(1, "name"), Str(2, "protocol"), I32(3, "port"), IntOrString(4, "targetPort"), I32(5, "nodePort"),
            Str(6, "appProtocol")),

        ["Pod"] = Message(Meta(), Msg(2, "spec", "PodSpec"), Msg(3, "status", "Empty")),
        ["PodTemplateSpec"] = Message(Meta(), Msg(2, "spec", "PodSpec")),
        ["PodSpec"] = Message(Messages(1, "volumes", "Volume"), Messages(2, "containers", "Container"), Str(3, "restartPolicy"),
            I64(4, "terminationGracePeriodSeconds", keepZero: true), I64(5, "activeDeadlineSeconds", keepZero: true), Str(6, "dnsPolicy"),
            Map(7, "nodeSelector"), Str(8, "serviceAccountName"), Str(9, "serviceAccount"), Str(10, "nodeName"), Bool(11, "hostNetwork"),
            Bool(12, "hostPID"), Bool(13, "hostIPC"), Msg(14, "securityContext", "Empty"), Messages(15, "imagePullSecrets", "LocalObjectReference"),
            Str(16, "hostname"), Str(17, "subdomain"), Str(19, "schedulerName"), Messages(20, "initContainers", "Container"),
            Bool(21, "automountServiceAccountToken", keepZero: true), Messages(22, "tolerations", "Toleration"), Str(24, "priorityClassName"),
            I32(25, "priority", keepZero: true)),
        ["Volume"] = Message(Str(1, "name")),
        ["Toleration"] = Message(Str(1, "key"), Str(2, "operator"), Str(3, "value"), Str(4, "effect"), I64(5, "tolerationSeconds", keepZero: true)),
        ["Container"] = Message(Str(1, "name"), Str(2, "image"), Strs(3, "command"), Strs(4, "args"), Str(5, "workingDir"),
            Messages(6, "ports", "ContainerPort"), Messages(7, "env", "EnvVar"), Msg(8, "resources", "ResourceRequirements"),
            Messages(9, "volumeMounts", "VolumeMount"), Str(13, "terminationMessagePath"), Str(14, "imagePullPolicy"), Bool(16, "stdin"),
            Bool(17, "stdinOnce"), Bool(18, "tty"), Str(20, "terminationMessagePolicy")),
        ["ContainerPort"] = Message(Str(1, "name"), I32(2, "hostPort"), I32(3, "containerPort"), Str(4, "protocol"), Str(5, "hostIP")),
        ["EnvVar"] = Message(Str(1, "name"), Str(2, "value")),
        ["ResourceRequirements"] = Message(QuantityMap(1, "limits"), QuantityMap(2, "requests")),
        ["VolumeMount"] = Message(Str(1, "name"), Bool(2, "readOnly"), Str(3, "mountPath"), Str(4, "subPath")),

        ["Deployment"] = Message(Meta(), Msg(2, "spec", "DeploymentSpec"), Msg(3, "status", "Empty")),
        ["DeploymentSpec"] = Message(I32(1, "replicas", keepZero: true), Msg(2, "selector", "LabelSelector"), Msg(3, "template", "PodTemplateSpec"),
            Msg(4, "strategy", "DeploymentStrategy"), I32(5, "minReadySeconds"), I32(6, "revisionHistoryLimit", keepZero: true), Bool(7, "paused"),
            I32(9, "progressDeadlineSeconds", keepZero: true)),
        ["DeploymentStrategy"] = Message(Str(1, "type"), Msg(2, "rollingUpdate", "RollingUpdateDeployment")),
        ["RollingUpdateDeployment"] = Message(IntOrString(1, "maxUnavailable"), IntOrString(2, "maxSurge")),

        ["Job"] = Message(Meta(), Msg(2, "spec", "JobSpec"), Msg(3, "status", "Empty")),
        ["JobSpec"] = Message(I32(1, "parallelism", keepZero: true), I32(2, "completions", keepZero: true), I64(3, "activeDeadlineSeconds", keepZero: true),
            Msg(4, "selector", "LabelSelector"), Bool(5, "manualSelector", keepZero: true), Msg(6, "template", "PodTemplateSpec"),
            I32(7, "backoffLimit", keepZero: true), I32(8, "ttlSecondsAfterFinished", keepZero: true)),

        ["Role"] = Message(Meta(), Messages(2, "rules", "PolicyRule")),
        ["ClusterRole"] = Message(Meta(), Messages(2, "rules", "PolicyRule"), Msg(3, "aggregationRule", "AggregationRule")),
        ["AggregationRule"] = Message(Messages(1, "clusterRoleSelectors", "LabelSelector")),
        ["PolicyRule"] = Message(Strs(1, "verbs"), Strs(2, "apiGroups"), Strs(3, "resources"), Strs(4, "resourceNames"), Strs(5, "nonResourceURLs")),
        ["RoleBinding"] = Message(Meta(), Messages(2, "subjects", "Subject"), Msg(3, "roleRef", "RoleRef")),
        ["Subject"] = Message(Str(1, "kind"), Str(2, "apiGroup"), Str(3, "name"), Str(4, "namespace")),
        ["RoleRef"] = Message(Str(1, "apiGroup"), Str(2, "kind"), Str(3, "name")),

        ["PodDisruptionBudget"] = Message(Meta(), Msg(2, "spec", "PodDisruptionBudgetSpec"), Msg(3, "status", "Empty")),
        ["PodDisruptionBudgetSpec"] = Message(IntOrString(1, "minAvailable"), Msg(2, "selector", "LabelSelector"), IntOrString(3, "maxUnavailable"),
            Str(4, "unhealthyPodEvictionPolicy")),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The top-level message of a kind, by apiVersion and kind.</summary>
    private static readonly FrozenDictionary<(string ApiVersion, string Kind), string> Kinds = new Dictionary<(string, string), string>
    {
        [("v1", "Namespace")] = "Namespace",
        [("v1", "ConfigMap")] = "ConfigMap",
        [("v1", "Secret")] = "Secret",
        [("v1", "ServiceAccount")] = "ServiceAccount",
        [("v1", "Service")] = "Service",
        [("v1", "Pod")] = "Pod",
        [("apps/v1", "Deployment")] = "Deployment",
        [("batch/v1", "Job")] = "Job",
        [("rbac.authorization.k8s.io/v1", "Role")] = "Role",
        [("rbac.authorization.k8s.io/v1", "ClusterRole")] = "ClusterRole",
        [("rbac.authorization.k8s.io/v1", "RoleBinding")] = "RoleBinding",
        [("rbac.authorization.k8s.io/v1", "ClusterRoleBinding")] = "RoleBinding",
        [("policy/v1", "PodDisruptionBudget")] = "PodDisruptionBudget",
    }.ToFrozenDictionary();

    public static IEnumerable<string> SupportedKinds => Kinds.Keys.Select(k => $"{k.ApiVersion} {k.Kind}").Order(StringComparer.Ordinal);

    public static ProtoMessage? ForKind(string apiVersion, string kind) =>
        Kinds.TryGetValue((apiVersion, kind), out var name) ? ByName[name] : null;

    public static ProtoMessage Named(string name) => ByName[name];

    private static ProtoMessage Message(params (int Number, ProtoField Field)[] fields) => new(fields);

    private static (int, ProtoField) Meta() => Msg(1, "metadata", "ObjectMeta");

    private static (int, ProtoField) Str(int n, string name) => (n, new(name, ProtoKind.String));

    private static (int, ProtoField) Strs(int n, string name) => (n, new(name, ProtoKind.String, Repeated: true));

    private static (int, ProtoField) I32(int n, string name, bool keepZero = false) => (n, new(name, ProtoKind.Int32, KeepZero: keepZero));

    private static (int, ProtoField) I64(int n, string name, bool keepZero = false) => (n, new(name, ProtoKind.Int64, KeepZero: keepZero));

    private static (int, ProtoField) Bool(int n, string name, bool keepZero = false) => (n, new(name, ProtoKind.Bool, KeepZero: keepZero));

    private static (int, ProtoField) Time(int n, string name) => (n, new(name, ProtoKind.Time));

    private static (int, ProtoField) IntOrString(int n, string name) => (n, new(name, ProtoKind.IntOrString));

    private static (int, ProtoField) Map(int n, string name) => (n, new(name, ProtoKind.StringMap));

    private static (int, ProtoField) BytesMap(int n, string name) => (n, new(name, ProtoKind.BytesMap));

    private static (int, ProtoField) QuantityMap(int n, string name) => (n, new(name, ProtoKind.QuantityMap));

    private static (int, ProtoField) Msg(int n, string name, string message) => (n, new(name, ProtoKind.Message, Message: message));

    private static (int, ProtoField) Messages(int n, string name, string message) => (n, new(name, ProtoKind.Message, Repeated: true, Message: message));
}

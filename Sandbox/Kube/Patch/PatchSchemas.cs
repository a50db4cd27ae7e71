using System.Collections.Immutable;

namespace Ccm.Sandbox.Kube.Patch;

/// <summary>
/// The patch strategies of the built-in kinds, transcribed from the <c>patchStrategy</c>/<c>patchMergeKey</c> tags of
/// k8s.io/api. Only fields whose lists merge (or that contain such fields) are listed. Two deliberate choices:
/// Service and container ports match on port and protocol (upstream's merge key is the port alone, which makes a
/// TCP and a UDP port of the same number collide); node taints stay atomic as upstream (cloud-provider's
/// <c>PatchNodeTaints</c> relies on that, sending the whole list with a resourceVersion).
/// </summary>
internal static class PatchSchemas
{
    private static readonly PatchField Conditions = Keyed(["type"]);

    private static readonly PatchSchema ObjectMeta = Schema(
        ("finalizers", Set()),
        ("ownerReferences", Keyed(["uid"])));

    private static readonly PatchSchema Container = Schema(
        ("ports", KeyedBy([new("containerPort"), new("protocol", "TCP")])),
        ("env", Keyed(["name"])),
        ("volumeMounts", Keyed(["mountPath"])),
        ("volumeDevices", Keyed(["devicePath"])));

    private static readonly PatchSchema PodSpec = Schema(
        ("containers", Keyed(["name"], Container)),
        ("initContainers", Keyed(["name"], Container)),
        ("ephemeralContainers", Keyed(["name"], Container)),
        ("volumes", Keyed(["name"])),
        ("imagePullSecrets", Keyed(["name"])),
        ("hostAliases", Keyed(["ip"])),
        ("topologySpreadConstraints", KeyedBy([new("topologyKey"), new("whenUnsatisfiable")])),
        ("resourceClaims", Keyed(["name"])),
        ("schedulingGates", Keyed(["name"])));

    private static readonly PatchSchema PodTemplate = Schema(("metadata", Nested(ObjectMeta)), ("spec", Nested(PodSpec)));

    private static readonly PatchSchema StatusWithConditions = Schema(("conditions", Conditions));

    private static readonly PatchSchema WorkloadSpec = Schema(("template", Nested(PodTemplate)));

    private static readonly PatchSchema Default = Root(PatchSchema.Empty, StatusWithConditions);

    private static readonly ImmutableDictionary<string, PatchSchema> ByKind = new Dictionary<string, PatchSchema>
    {
        ["v1/Service"] = Root(Schema(("ports", KeyedBy([new("port"), new("protocol", "TCP")]))), StatusWithConditions),
        ["v1/Node"] = Root(Schema(("podCIDRs", Set())), Schema(("conditions", Conditions), ("addresses", Keyed(["type"])))),
        ["v1/Pod"] = Root(PodSpec, Schema(("conditions", Conditions), ("podIPs", Keyed(["ip"])), ("hostIPs", Keyed(["ip"])))),
        ["apps/v1/Deployment"] = Root(WorkloadSpec, StatusWithConditions),
        ["apps/v1/StatefulSet"] = Root(WorkloadSpec, StatusWithConditions),
        ["apps/v1/ReplicaSet"] = Root(WorkloadSpec, StatusWithConditions),
        ["apps/v1/DaemonSet"] = Root(WorkloadSpec, StatusWithConditions),
        ["batch/v1/Job"] = Root(WorkloadSpec, StatusWithConditions),
    }.ToImmutableDictionary(StringComparer.Ordinal);

    public static PatchSchema For(ResourceType type) => ByKind.GetValueOrDefault($"{type.ApiVersion}/{type.Kind}") ?? Default;

    private static PatchSchema Root(PatchSchema spec, PatchSchema status) =>
        Schema(("metadata", Nested(ObjectMeta)), ("spec", Nested(spec)), ("status", Nested(status)));

    private static PatchSchema Schema(params (string Name, PatchField Field)[] fields) =>
        new(fields.Select(f => KeyValuePair.Create(f.Name, f.Field)));

    private static PatchField Nested(PatchSchema schema) => PatchField.Atomic with { Schema = schema };

    private static PatchField Set() => PatchField.Atomic with { List = ListStrategy.MergeSet };

    private static PatchField Keyed(string[] keys, PatchSchema? element = null) =>
        KeyedBy([.. keys.Select(k => new MergeKey(k))], element);

    private static PatchField KeyedBy(MergeKey[] keys, PatchSchema? element = null) =>
        new(ListStrategy.MergeByKey, [.. keys], element ?? PatchSchema.Empty);
}

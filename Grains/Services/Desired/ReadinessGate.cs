using System.Collections.Immutable;
using k8s.Models;

namespace Ccm.Grains.Services;

/// <summary>
/// Upstream's pod readiness gate <c>service.readiness.alibabacloud.com/&lt;service name&gt;</c> (rules, pure): a pod that
/// declares it is held unready by the kubelet until its condition is True, and we set it True once the pod is a member
/// of the Service's load balancer, so a rolling update only retires old pods after the new ones take traffic. Until
/// then the pod's endpoint is not ready, so upstream admits it as a member anyway once its containers are ready
/// (<c>setBackendsFromEndpointSlices</c>) and looks again every 10 s while they are not: their becoming ready changes no
/// EndpointSlice, so nothing else would wake the Service.
/// </summary>
public static class ReadinessGate
{
    public const string Prefix = "service.readiness.alibabacloud.com";

    /// <summary>Upstream's reason and message for a pod that became a member.</summary>
    public const string RegisteredReason = "ServerRegistered";
    public const string RegisteredMessage = "The backend has been added to the server group";

    /// <summary>Upstream's reason and message for a pod whose IP is in the VPC but held by no ENI (it cannot be a member).</summary>
    public const string InvalidReason = "ServerInvalidServer";
    public const string InvalidMessage = "The backend failed to add to the server group because of the server is invalid";

    /// <summary>How soon a pod whose containers are not ready yet is looked at again (upstream's <c>defaultRequeueAfter</c>).</summary>
    public static readonly TimeSpan Recheck = TimeSpan.FromSeconds(10);

    public static string ConditionType(string serviceName) => $"{Prefix}/{serviceName}";

    /// <summary>
    /// The pods whose gate may need us: endpoints that are not serving (the pod is not Ready, which is the only way a
    /// gate of ours can still be unmet) and not terminating, referring to a pod, each pod once across the address families.
    /// A serving endpoint's pod is Ready, so all its gates are True already: it is never read.
    /// </summary>
    public static IReadOnlyList<PodEndpoint> Unconfirmed(IReadOnlyList<V1EndpointSlice> slices)
    {
        var byUid = new Dictionary<string, PodEndpoint>(StringComparer.Ordinal);
        foreach (var slice in slices)
        {
            foreach (var endpoint in slice.Endpoints ?? [])
            {
                var conditions = endpoint.Conditions;
                if (conditions?.Terminating == true || (conditions?.Serving ?? conditions?.Ready ?? true)
                    || endpoint.TargetRef is not { Kind: "Pod", Name: { } name, Uid: { } uid } target || endpoint.Addresses is not { Count: > 0 } addresses)
                {
                    continue;
                }

                var ready = conditions?.Ready == true; // publishNotReadyAddresses: a member whatever the pod says
                byUid[uid] = byUid.TryGetValue(uid, out var seen)
                    ? seen with { Ips = seen.Ips.Add(addresses[0]), EndpointReady = seen.EndpointReady || ready }
                    : new PodEndpoint(target.NamespaceProperty ?? slice.Metadata?.NamespaceProperty ?? "default", name, uid, [addresses[0]], ready);
            }
        }

        return [.. byUid.Values];
    }

    /// <summary>What a pod read for <paramref name="endpoint"/> means for the Service named <paramref name="serviceName"/>.</summary>
    public static GateVerdict Judge(V1Pod pod, PodEndpoint endpoint, string serviceName)
    {
        var type = ConditionType(serviceName);
        if (pod.Spec?.ReadinessGates?.Any(g => g.ConditionType == type) != true)
        {
            return GateVerdict.NotGated;
        }

        return endpoint.EndpointReady || Condition(pod, "ContainersReady")?.Status == "True" ? GateVerdict.Admitted
            : Condition(pod, type)?.Status == "True" ? GateVerdict.Passed
            : GateVerdict.Waiting;
    }

    /// <summary>
    /// The condition writes a turn owes its admitted pods once the load balancer holds its members: True for each member,
    /// False for a pod whose IP no ENI holds (upstream's invalid backend); none for a pod whose IP is outside the VPC (no
    /// member, as upstream skips it), nor where the pod already shows the same status, reason and message.
    /// </summary>
    public static IReadOnlyList<GateWrite> Writes(IEnumerable<GatedPod> admitted, IReadOnlySet<string> outsideVpc, IReadOnlySet<string> withoutEni)
    {
        var writes = new List<GateWrite>();
        foreach (var pod in admitted)
        {
            if (pod.Ips.Any(outsideVpc.Contains))
            {
                continue;
            }

            var (status, reason, message) = pod.Ips.Any(withoutEni.Contains)
                ? ("False", InvalidReason, InvalidMessage)
                : ("True", RegisteredReason, RegisteredMessage);
            if (pod.Gate is not { } shown || shown.Status != status || shown.Reason != reason || shown.Message != message)
            {
                writes.Add(new GateWrite(pod, status, reason, message, Transition: pod.Gate?.Status != status));
            }
        }

        return writes;
    }

    public static V1PodCondition? Condition(V1Pod pod, string type) => pod.Status?.Conditions?.FirstOrDefault(c => c.Type == type);
}

public enum GateVerdict
{
    /// <summary>The pod does not declare this Service's gate: its unready endpoint stays out, as any other.</summary>
    NotGated,

    /// <summary>Gated, but its containers are not ready: not a member yet; look again after <see cref="ReadinessGate.Recheck"/>.</summary>
    Waiting,

    /// <summary>Gated and otherwise ready: a member, whose gate we set once the load balancer holds it.</summary>
    Admitted,

    /// <summary>
    /// The gate is True already but the containers are not ready (a member's container restarting): no member, and no
    /// recheck, unlike upstream's 10 s polling: once they are ready the pod is Ready and its EndpointSlice says so.
    /// </summary>
    Passed,
}

/// <summary>A pod behind an endpoint that is not serving: its addresses (one per family) and whether the endpoint is ready anyway.</summary>
public sealed record PodEndpoint(string Namespace, string Name, string Uid, ImmutableArray<string> Ips, bool EndpointReady);

/// <summary>An admitted pod and its gate condition as read (null when not set yet).</summary>
public sealed record GatedPod(string Namespace, string Name, string Uid, ImmutableArray<string> Ips, V1PodCondition? Gate);

/// <summary>One status patch of a pod's gate condition; <paramref name="Transition"/> when its status changes.</summary>
public sealed record GateWrite(GatedPod Pod, string Status, string Reason, string Message, bool Transition);

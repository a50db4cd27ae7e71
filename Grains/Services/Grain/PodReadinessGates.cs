using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json.Nodes;
using Ccm.Kube.Client;
using k8s;
using k8s.Models;

namespace Ccm.Grains.Services;

/// <summary>
/// The pod reads and writes of <see cref="ReadinessGate"/>. The cluster cache holds no pods, on purpose: a pod informer
/// would keep every pod of the cluster in every silo (upstream's cached client does), for the few Services whose pods
/// carry a gate. Instead a turn reads by name only the pods behind endpoints that are not serving (a serving pod's
/// gates are all True already), and each of those at most once per pod UID when it has no gate of ours
/// (<c>spec.readinessGates</c> is immutable; <see cref="ServiceMemory.UngatedPods"/>). A Service with every pod ready
/// reads nothing. A read answers for now (404: the pod is gone, skip it), where upstream's cache may lag.
/// </summary>
public sealed class PodReadinessGates(IKubernetes kube, TimeProvider time)
{
    /// <summary>Reads at once per turn (the client's QPS limit still paces them).</summary>
    private const int ReadsAtOnce = 8;

    /// <summary>The pods this turn admits as members though their endpoints are not ready, and how many wait for their containers.</summary>
    public async Task<GatedPods> ReadAsync(V1Service service, IReadOnlyList<V1EndpointSlice> slices, ServiceMemory memory, CancellationToken cancellationToken)
    {
        var unconfirmed = ReadinessGate.Unconfirmed(slices);
        memory.UngatedPods = memory.UngatedPods.Intersect(unconfirmed.Select(p => p.Uid));
        var toRead = unconfirmed.Where(p => !memory.UngatedPods.Contains(p.Uid)).ToList();
        if (toRead.Count == 0)
        {
            return GatedPods.None;
        }

        var admitted = ImmutableArray.CreateBuilder<GatedPod>();
        var waiting = 0;
        foreach (var batch in toRead.Chunk(ReadsAtOnce))
        {
            var pods = await Task.WhenAll(batch.Select(p => ReadPodAsync(p, cancellationToken)));
            foreach (var (endpoint, pod) in batch.Zip(pods))
            {
                if (pod is null || pod.Metadata.Uid != endpoint.Uid)
                {
                    // Gone, or replaced by a pod of the same name that the slice will list under its own UID.
                    memory.UngatedPods = pod is null ? memory.UngatedPods.Add(endpoint.Uid) : memory.UngatedPods;
                    continue;
                }

                switch (ReadinessGate.Judge(pod, endpoint, service.Metadata.Name))
                {
                    case GateVerdict.NotGated:
                        memory.UngatedPods = memory.UngatedPods.Add(endpoint.Uid);
                        break;
                    case GateVerdict.Waiting:
                        waiting++;
                        break;
                    case GateVerdict.Passed:
                        break; // nothing to write or to wait for (see the verdict)
                    case GateVerdict.Admitted:
                        admitted.Add(new GatedPod(endpoint.Namespace, endpoint.Name, endpoint.Uid, endpoint.Ips,
                            ReadinessGate.Condition(pod, ReadinessGate.ConditionType(service.Metadata.Name))));
                        break;
                }
            }
        }

        return new GatedPods(admitted.ToImmutable(), waiting);
    }

    /// <summary>
    /// Patches each write's condition through the pods' <c>status</c> subresource, as upstream: a strategic merge of the
    /// one condition (merged by type, so the kubelet's conditions stay) carrying the pod's UID, so a pod recreated under
    /// the same name is not marked. A pod gone meanwhile needs nothing. Returns the failures, one line each.
    /// </summary>
    public async Task<IReadOnlyList<string>> WriteAsync(string serviceName, IReadOnlyList<GateWrite> writes, CancellationToken cancellationToken)
    {
        var failures = new List<string>();
        foreach (var write in writes)
        {
            try
            {
                await kube.CoreV1.PatchNamespacedPodStatusAsync(Patch(serviceName, write), write.Pod.Name, write.Pod.Namespace, cancellationToken: cancellationToken);
            }
            catch (Exception ex) when (ex.IsNotFound())
            {
                // Deleted meanwhile: no gate left to set.
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                failures.Add($"pod {write.Pod.Namespace}/{write.Pod.Name}: {KubeErrors.Describe(ex)}");
            }
        }

        return failures;
    }

    private V1Patch Patch(string serviceName, GateWrite write)
    {
        var condition = new JsonObject
        {
            ["type"] = ReadinessGate.ConditionType(serviceName),
            ["status"] = write.Status,
            ["reason"] = write.Reason,
            ["message"] = write.Message,
        };
        if (write.Transition)
        {
            condition["lastTransitionTime"] = time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        }

        return KubePatch.StrategicMerge(new JsonObject
        {
            ["metadata"] = new JsonObject { ["uid"] = write.Pod.Uid },
            ["status"] = new JsonObject { ["conditions"] = new JsonArray(condition) },
        });
    }

    private async Task<V1Pod?> ReadPodAsync(PodEndpoint endpoint, CancellationToken cancellationToken)
    {
        try
        {
            return await kube.CoreV1.ReadNamespacedPodAsync(endpoint.Name, endpoint.Namespace, cancellationToken: cancellationToken);
        }
        catch (Exception ex) when (ex.IsNotFound())
        {
            return null;
        }
    }
}

/// <summary>What <see cref="PodReadinessGates.ReadAsync"/> found: the admitted pods and how many wait for their containers.</summary>
public sealed record GatedPods(ImmutableArray<GatedPod> Admitted, int Waiting)
{
    public static GatedPods None { get; } = new([], 0);

    /// <summary>The admitted pods' UIDs, which <see cref="ReadyEndpoint.From"/> counts as ready.</summary>
    public IReadOnlySet<string> AdmittedUids => Admitted.Select(p => p.Uid).ToHashSet(StringComparer.Ordinal);
}

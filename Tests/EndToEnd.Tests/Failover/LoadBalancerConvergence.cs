using System.Globalization;
using System.Text.Json.Nodes;
using Ccm.Sandbox.Aliyun.Control;
using Ccm.Sandbox.Aliyun.State;
using Ccm.Sandbox.Kube;

namespace Ccm.EndToEnd.Tests.Failover;

/// <summary>
/// Where the Services of <c>type: LoadBalancer</c> stand against the OpenAPI emulator's state, read from both emulators'
/// stores: a Service has converged when exactly one CLB carries its ownership tag, its status shows that CLB's address,
/// and the CLB has one running listener per Service port, with the scheduler the Service's annotation names (when it
/// names one), whose vServer group holds exactly the expected nodes on that port's NodePort. A Service reusing a user's
/// CLB (the <c>-id</c> annotation) owns that CLB, which may carry the user's own listeners besides the Service's. A CLB
/// of the cluster whose owner is no live Service is leaked. Shared by the failover test, the chaos soak and the bench
/// (linked there), so all judge convergence alike.
/// </summary>
public sealed record LoadBalancerConvergence(IReadOnlyDictionary<string, string> Diverged, IReadOnlyList<string> Converged, IReadOnlyList<string> Leaked)
{
    public const string OwnerTagKey = "kubernetes.do.not.delete";
    public const string ClusterTagKey = "ack.aliyun.com";
    public const string ReuseAnnotation = "service.beta.kubernetes.io/alibaba-cloud-loadbalancer-id";

    public bool Complete => Diverged.Count == 0 && Leaked.Count == 0;

    /// <summary>The state now, for every LoadBalancer Service in any namespace; backends are <paramref name="instances"/> (ECS ids).</summary>
    public static LoadBalancerConvergence Read(KubeObjects kube, CloudControl cloud, string clusterId, IReadOnlyCollection<string> instances)
    {
        var snapshot = cloud.Snapshot;
        var ours = snapshot.LoadBalancers.Values.Where(lb => Tag(lb, ClusterTagKey) == clusterId).ToList();
        var byOwner = ours.ToLookup(lb => Tag(lb, OwnerTagKey) ?? "");
        var services = kube.List("services").Where(s => (string?)s["spec"]?["type"] == "LoadBalancer").ToList();
        var diverged = new Dictionary<string, string>(StringComparer.Ordinal);
        var converged = new List<string>();
        foreach (var service in services)
        {
            var name = $"{service["metadata"]!["namespace"]}/{service["metadata"]!["name"]}";
            var reused = (string?)service["metadata"]?["annotations"]?[ReuseAnnotation];
            List<LoadBalancer> owned = reused is null ? [.. byOwner[OwnerTag((string)service["metadata"]!["uid"]!)]] : cloud.LoadBalancer(reused) is { } adopted ? [adopted] : [];
            if (Divergence(service, owned, reused is not null, cloud, instances) is { } why)
            {
                diverged[name] = why;
            }
            else
            {
                converged.Add(name);
            }
        }

        var live = services.Where(s => s["metadata"]?["deletionTimestamp"] is null).Select(s => OwnerTag((string)s["metadata"]!["uid"]!)).ToHashSet(StringComparer.Ordinal);
        var leaked = ours.Where(lb => !live.Contains(Tag(lb, OwnerTagKey) ?? "")).Select(lb => $"{lb.LoadBalancerId} ({lb.LoadBalancerName})").ToList();
        return new LoadBalancerConvergence(diverged, converged, leaked);
    }

    /// <summary>The value of the ownership tag for a Service UID: <c>"a"</c> + the UID without dashes, 32 characters (upstream's default name).</summary>
    public static string OwnerTag(string uid) => ("a" + uid.Replace("-", "", StringComparison.Ordinal))[..32];

    public override string ToString() =>
        $"{Converged.Count} converged, {Diverged.Count} not: {string.Join("; ", Diverged.Take(5).Select(kv => $"{kv.Key}: {kv.Value}"))}" +
        (Leaked.Count == 0 ? "" : $"; leaked: {string.Join(", ", Leaked)}");

    private static string? Divergence(JsonNode service, IReadOnlyList<LoadBalancer> owned, bool reused, CloudControl cloud, IReadOnlyCollection<string> instances)
    {
        if (service["metadata"]?["deletionTimestamp"] is not null)
        {
            return "being deleted";
        }

        if (owned.Count != 1)
        {
            return $"{owned.Count} CLBs carry its ownership tag";
        }

        var lb = owned[0];
        var ingress = (string?)service["status"]?["loadBalancer"]?["ingress"]?[0]?["ip"];
        if (ingress != lb.Address)
        {
            return $"status shows {ingress ?? "no address"}, the CLB has {lb.Address}";
        }

        var ports = (service["spec"]?["ports"] as JsonArray ?? []).Select(p => (
            Key: Listener.KeyOf((int)p!["port"]!, ((string?)p["protocol"] ?? "TCP").ToLowerInvariant()),
            NodePort: (int?)p["nodePort"])).ToList();
        // A reused CLB keeps the user's listeners: only the Service's own must be there.
        var listeners = lb.Listeners.Keys.Where(k => !reused || ports.Any(p => p.Key == k)).Order(StringComparer.Ordinal);
        if (!ports.Select(p => p.Key).Order(StringComparer.Ordinal).SequenceEqual(listeners))
        {
            return $"listeners [{string.Join(", ", lb.Listeners.Keys)}], ports [{string.Join(", ", ports.Select(p => p.Key))}]";
        }

        var groups = cloud.VServerGroups(lb.LoadBalancerId).ToDictionary(g => g.VServerGroupId);
        var scheduler = (string?)service["metadata"]?["annotations"]?[ServiceChurn.SchedulerAnnotation];
        foreach (var (key, nodePort) in ports)
        {
            var listener = lb.Listeners[key];
            var wanted = instances.Select(i => $"{i}:{nodePort?.ToString(CultureInfo.InvariantCulture)}").Order(StringComparer.Ordinal);
            var members = listener.VServerGroupId is { } id && groups.TryGetValue(id, out var group)
                ? group.BackendServers.Select(b => $"{b.ServerId}:{b.Port.ToString(CultureInfo.InvariantCulture)}").Order(StringComparer.Ordinal).ToList()
                : [];
            if (listener.Status != "running" || !members.SequenceEqual(wanted))
            {
                return $"listener {key} is {listener.Status} with backends [{string.Join(", ", members)}]";
            }

            if (scheduler is not null && listener.Attributes.GetValueOrDefault("Scheduler") != scheduler)
            {
                return $"listener {key} schedules {listener.Attributes.GetValueOrDefault("Scheduler")}, the Service asks for {scheduler}";
            }
        }

        return null;
    }

    private static string? Tag(LoadBalancer lb, string key) => lb.Tags.FirstOrDefault(t => t.Key == key)?.Value;
}

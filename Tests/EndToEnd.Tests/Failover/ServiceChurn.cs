using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Ccm.Sandbox.Kube;

namespace Ccm.EndToEnd.Tests.Failover;

/// <summary>
/// Changes <c>type: LoadBalancer</c> Services in the Kubernetes emulator, one write per <see cref="Step"/>, as users and
/// their deploy tools do: until <see cref="Target"/> exist it creates; then it mostly switches a Service's scheduler
/// annotation between <c>rr</c> and <c>wrr</c> (a listener attribute), sometimes adds or removes port 443 (a listener and
/// its vServer group, whose creation the cloud limits to 1.4 a second), sometimes deletes one and creates another.
/// Each Service is named <c>{prefix}-NNNN</c> in <c>default</c>; when each was last written is kept, so a reader can tell
/// how long a change took to reach the cloud. Seeded, so a run repeats its sequence.
/// </summary>
public sealed class ServiceChurn(KubeObjects kube, string prefix, int target, int seed = 1)
{
    private readonly Random random = new(seed);
    private readonly List<string> live = [];
    private readonly ConcurrentDictionary<string, DateTimeOffset> changedAt = new(StringComparer.Ordinal);
    private int next;

    public int Target => target;

    public int Writes { get; private set; }

    public int Deleted { get; private set; }

    /// <summary>When each Service (<c>default/name</c>) was last created or changed; deleted ones are dropped.</summary>
    public IReadOnlyDictionary<string, DateTimeOffset> ChangedAt => changedAt;

    /// <summary>Creates <paramref name="count"/> Services at once (the starting set).</summary>
    public void CreateMany(int count)
    {
        for (var i = 0; i < count; i++)
        {
            Create();
        }
    }

    /// <summary>The annotation whose value each Service's listeners must carry as their <c>Scheduler</c>.</summary>
    public const string SchedulerAnnotation = "service.beta.kubernetes.io/alibaba-cloud-loadbalancer-scheduler";

    /// <summary>
    /// One write: a create while fewer than the target exist, else 65% a scheduler switch, 15% a port change, 10% a
    /// delete, 10% a create.
    /// </summary>
    public void Step()
    {
        var roll = random.NextDouble();
        if (live.Count < target || roll >= 0.9)
        {
            Create();
        }
        else if (roll < 0.65)
        {
            SwitchScheduler(live[random.Next(live.Count)]);
        }
        else if (roll < 0.8)
        {
            TogglePort(live[random.Next(live.Count)]);
        }
        else
        {
            Delete(live[random.Next(live.Count)]);
        }
    }

    private void Create()
    {
        var name = $"{prefix}-{next++:D4}";
        kube.Create(new JsonObject
        {
            ["apiVersion"] = "v1", ["kind"] = "Service",
            ["metadata"] = new JsonObject
            {
                ["name"] = name, ["namespace"] = "default", ["annotations"] = new JsonObject { [SchedulerAnnotation] = "rr" },
            },
            ["spec"] = new JsonObject { ["type"] = "LoadBalancer", ["ports"] = Ports(https: false) },
        });
        live.Add(name);
        Written(name);
    }

    private void SwitchScheduler(string name)
    {
        var now = (string?)kube.Get("services", "default", name)?["metadata"]?["annotations"]?[SchedulerAnnotation];
        kube.Patch("services", "default", name, KubePatchType.Merge,
            new JsonObject { ["metadata"] = new JsonObject { ["annotations"] = new JsonObject { [SchedulerAnnotation] = now == "rr" ? "wrr" : "rr" } } });
        Written(name);
    }

    private void TogglePort(string name)
    {
        var https = (kube.Get("services", "default", name)?["spec"]?["ports"] as JsonArray)?.Count == 1;
        kube.Patch("services", "default", name, KubePatchType.Merge, new JsonObject { ["spec"] = new JsonObject { ["ports"] = Ports(https) } });
        Written(name);
    }

    private void Delete(string name)
    {
        kube.Delete("services", "default", name);
        live.Remove(name);
        changedAt.TryRemove("default/" + name, out _);
        Writes++;
        Deleted++;
    }

    private void Written(string name)
    {
        changedAt["default/" + name] = DateTimeOffset.UtcNow;
        Writes++;
    }

    private static JsonArray Ports(bool https) => https
        ? [Port("http", 80), Port("https", 443)]
        : [Port("http", 80)];

    private static JsonObject Port(string name, int port) =>
        new() { ["name"] = name, ["port"] = port, ["protocol"] = "TCP", ["targetPort"] = port };
}

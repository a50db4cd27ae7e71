using Ccm.GrainInterfaces.State;

namespace Ccm.Bench.Dashboard;

/// <summary>
/// Grain states shaped like a busy cluster's: every Service with a CLB, two listeners of three backends, a recent
/// plan and Events; one in fifty failed with an error, so the pages have something to highlight.
/// </summary>
internal static class SyntheticGrainStates
{
    public static ServiceGrainState Service(int i, DateTimeOffset now)
    {
        var ns = $"team-{i % 50:00}";
        var name = $"svc-{i:00000}";
        var lb = $"lb-bp1bench{i:0000000000}";
        var failed = i % 50 == 0;
        return new ServiceGrainState
        {
            Key = $"{ns}/{name}",
            Namespace = ns,
            Name = name,
            Phase = failed ? GrainPhase.Failed : GrainPhase.Ready,
            Reason = failed ? "the cloud refused to add backends" : "in sync",
            LastError = failed ? new GrainError(now.AddSeconds(-30), "The backend server quota is reached.", "Throttling.User") : null,
            LoadBalancerId = lb,
            Address = $"192.168.{i / 250 % 256}.{i % 250 + 1}",
            AddressType = "intranet",
            Ownership = LoadBalancerOwnership.Owned,
            LastReconciledAt = now.AddSeconds(-i % 600),
            NextReminderAt = now.AddMinutes(10),
            BackendCount = 3,
            Listeners = [Listener(80, i), Listener(443, i)],
            RecentPlans =
            [
                new PlanRecord
                {
                    At = now.AddMinutes(-5),
                    Trigger = "signal",
                    Operations =
                    [
                        new OperationRecord("CreateLoadBalancer", $"{ns}/{name}", "slb.s1.small intranet", OperationOutcome.Succeeded),
                        new OperationRecord("CreateVServerGroup", $"k8s/80/{name}/{ns}/c-bench", null, OperationOutcome.Succeeded),
                        new OperationRecord("CreateLoadBalancerTCPListener", $"{lb}:80", null, OperationOutcome.Succeeded),
                    ],
                },
            ],
            RecentEvents = [new GrainEventRecord(now.AddMinutes(-5), failed, failed ? "SyncLoadBalancerFailed" : "EnsuredLoadBalancer", $"Ensured load balancer {lb}")],
        };
    }

    public static NodeGrainState Node(int i) => new()
    {
        Key = $"node-{i}",
        Phase = GrainPhase.Ready,
        InstanceId = $"i-bp1bench{i:000000}",
        ProviderId = $"cn-hangzhou.i-bp1bench{i:000000}",
        ProviderIdSource = ProviderIdSource.LookedUpByIp,
        RegionId = "cn-hangzhou",
        ZoneId = "cn-hangzhou-k",
        InstanceType = "ecs.g6.large",
        InstanceStatus = "Running",
        Initialized = true,
        InternalIps = [$"192.168.100.{i % 250 + 1}"],
    };

    private static ListenerSummary Listener(int port, int i) =>
        new(port, "tcp", "running", $"rsp-bp1bench{i:0000000000}-{port}", 3,
        [
            new BackendSummary("i-bp1bench000001", "ecs", 30000 + i % 2000, 100, "192.168.100.1", "node-1"),
            new BackendSummary("i-bp1bench000002", "ecs", 30000 + i % 2000, 100, "192.168.100.2", "node-2"),
            new BackendSummary("i-bp1bench000003", "ecs", 30000 + i % 2000, 100, "192.168.100.3", "node-3"),
        ]);
}

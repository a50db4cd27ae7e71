using Ccm.GrainInterfaces.State;

namespace Ccm.Silo.Tests.Dashboard;

/// <summary>Grain states as the grains publish them, built by hand for the dashboard's tests.</summary>
public static class SyntheticStates
{
    public static readonly DateTimeOffset At = DateTimeOffset.UtcNow.AddMinutes(-1);

    public static ServiceGrainState Service(string ns, string name, GrainPhase phase = GrainPhase.Ready, string? lb = "lb-bp1nginx", string? address = "192.168.0.10") => new()
    {
        Key = $"{ns}/{name}",
        Namespace = ns,
        Name = name,
        Phase = phase,
        LoadBalancerId = lb,
        Address = address,
        AddressType = "intranet",
        Ownership = LoadBalancerOwnership.Owned,
        LastReconciledAt = At,
        NextReminderAt = At.AddMinutes(10),
        BackendCount = 2,
        Listeners =
        [
            new ListenerSummary(80, "tcp", "running", "rsp-bp1web", 2,
            [
                new BackendSummary("i-bp1node1", "ecs", 30080, 100, "192.168.0.11", "node-1"),
                new BackendSummary("i-bp1node2", "ecs", 30080, 100, "192.168.1.12", "node-2"),
            ]),
        ],
        RecentPlans =
        [
            new PlanRecord
            {
                At = At,
                Trigger = "signal",
                Operations =
                [
                    new OperationRecord("CreateLoadBalancer", "default/nginx", "slb.s1.small intranet", OperationOutcome.Succeeded),
                    new OperationRecord("CreateLoadBalancerTCPListener", "lb-bp1nginx:80", null, OperationOutcome.Succeeded),
                ],
            },
        ],
        RecentEvents = [new GrainEventRecord(At, false, "EnsuredLoadBalancer", "Ensured load balancer lb-bp1nginx")],
    };

    public static ServiceGrainState FailedService(string ns, string name) => Service(ns, name, GrainPhase.Failed, lb: null, address: null) with
    {
        Reason = "the cloud refused to create the load balancer",
        LastError = new GrainError(At, "The specified VSwitch does not exist.", "InvalidVSwitchId.NotFound"),
        RecentPlans =
        [
            new PlanRecord
            {
                At = At,
                Operations = [new OperationRecord("CreateLoadBalancer", $"{ns}/{name}", null, OperationOutcome.Failed, "InvalidVSwitchId.NotFound", "The specified VSwitch does not exist.")],
            },
        ],
    };

    public static ServiceGrainState PendingService(string ns, string name) => Service(ns, name, GrainPhase.PlanPending, lb: null, address: null) with
    {
        Reason = "dry run: 1 operation planned",
        RecentPlans =
        [
            new PlanRecord
            {
                At = At,
                DryRun = true,
                Operations = [new OperationRecord("CreateLoadBalancer", $"{ns}/{name}", null, OperationOutcome.NotApplied)],
            },
        ],
    };

    public static NodeGrainState Node(string name, GrainPhase phase = GrainPhase.Ready) => new()
    {
        Key = name,
        Phase = phase,
        InstanceId = "i-bp1" + name.Replace("-", ""),
        ProviderId = "cn-hangzhou.i-bp1" + name.Replace("-", ""),
        ProviderIdSource = ProviderIdSource.LookedUpByIp,
        RegionId = "cn-hangzhou",
        ZoneId = "cn-hangzhou-k",
        InstanceType = "ecs.g6.large",
        InstanceStatus = "Running",
        Initialized = true,
        InternalIps = ["192.168.0.11"],
    };

    public static NodeGrainState VirtualNode(string name) => new()
    {
        Key = name,
        Phase = GrainPhase.Skipped,
        Reason = "virtual-kubelet node: no ECS instance",
    };

    public static RouteTableGrainState RouteTable(string id, bool full = false) => new()
    {
        Key = id,
        Phase = full ? GrainPhase.Failed : GrainPhase.Ready,
        VpcId = "vpc-bp1demo",
        RoutesPresent = 2,
        RoutesDesired = 3,
        CustomEntries = 200,
        Quota = 200,
        Full = full,
        LastPeriodAt = At,
        Routes = [new RouteSummary("172.20.1.0/24", "i-bp1node1", "node-1", "Available")],
    };
}

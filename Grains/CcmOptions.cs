using System.Collections.Immutable;
using System.Net;

namespace Ccm.Grains;

/// <summary>
/// What the grains need to know about the cluster and the cloud, resolved once at start from the flags, the
/// cloud-config and the instance metadata (the silo builds it; grains never read flags or files).
/// </summary>
public sealed record CcmOptions
{
    /// <summary>cloud-config <c>clusterID</c> (upstream default <c>clusterid</c>): the <c>ack.aliyun.com</c> tag value
    /// and the last segment of listener / vServer-group description keys.</summary>
    public required string ClusterId { get; init; }

    public required string RegionId { get; init; }

    public required string VpcId { get; init; }

    /// <summary>cloud-config <c>vswitchid</c> pairs, for intranet load balancers.</summary>
    public ImmutableArray<ZoneVSwitch> VSwitches { get; init; } = [];

    /// <summary>Which controllers run: <c>service</c>, <c>node</c>, <c>route</c>.</summary>
    public ImmutableHashSet<string> Controllers { get; init; } = ["service", "node", "route"];

    public bool ConfigureCloudRoutes { get; init; }

    /// <summary>Required when <see cref="ConfigureCloudRoutes"/>; routes are only ever deleted inside it.</summary>
    public IPNetwork? ClusterCidr { get; init; }

    /// <summary>cloud-config <c>routeTableIDs</c> (trimmed, deduplicated); empty means "discover the VPC's one table".</summary>
    public ImmutableArray<string> RouteTableIds { get; init; } = [];

    public string? ResourceGroupId { get; init; }

    /// <summary>cloud-config <c>serviceBackendType</c>: <c>eni</c> makes pod-IP backends the default.</summary>
    public bool DefaultEniBackends { get; init; }

    /// <summary>cloud-config <c>disablePublicSLB</c>: internet load balancers are refused.</summary>
    public bool DisablePublicSlb { get; init; }

    /// <summary>Compute and publish plans; make no cloud or Kubernetes writes.</summary>
    public bool DryRun { get; init; }

    /// <summary><c>--sg-batch-size</c>: backends per Add/Remove call.</summary>
    public int BackendBatchSize { get; init; } = 40;

    /// <summary><c>--max-concurrent-actions</c>: vServer groups whose members one Service changes at once.</summary>
    public int MaxConcurrentActions { get; init; } = 10;

    /// <summary>
    /// Service turns that may hold their desired members at once (<see cref="Services.ServiceTurnSlots"/>); 0 for no cap.
    /// Enough to keep the SLB budget busy (its calls wait for permits either way); each holds a member per node and port.
    /// </summary>
    public int ServiceTurnsWithMembers { get; init; } = 32;

    /// <summary>
    /// Service turns that may have started at once (<see cref="Services.ServiceTurnSlots.Started"/>); 0 for no cap. More
    /// than <see cref="ServiceTurnsWithMembers"/>, so turns past their reads always have others behind them reading, and
    /// enough to keep the SLB budget busy; the rest wait to start, idle, a change's before a resync's.
    /// </summary>
    public int ServiceTurnsStarted { get; init; } = 64;

    /// <summary><c>--route-reconcile-batch-size</c>: entries per CreateRouteEntries/DeleteRouteEntries call (API max 50).</summary>
    public int RouteBatchSize { get; init; } = 50;

    /// <summary><c>--node-reconcile-batch-size</c>: ids or IPs per DescribeInstances call (API max 100).</summary>
    public int NodeBatchSize { get; init; } = 100;

    /// <summary>
    /// Turn a new node's primary ENI's source/destination check off before removing its uninitialized taint (upstream's
    /// default; <c>--skip-disable-source-dest-check</c> turns this off). Route-based pod networks need it: the VPC drops
    /// a packet whose source or destination is a pod IP behind an ENI that checks.
    /// </summary>
    public bool DisableSourceDestCheck { get; init; } = true;

    /// <summary>
    /// Delete a route of our shape (<see cref="Routes.RouteOwnership"/>) that no live node claims. It collects the routes
    /// of nodes deleted while the CCM was down, and also a route a user made by hand inside the cluster CIDR towards an
    /// instance that is no node; upstream only replaces entries that conflict with a node's pod CIDR and keeps those.
    /// When false, only unclaimed entries whose description marks them as created here are deleted.
    /// </summary>
    public bool CollectUnclaimedRoutes { get; init; } = true;

    public TimeSpan ServiceResyncPeriod { get; init; } = TimeSpan.FromMinutes(10);

    public TimeSpan NodeResyncPeriod { get; init; } = TimeSpan.FromMinutes(5);

    public TimeSpan RouteReconciliationPeriod { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// When this silo's process started; null when unknown. At the first sync a converged-looking Service whose backends
    /// changed since then (<see cref="Watcher.ServiceRecency"/>) is a change, not a re-check: a watch would have brought it
    /// as one had it come a moment later.
    /// </summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>How often a Node left out of load balancers because its ECS instance does not exist is looked at again
    /// (see <c>MissingInstances</c>); its Services re-check as often, so they take the node back soon after it appears.</summary>
    public TimeSpan MissingInstanceRecheck { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Resolved feature gates (cloud-config's, overridden by <c>--feature-gates</c>).</summary>
    public ImmutableDictionary<string, bool> FeatureGates { get; init; } = ImmutableDictionary<string, bool>.Empty;

    public bool Runs(string controller) => Controllers.Contains(controller);

    /// <summary>Whether a feature gate is on (an unset or unknown gate is off).</summary>
    public bool Gate(string name) => FeatureGates.GetValueOrDefault(name);

    /// <summary>Upstream's alpha gate: Services annotated with a load balancer type are that type's controller's.</summary>
    public bool TypeAnnotationGate => Gate("LoadBalancerTypeAnnotation");
}

/// <summary>One cloud-config <c>vswitchid</c> entry: a vSwitch and its zone (which may be unknown).</summary>
public sealed record ZoneVSwitch(string? ZoneId, string VSwitchId);

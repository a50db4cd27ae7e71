using System.Runtime.ExceptionServices;
using Ccm.CloudClients.Ecs;
using Ccm.GrainInterfaces;
using Ccm.GrainInterfaces.State;
using Ccm.Grains.Cluster;
using Ccm.Grains.Observability;
using Ccm.Grains.Placement;
using Ccm.Grains.Reconcile;
using Ccm.Grains.State;
using Ccm.Kube.Client;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;

namespace Ccm.Grains.Nodes;

/// <summary>
/// One Node's ECS mapping (key: the node name). Each turn reads the Node from the cache, looks its instance up through
/// the silo's batched <see cref="IInstanceLookup"/>, plans with <see cref="NodePlanner"/>, applies with
/// <see cref="NodeExecutor"/> (or, in dry-run, only publishes the plan), and publishes a <see cref="NodeGrainState"/>.
/// </summary>
[GrainType("ccm-node")]
[OwnerPlacement]
public sealed partial class NodeGrain(
    IClusterCache cache, IInstanceLookup instances, NodeExecutor executor, IGrainStateBoard board, CcmOptions options,
    TimeProvider time, ILogger<NodeGrain> logger, UpstreamMetrics upstream, ReconcileServices services) : ReconcilerGrain(services), INodeGrain
{
    /// <summary>How soon a warning that may clear up by itself (an instance not visible yet) is looked at again.</summary>
    public static readonly TimeSpan WarningRecheck = TimeSpan.FromMinutes(1);

    /// <summary>How soon a turn that acted on a Node older than the API server's looks again (the watch catches up in ms).</summary>
    public static readonly TimeSpan StaleNodeRecheck = TimeSpan.FromSeconds(1);

    private NodeGrainState? state;
    private (Instance Instance, DateTimeOffset At)? lastFound;
    private string? sourceDestCheckOffFor;
    private bool fromReminder;
    private ProviderIdSource source = ProviderIdSource.Kubelet;

    protected override string Kind => "node";

    protected override TimeSpan? ResyncPeriod => options.NodeResyncPeriod;

    protected override void Withdraw() => board.Remove<NodeGrainState>(this.GetPrimaryKeyString());

    protected override async Task<ReconcileResult> ReconcileAsync(ReconcileTurn reconcile, CancellationToken cancellationToken)
    {
        fromReminder = reconcile.Kind == SignalKind.Resync; // the periodic refresh always asks the cloud afresh
        var name = this.GetPrimaryKeyString();
        if (!cache.HasSynced)
        {
            Publish(Current(name) with { Phase = GrainPhase.Pending, Reason = "waiting for the cluster cache to sync" });
            return ReconcileResult.RequeueAfter(TimeSpan.FromSeconds(2));
        }

        if (cache.GetNode(name) is not { } node)
        {
            Forget(name);
            return ReconcileResult.Done;
        }

        using var timing = upstream.NodeTurn(NodeFacts.HasTaint(node, NodeLabels.UninitializedTaint) ? NodeVerb.RemoveTaint : NodeVerb.Reconcile);
        var trigger = reconcile.Trigger;
        var identity = NodeIdentity.Of(node, options.RegionId);
        var lookup = await LookupAsync(node, identity, NeedsSourceDestCheck(node, identity), cancellationToken);
        fromReminder = false;
        var context = new NodePlanContext(options.RegionId, options.VpcId, NodeWithInstance(node, identity, lookup), options.DisableSourceDestCheck);
        var plan = NodePlanner.Plan(node, lookup, context);
        var execution = options.DryRun || plan.Operations.Count == 0 ? null : await executor.ApplyAsync(node, plan.Operations, cancellationToken);
        RememberSourceDestCheck(plan, lookup, execution);
        if (plan.Operations.OfType<SetProviderId>().Any() && execution is { Failure: null })
        {
            source = ProviderIdSource.LookedUpByIp;
        }

        var turn = new NodeTurn(execution?.Node ?? node, plan, execution, options.DryRun);
        Publish(turn.State(Current(name), source, time.GetUtcNow(), trigger));
        if (execution is { Deleted: true })
        {
            LogDeleted(name, plan.Reason);
        }

        if (execution?.Failure is { } stale && IsStaleView(stale))
        {
            // The cache had not yet seen a write (often this grain's own, moments ago: a watch event lags its write),
            // and the taint patch's test precondition refused to act on that old view. Nothing is wrong; plan again
            // from the Node the watch delivers instead of logging a failure and backing off.
            LogStaleView(name, KubeErrors.Describe(stale));
            return ReconcileResult.RequeueAfter(StaleNodeRecheck);
        }

        if (execution?.Failure is { } failure)
        {
            ExceptionDispatchInfo.Throw(failure);
        }

        return plan.Warning switch
        {
            { Terminal: true } warning => throw new TerminalException(warning.Message),
            not null => ReconcileResult.RequeueAfter(WarningRecheck < options.NodeResyncPeriod ? WarningRecheck : options.NodeResyncPeriod),
            _ => ReconcileResult.Done,
        };
    }

    private async Task<InstanceLookup?> LookupAsync(V1Node node, NodeIdentity identity, bool withSourceDestCheck, CancellationToken cancellationToken)
    {
        try
        {
            return identity switch
            {
                NodeIdentity.Unknown unknown => Remember(await instances.FindByPrivateIpAsync(unknown.PrivateIp, withSourceDestCheck, cancellationToken)),
                NodeIdentity.Known known when !withSourceDestCheck && Reusable(node, known) is { } instance => new InstanceLookup([instance]),
                NodeIdentity.Known known => Remember(await instances.FindByIdAsync(known.ProviderId.InstanceId, withSourceDestCheck, cancellationToken)),
                _ => null,
            };
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var at = time.GetUtcNow();
            Publish(Current(node.Metadata.Name!) with
            {
                Phase = GrainPhase.Failed, Reason = "the ECS instance lookup failed; retrying", LastError = new GrainError(at, ex.Message), LastReconciledAt = at,
            });
            throw;
        }
    }

    /// <summary>
    /// The instance found since the last periodic refresh, for a Ready node outside such a refresh. Our own writes echo
    /// back as watch events, and with the Kubernetes client's QPS limit a scale-up's echoes arrive over minutes, not
    /// seconds: re-reading the instance for each would cost DescribeInstances calls in small batches. Nothing a Ready
    /// node's turn decides needs a fresher instance than the refresh period promises; a NotReady node is always asked
    /// afresh, because then the instance's status decides the shutdown taint and deletion.
    /// </summary>
    private Instance? Reusable(V1Node node, NodeIdentity.Known known) =>
        !fromReminder && NodeFacts.IsReady(node) && lastFound is { } found
            && found.Instance.InstanceId == known.ProviderId.InstanceId && time.GetUtcNow() - found.At < options.NodeResyncPeriod
            ? found.Instance
            : null;

    /// <summary>
    /// Whether this turn must read the primary ENI's source/destination check: the node still has its uninitialized
    /// taint, and this activation has not already seen the check off on its instance (our own write, or a read, moments
    /// ago: a turn that turned it off and then lost the taint patch to a newer Node must not write or read it again).
    /// </summary>
    private bool NeedsSourceDestCheck(V1Node node, NodeIdentity identity) =>
        options.DisableSourceDestCheck && NodeFacts.HasTaint(node, NodeLabels.UninitializedTaint)
        && !(identity is NodeIdentity.Known known && known.ProviderId.InstanceId == sourceDestCheckOffFor);

    private void RememberSourceDestCheck(NodePlan plan, InstanceLookup? lookup, NodeExecution? execution)
    {
        if (plan.Instance is not { PrimaryNetworkInterfaceId: { } eni } instance)
        {
            return;
        }

        var readOff = lookup?.SourceDestCheck.TryGetValue(eni, out var on) == true && !on;
        var turnedOff = execution is not null
            && plan.Operations.Zip(execution.Operations).Any(p => p.First is DisableSourceDestCheck && p.Second.Outcome == OperationOutcome.Succeeded);
        if (readOff || turnedOff)
        {
            sourceDestCheckOffFor = instance.InstanceId;
        }
    }

    private InstanceLookup Remember(InstanceLookup lookup)
    {
        lastFound = lookup.Single is { } instance ? (instance, time.GetUtcNow()) : null;
        return lookup;
    }

    /// <summary>For a node found by IP: another Node that already names that instance (a stale Node whose IP was reused).</summary>
    private string? NodeWithInstance(V1Node node, NodeIdentity identity, InstanceLookup? lookup) =>
        identity is NodeIdentity.Unknown && lookup?.Single is { } instance
            ? cache.ListNodes().FirstOrDefault(n => n.Metadata.Name != node.Metadata.Name
                && ProviderId.TryParse(n.Spec?.ProviderID, out var id) && id.Value.InstanceId == instance.InstanceId)?.Metadata.Name
            : null;

    private void Forget(string name)
    {
        state = null;
        board.Remove<NodeGrainState>(name);
        Retire();
    }

    private NodeGrainState Current(string name) => state ?? new NodeGrainState { Key = name, Phase = GrainPhase.Pending };

    private void Publish(NodeGrainState next)
    {
        state = next with { NextReminderAt = NextResyncAt };
        board.Publish(state);
    }

    /// <summary>A JSON patch <c>test</c> that failed (422) or a resourceVersion precondition (409): the Node moved on.</summary>
    private static bool IsStaleView(Exception error) =>
        error.IsConflict() || (error.IsInvalid() && KubeErrors.Describe(error).Contains("test failed", StringComparison.Ordinal));

    [LoggerMessage(Level = LogLevel.Debug, Message = "Node {Node} changed since the cache's copy ({Detail}); planning again from the newer one")]
    private partial void LogStaleView(string node, string detail);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted node {Node}: {Reason}")]
    private partial void LogDeleted(string node, string reason);
}

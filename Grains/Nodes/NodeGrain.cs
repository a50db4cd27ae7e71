using System.Runtime.ExceptionServices;
using Ccm.CloudClients.Ecs;
using Ccm.GrainInterfaces;
using Ccm.GrainInterfaces.State;
using Ccm.Grains.Cluster;
using Ccm.Grains.State;
using Ccm.Kube.Models;
using Ccm.Runtime;
using Microsoft.Extensions.Logging;

namespace Ccm.Grains.Nodes;

/// <summary>
/// One Node's ECS mapping (key: the node name). Each turn reads the Node from the cache, looks its instance up through
/// the silo's batched <see cref="IInstanceLookup"/>, plans with <see cref="NodePlanner"/>, applies with
/// <see cref="NodeExecutor"/> (or, in dry-run, only publishes the plan), and publishes a <see cref="NodeGrainState"/>.
/// </summary>
public sealed partial class NodeGrain(
    IClusterCache cache, IInstanceLookup instances, NodeExecutor executor, IGrainStateBoard board, CcmOptions options,
    TimeProvider time, ILogger<NodeGrain> logger) : ReconcilerGrain, INodeGrain, IRemindable
{
    public const string ReminderName = "node-resync";

    /// <summary>A Ready node's instance found this recently is not asked for again: our own writes echo back as watch
    /// events, and re-reading the instance for each would cost a DescribeInstances per write.</summary>
    public static readonly TimeSpan InstanceReuse = TimeSpan.FromSeconds(30);

    /// <summary>How soon a warning that may clear up by itself (an instance not visible yet) is looked at again.</summary>
    public static readonly TimeSpan WarningRecheck = TimeSpan.FromMinutes(1);

    private NodeGrainState? state;
    private IGrainReminder? reminder;
    private (Instance Instance, DateTimeOffset At)? lastFound;
    private bool fromReminder;
    private ProviderIdSource source = ProviderIdSource.Kubelet;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Registering writes durable storage; an activation only does it when the reminder is missing or stale.
        reminder = await GetReminder(ReminderName);
        if (reminder is null || reminder.Period != options.NodeResyncPeriod)
        {
            reminder = await RegisterOrUpdateReminder(ReminderName, options.NodeResyncPeriod, options.NodeResyncPeriod);
        }
    }

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        fromReminder = true; // the periodic refresh always asks the cloud afresh
        GrainFactory.Signal<INodeGrain>(GetPrimaryKeyString());
        return Task.CompletedTask;
    }

    protected override async Task<ReconcileResult> ReconcileAsync(CancellationToken cancellationToken)
    {
        var name = GetPrimaryKeyString();
        if (!cache.HasSynced)
        {
            Publish(Current(name) with { Phase = GrainPhase.Pending, Reason = "waiting for the cluster cache to sync" });
            return ReconcileResult.RequeueAfter(TimeSpan.FromSeconds(2));
        }

        if (cache.GetNode(name) is not { } node)
        {
            await ForgetAsync(name);
            return ReconcileResult.Done;
        }

        var trigger = fromReminder ? "reminder" : "signal";
        var identity = NodeIdentity.Of(node, options.RegionId);
        var lookup = await LookupAsync(node, identity, cancellationToken);
        fromReminder = false;
        var plan = NodePlanner.Plan(node, lookup, new NodePlanContext(options.RegionId, options.VpcId, NodeWithInstance(node, identity, lookup)));
        var execution = options.DryRun || plan.Operations.Count == 0 ? null : await executor.ApplyAsync(node, plan.Operations, cancellationToken);
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

    private async Task<InstanceLookup?> LookupAsync(Node node, NodeIdentity identity, CancellationToken cancellationToken)
    {
        try
        {
            return identity switch
            {
                NodeIdentity.Unknown unknown => Remember(await instances.FindByPrivateIpAsync(unknown.PrivateIp, cancellationToken)),
                NodeIdentity.Known known when Reusable(node, known) is { } instance => new InstanceLookup([instance]),
                NodeIdentity.Known known => Remember(await instances.FindByIdAsync(known.ProviderId.InstanceId, cancellationToken)),
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
    /// The instance found moments ago, for a Ready node outside a periodic refresh. A NotReady node is always asked
    /// afresh: then the instance's status decides the shutdown taint and deletion.
    /// </summary>
    private Instance? Reusable(Node node, NodeIdentity.Known known) =>
        !fromReminder && NodeFacts.IsReady(node) && lastFound is { } found
            && found.Instance.InstanceId == known.ProviderId.InstanceId && time.GetUtcNow() - found.At < InstanceReuse
            ? found.Instance
            : null;

    private InstanceLookup Remember(InstanceLookup lookup)
    {
        lastFound = lookup.Single is { } instance ? (instance, time.GetUtcNow()) : null;
        return lookup;
    }

    /// <summary>For a node found by IP: another Node that already names that instance (a stale Node whose IP was reused).</summary>
    private string? NodeWithInstance(Node node, NodeIdentity identity, InstanceLookup? lookup) =>
        identity is NodeIdentity.Unknown && lookup?.Single is { } instance
            ? cache.ListNodes().FirstOrDefault(n => n.Metadata.Name != node.Metadata.Name
                && ProviderId.TryParse(n.Spec?.ProviderID, out var id) && id.Value.InstanceId == instance.InstanceId)?.Metadata.Name
            : null;

    private async Task ForgetAsync(string name)
    {
        await UnregisterReminder(ReminderName);
        reminder = null;
        state = null;
        board.Remove<NodeGrainState>(name);
        DeactivateOnIdle();
    }

    private NodeGrainState Current(string name) => state ?? new NodeGrainState { Key = name, Phase = GrainPhase.Pending };

    private void Publish(NodeGrainState next)
    {
        state = next with { NextReminderAt = reminder is null ? null : ReminderTicks.NextTick(reminder, time.GetUtcNow()) };
        board.Publish(state);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted node {Node}: {Reason}")]
    private partial void LogDeleted(string node, string reason);
}

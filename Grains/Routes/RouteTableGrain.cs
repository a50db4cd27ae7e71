using System.Runtime.ExceptionServices;
using Ccm.CloudClients.Transport;
using Ccm.CloudClients.Vpc;
using Ccm.GrainInterfaces;
using Ccm.GrainInterfaces.State;
using Ccm.Grains.Cluster;
using Ccm.Grains.Events;
using Ccm.Grains.Observability;
using Ccm.Grains.Placement;
using Ccm.Grains.Reconcile;
using Ccm.Grains.State;
using Ccm.Kube.Client;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;

namespace Ccm.Grains.Routes;

/// <summary>
/// Every pod-CIDR route of one VPC route table (key: the table id). Each turn reads the Nodes from the cache and the
/// table's Custom entries from the cloud (all pages), plans with <see cref="RoutePlanner"/>, applies with
/// <see cref="RouteExecutor"/> (or, in dry-run, only publishes the plan), records Warning Events on the Nodes
/// affected, reports which node routes the table holds to <see cref="RouteCoverageBoard"/> for
/// <see cref="NetworkConditionGrain"/>, and publishes a <see cref="RouteTableGrainState"/>. Woken by the watcher on
/// node changes and by a reminder every <c>--route-reconciliation-period</c>, which repairs drift made outside.
/// </summary>
[GrainType("ccm-routetable")]
[RouteGroupPlacement]
public sealed partial class RouteTableGrain(
    IClusterCache cache, IVpcClient vpc, RouteExecutor executor, RouteCoverageBoard coverage, IEventRecorder events, IGrainStateBoard board,
    CcmOptions options, TimeProvider time, ILogger<RouteTableGrain> logger, UpstreamMetrics upstream, ReconcileServices services)
    : ReconcilerGrain(services), IRouteTableGrain, IRemindable
{
    public const string ReminderName = "route-reconcile";

    /// <summary>How soon a table whose entries are still settling is read again (doubling while it stays so, up to <see cref="MaxRecheck"/>).</summary>
    public static readonly TimeSpan SettleRecheck = TimeSpan.FromSeconds(2);

    public static readonly TimeSpan MaxRecheck = TimeSpan.FromSeconds(30);

    private readonly RouteTableMemory memory = new();
    private RouteTableGrainState? state;
    private DateTimeOffset? nextReminderAt;
    private bool fromReminder;

    protected override string Kind => "routetable";

    protected override string PlacementKey => RouteGroupPlacement.Group;

    // Node events come in bursts (a scale-up registers nodes one by one; each is initialised in several writes): one
    // table read and one batch of writes per second at most, rather than one of each per event.
    protected override TimeSpan SignalDelay => TimeSpan.FromSeconds(1);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await base.OnActivateAsync(cancellationToken);

        // An Orleans reminder in the Kubernetes-backed table: the period survives restarts and failover. Registering
        // with the same name and period again only rewrites the row, so it is done once per activation.
        await this.RegisterOrUpdateReminder(ReminderName, options.RouteReconciliationPeriod, options.RouteReconciliationPeriod, cancellationToken);
        nextReminderAt = time.GetUtcNow() + options.RouteReconciliationPeriod;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        coverage.Forget(this.GetPrimaryKeyString());
        return base.OnDeactivateAsync(reason, cancellationToken);
    }

    protected override void Withdraw() => board.Remove<RouteTableGrainState>(this.GetPrimaryKeyString());

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        // A tick only wakes the grain: the reconcile runs as an ordinary turn, with its backoff on failure. Ticks can be
        // missed or doubled when the reminder's owner changes; a doubled turn reads and writes nothing new.
        fromReminder = true;
        nextReminderAt = status.CurrentTickTime + status.Period;
        return Signal(SignalKind.Resync);
    }

    protected override async Task<ReconcileResult> ReconcileAsync(ReconcileTurn reconcile, CancellationToken cancellationToken)
    {
        var tableId = this.GetPrimaryKeyString();
        if (!cache.HasSynced)
        {
            Publish(Current(tableId) with { Phase = GrainPhase.Pending, Reason = "waiting for the cluster cache to sync" });
            return ReconcileResult.RequeueAfter(SettleRecheck);
        }

        using var timing = upstream.RouteReconcile();
        var period = fromReminder;
        fromReminder = false;
        if (period)
        {
            memory.StartPeriod(); // a full table and refused routes are tried again once a period, never hot
        }

        var nodes = RouteNodeSet.From(cache.ListNodes());
        var entries = await ReadAsync(tableId, cancellationToken);
        var plan = RoutePlanner.Plan(new RoutePlanInput
        {
            RouteTableId = tableId, Nodes = nodes, Entries = entries, ClusterCidr = options.ClusterCidr, CacheSynced = cache.HasSynced,
            CollectUnclaimed = options.CollectUnclaimedRoutes,
            BatchSize = options.RouteBatchSize, Room = memory.Room(entries.Count), Rejected = memory.Rejected, ObservedAt = time.GetUtcNow(),
        });
        var execution = options.DryRun || plan.Operations.Count == 0 ? null : await executor.ApplyAsync(tableId, plan.Operations, cancellationToken);
        var turn = new RouteTableTurn(tableId, plan, execution, entries.Count, memory.Quota, options.DryRun);
        memory.Learn(turn);
        Finish(turn, period ? "reminder" : "signal", period);
        if (execution?.Failure is { } failure)
        {
            ExceptionDispatchInfo.Throw(failure);
        }

        return memory.NextCheck(turn, SettleRecheck, MaxRecheck) is { } delay ? ReconcileResult.RequeueAfter(delay) : ReconcileResult.Done;
    }

    /// <summary>The table's Custom entries, all pages. An unknown table fails this grain alone, terminally.</summary>
    private async Task<IReadOnlyList<RouteEntry>> ReadAsync(string tableId, CancellationToken cancellationToken)
    {
        try
        {
            var entries = new List<RouteEntry>();
            var request = new DescribeRouteEntryListRequest { RouteTableId = tableId, RouteEntryType = RouteOwnership.CustomType };
            await foreach (var entry in vpc.DescribeRouteEntryListAsync(request, cancellationToken))
            {
                entries.Add(entry);
            }

            return entries;
        }
        catch (OpenApiException e) when (RouteErrors.IsTableNotFound(e.Code))
        {
            var message = $"Route table {tableId} does not exist in region {options.RegionId} ({e.Code}): correct routeTableIDs in the cloud-config";
            var at = time.GetUtcNow();
            coverage.Report(new TableCoverage(tableId, [], at, "the route table does not exist"));
            SignalNetworkCondition();
            Publish(Current(tableId) with { Phase = GrainPhase.Failed, Reason = message, LastError = new GrainError(at, message, e.Code), LastReconciledAt = at });
            throw new TerminalException(message, e); // checked again each period; the other tables are not affected
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var at = time.GetUtcNow();
            Publish(Current(tableId) with
            {
                Phase = GrainPhase.Failed, Reason = "reading the route table failed; retrying", LastError = new GrainError(at, e.Message, (e as OpenApiException)?.Code),
                LastReconciledAt = at,
            });
            throw;
        }
    }

    private void Finish(RouteTableTurn turn, string trigger, bool period)
    {
        var at = time.GetUtcNow();
        var raised = RouteTableEvents.Of(turn, Current(turn.RouteTableId));
        foreach (var e in raised.Where(_ => !options.DryRun))
        {
            var node = cache.GetNode(e.NodeName);
            events.Record(node is null ? new V1ObjectReference { ApiVersion = "v1", Kind = "Node", Name = e.NodeName } : ObjectReferences.For(node),
                EventSeverity.Warning, e.Reason, e.Message);
        }

        foreach (var stale in turn.Execution?.Deleted ?? [])
        {
            LogDeleted(stale.DestinationCidrBlock, stale.NextHopId, turn.RouteTableId, stale.Reason);
        }

        coverage.Report(turn.Coverage(at));
        SignalNetworkCondition();
        Publish(turn.State(Current(turn.RouteTableId), [.. raised.Select(e => new GrainEventRecord(at, true, e.Reason, $"{e.NodeName}: {e.Message}"))], at, trigger, period));
    }

    private RouteTableGrainState Current(string tableId) =>
        state ?? new RouteTableGrainState { Key = tableId, Phase = GrainPhase.Pending, VpcId = options.VpcId };

    private void Publish(RouteTableGrainState next)
    {
        state = next with { NextReminderAt = nextReminderAt };
        board.Publish(state);
    }

    // The writer of NetworkUnavailable shares this silo (route group placement), so its board is ours; a one-way hint.
    private void SignalNetworkCondition() =>
        _ = GrainFactory.GetGrain<INetworkConditionGrain>(NetworkConditionGrain.Key).Signal(SignalKind.Event);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted stale route {DestinationCidrBlock} -> {NextHopId} from route table {RouteTableId}: {Reason}")]
    private partial void LogDeleted(string destinationCidrBlock, string nextHopId, string routeTableId, string reason);
}

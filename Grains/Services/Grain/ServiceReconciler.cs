using System.Collections.Immutable;
using Ccm.GrainInterfaces;
using Ccm.GrainInterfaces.State;
using Ccm.Grains.Cluster;
using k8s;
using k8s.Models;
using Ccm.Grains.Reconcile;
using Microsoft.Extensions.Logging;

namespace Ccm.Grains.Services;

/// <summary>
/// One turn of a Service grain, top to bottom: read the cache, check the Service, find and read the load balancer,
/// build the desired state, plan, add the finalizer, apply, write the status, report. Every rule is in the planner;
/// every side effect is here. Separate from <see cref="ServiceGrain"/> so tests can run turns without a silo.
/// </summary>
public sealed class ServiceReconciler(
    IClusterCache cache, LoadBalancerFinder finder, EniResolver enis, ServiceEips eips, PodReadinessGates gates, ServiceExecutor executor, ServiceStatusWriter status,
    ServiceEvents events, ServiceStatePublisher state, MissingInstances missingInstances, ServiceTurnSlots slots, CcmOptions options, TimeProvider time,
    ILogger<ServiceReconciler> logger)
{
    private static readonly TimeSpan SyncWait = TimeSpan.FromSeconds(2);

    /// <summary>Plans one turn may make: each further one leaves out a node SLB refused (its instance does not exist).</summary>
    private const int PlansPerTurn = 3;

    public async Task<ServiceTurn> ReconcileAsync(string key, ServiceMemory memory, CancellationToken cancellationToken)
    {
        var trigger = memory.NextTrigger;
        memory.NextTrigger = "signal";
        if (!cache.HasSynced)
        {
            // An object missing from an unsynced cache proves nothing; never act on it.
            return new ServiceTurn(ReconcileResult.RequeueAfter(SyncWait), false);
        }

        var (ns, name) = GrainKeys.ParseService(key);
        var service = cache.GetService(ns, name);
        if (service is null)
        {
            state.Remove(key);
            return ServiceTurn.Retired;
        }

        if (!ServicePredicates.IsManaged(service, options.TypeAnnotationGate))
        {
            state.Publish(key, memory, GrainPhase.Skipped, "not a LoadBalancer Service for this controller");
            return ServiceTurn.Retired;
        }

        try
        {
            return ServicePredicates.NeedsCleanup(service, options.TypeAnnotationGate)
                ? await CleanUpAsync(key, service, memory, trigger, cancellationToken)
                : await EnsureAsync(key, service, memory, trigger, PlansPerTurn, cancellationToken);
        }
        catch (Exception ex) when (ex is not (TerminalException or ServiceSyncException or OperationCanceledException))
        {
            // A read or a Kubernetes write failed (throttled, unreachable, a stale resourceVersion): say so on the
            // Service and the dashboard, then let the runtime retry with backoff.
            var code = (ex as CloudClients.Transport.OpenApiException)?.Code;
            var message = (ex as CloudClients.Transport.OpenApiException)?.Message ?? ex.Message;
            events.Warning(service, memory, ServiceEvents.Failed, message);
            memory.ForgetGroups();
            state.Publish(key, memory, GrainPhase.Failed, "retrying with backoff", state.Error(message, code));
            throw;
        }
    }

    private async Task<ServiceTurn> EnsureAsync(string key, V1Service service, ServiceMemory memory, string trigger, int plansLeft, CancellationToken ct)
    {
        var slices = cache.GetEndpointSlices(service.Metadata.NamespaceProperty!, service.Metadata.Name!);
        var gated = await gates.ReadAsync(service, slices, memory, ct);

        // The load balancer is found and read by what the Service says, not by its node members: those are built only
        // once the reads are done. A turn queued for SLB permits (thousands queue at 10 calls/s) then holds no list of
        // every node (2,000 members per port under externalTrafficPolicy: Cluster), and a bad annotation is still
        // refused before any cloud call.
        var (outline, errors) = DesiredStateBuilder.Outline(service, slices, options, gated.AdmittedUids);
        if (outline is null)
        {
            throw Refuse(key, service, memory, errors);
        }

        var (loadBalancer, ownership) = await FindAsync(key, service, memory, outline.Identity, outline.AdoptedLoadBalancerId, ct);
        if (loadBalancer is null && outline.IsAdopted)
        {
            throw Refuse(key, service, memory, [new AnnotationError(AnnotationCatalog.LoadBalancerId.Name, outline.AdoptedLoadBalancerId!,
                $"the id of an existing load balancer in region {options.RegionId}")]);
        }

        if (loadBalancer is null && service.Status?.LoadBalancer?.Ingress is { Count: > 0 } shown)
        {
            // Upstream's rule: the load balancer was there and is gone (deleted by hand?); recreating a paid resource
            // behind the user's back is worse than asking.
            throw Refuse(key, service, memory, [new AnnotationError("status.loadBalancer.ingress", shown[0].Ip ?? shown[0].Hostname ?? "",
                "no address: this Service's load balancer no longer exists; delete and recreate the Service to get a new one")]);
        }

        var actual = loadBalancer is null ? null : await finder.ReadAsync(loadBalancer, ownership, ReadRequest.For(outline, memory.Groups), ct);

        // From here to its end the turn holds a member per node and port: only so many turns at once (a cloud wait).
        using var slot = await slots.EnterAsync(ct);
        var (nodes, leftOut) = await missingInstances.ExcludeAsync(cache.ListNodes(), ct);
        // The outline passed every check on the same inputs but the nodes, which no check reads.
        var desired = DesiredStateBuilder.Build(service, nodes, slices, options, gated.AdmittedUids).Desired!;
        var (missingEnis, outsideVpc) = (ImmutableArray<string>.Empty, ImmutableArray<string>.Empty);
        if (desired.UnresolvedPodIps is { Count: > 0 } podIps)
        {
            var found = await enis.ResolveAsync(podIps, desired.Ipv6Backends, ct);
            if (!found.OutsideVpc.IsEmpty)
            {
                events.Warning(service, memory, ServiceEvents.Skipped,
                    $"pod IPs outside VPC {options.VpcId} cannot be load balancer members and are skipped: {string.Join(", ", found.OutsideVpc)}");
            }

            (missingEnis, outsideVpc) = (found.Missing, found.OutsideVpc);
            desired = desired.WithEnis(found.EniByIp);
        }

        Report(service, memory, AnnotationNotices.Of(service, desired, actual?.LoadBalancer.AddressType ?? desired.LoadBalancer.AddressType, options));
        var plan = ServicePlanner.Plan(desired, actual, new PlanOptions(options.BackendBatchSize, memory.RemovesFirst, !missingEnis.IsEmpty));
        if (!plan.Conflicts.IsEmpty)
        {
            throw Refuse(key, service, memory, plan.Conflicts);
        }

        foreach (var note in plan.Notes)
        {
            events.Warning(service, memory, ServiceEvents.Skipped, note);
        }

        var eip = await eips.EnsureAsync(service, desired, actual, ct);
        ImmutableArray<ServiceOperation> operations = [.. plan.Operations, .. eip.Operations];
        var records = new ServiceRecords(plan.AddedTags, eip.MayOwn);
        var context = new ExecutionContext(actual, desired);
        if (options.DryRun)
        {
            memory.Remember(Record(trigger, ExecutionResult.NotApplied(operations), dryRun: true));
            state.Publish(key, memory, GrainPhase.PlanPending, Summary(operations.Length, "planned (dry run)"), null,
                ServiceStatePublisher.Describe(desired, actual, context, applied: false));
            return ServiceTurn.Done;
        }

        if (plansLeft == PlansPerTurn)
        {
            // (A second plan of the turn finds the finalizer added; the cached Service predates that write.)
            await status.AddFinalizerAsync(service, ct);
        }

        // What is about to be added is recorded before it exists, so no crash in between can leave it unrecorded.
        var written = await status.WriteRecordsAsync(service, desired.Records.Union(records), ct);
        var result = new ExecutionResult([], null);
        if (!operations.IsEmpty)
        {
            events.Normal(service, memory, ServiceEvents.Ensuring, "Ensuring load balancer");
            result = await executor.ApplyAsync(operations, context, ct);
            memory.Remember(Record(trigger, result, dryRun: false));
            if (!result.Succeeded)
            {
                // The quota hit means our adds came before our removes: next turn removes first (upstream #262).
                memory.RemovesFirst |= result.ErrorCode == SlbErrorCodes.BackendQuota;
                if (plansLeft > 1 && await missingInstances.LearnAsync(FailedOperation(plan, result), result.Failure!, nodes, ct))
                {
                    // One node's instance does not exist: plan again without it, so the other nodes are not held up.
                    memory.ForgetGroups();
                    slot.Dispose(); // the next plan reads first, then queues for a slot like any turn
                    return await EnsureAsync(key, service, memory, trigger, plansLeft - 1, ct);
                }

                throw Fail(key, service, memory, result, ServiceStatePublisher.Describe(desired, actual, context, applied: false));
            }

            logger.LogInformation("Applied {Operations} operations to the load balancer {LoadBalancerId} of {Service}", result.Writes, context.LoadBalancerId, key);
        }

        memory.RememberGroups(context.LoadBalancerId!, actual, plan.Operations);
        memory.RemovesFirst = false;
        await status.WriteRecordsAsync(written, records, ct);
        IReadOnlyList<string>? shownEips = ServiceEips.Wanted(desired, actual) ? [.. eip.Addresses, .. context.AllocatedEip is { } allocated ? [allocated.Address] : Array.Empty<string>()] : null;
        var withIngress = await status.EnsureIngressAsync(service, ServiceStatusWriter.Ingress(context.Address, desired.Hostname, shownEips), ct);
        await status.EnsureLabelsAsync(withIngress, context.LoadBalancerId, ct);
        if (result.Writes > 0)
        {
            events.Normal(service, memory, ServiceEvents.Ensured, $"Ensured load balancer {context.LoadBalancerId}");
        }

        var snapshot = ServiceStatePublisher.Describe(desired, actual, context, applied: true);
        await MarkGatesAsync(key, service, memory, ReadinessGate.Writes(gated.Admitted, outsideVpc.ToHashSet(), missingEnis.ToHashSet()), snapshot, ct);
        if (!missingEnis.IsEmpty)
        {
            var message = $"pod IPs without an ENI yet (members not removed until they resolve): {string.Join(", ", missingEnis)}";
            memory.ForgetGroups();
            state.Publish(key, memory, GrainPhase.Progressing, message, state.Error(message), snapshot);
            throw new ServiceSyncException(message);
        }

        if (eip.Settling)
        {
            state.Publish(key, memory, GrainPhase.Progressing, "waiting for an EIP to be bound, unbound or released", null, snapshot);
            return new ServiceTurn(ReconcileResult.RequeueAfter(ServiceEips.SettleDelay), false);
        }

        state.Publish(key, memory, GrainPhase.Ready, Summary(result.Writes, "applied"), null, snapshot);

        // Nodes left out for a missing instance come back once it exists, and gated pods once their containers are ready:
        // look again then, not only at the next resync.
        TimeSpan?[] rechecks = [leftOut.Count == 0 ? null : options.MissingInstanceRecheck, gated.Waiting == 0 ? null : ReadinessGate.Recheck];
        return rechecks.Min() is { } recheck ? new ServiceTurn(ReconcileResult.RequeueAfter(recheck), false) : ServiceTurn.Done;
    }

    /// <summary>
    /// Sets the readiness gate of the pods the load balancer now holds (<see cref="ReadinessGate.Writes"/>). A failed
    /// write is upstream's <c>FailedUpdateReadinessGate</c> Warning and a retry with backoff; the cloud side is done.
    /// </summary>
    private async Task MarkGatesAsync(string key, V1Service service, ServiceMemory memory, IReadOnlyList<GateWrite> writes,
        ServiceStatePublisher.Snapshot snapshot, CancellationToken ct)
    {
        if (writes.Count == 0)
        {
            return;
        }

        var failures = await gates.WriteAsync(service.Metadata.Name, writes, ct);
        if (failures.Count > 0)
        {
            var message = $"Error updating pod readiness gates for service [{key}]: {string.Join("; ", failures)}";
            events.Warning(service, memory, ServiceEvents.GateFailed, message);
            state.Publish(key, memory, GrainPhase.Failed, "retrying with backoff", state.Error(message), snapshot);
            throw new ServiceSyncException(message);
        }

        logger.LogInformation("Set the readiness gate of {Pods} pods of {Service}", writes.Count, key);
    }

    private async Task<ServiceTurn> CleanUpAsync(string key, V1Service service, ServiceMemory memory, string trigger, CancellationToken ct)
    {
        var intent = DesiredStateBuilder.DeletionIntentOf(service, options);
        var (loadBalancer, ownership) = await FindAsync(key, service, memory, intent.Identity, intent.AdoptedLoadBalancerId, ct);
        var actual = loadBalancer is null ? null
            : DeletionPlanner.DeletesWhole(intent, ownership) ? new ActualLoadBalancer { LoadBalancer = loadBalancer, Ownership = ownership }
            : await finder.ReadAsync(loadBalancer, ownership, new ReadRequest(intent.Identity, [], intent.ReusedGroupIds.IsDefault ? [] : intent.ReusedGroupIds, [], Known: null), ct);
        var cleanup = DeletionPlanner.Plan(intent, actual);
        var eip = await eips.ReleaseAsync(intent, actual, cleanup.Any(o => o is DeleteLoadBalancerOperation), ct);
        ImmutableArray<ServiceOperation> operations = [.. cleanup, .. eip.Operations];
        if (options.DryRun)
        {
            memory.Remember(Record(trigger, ExecutionResult.NotApplied(operations), dryRun: true));
            state.Publish(key, memory, GrainPhase.PlanPending, Summary(operations.Length, "planned for cleanup (dry run)"));
            return ServiceTurn.Done;
        }

        if (!operations.IsEmpty)
        {
            events.Normal(service, memory, ServiceEvents.Deleting, $"Deleting load balancer {actual?.LoadBalancerId ?? "(gone)"}");
            var result = await executor.ApplyAsync(operations, new ExecutionContext(actual), ct);
            memory.Remember(Record(trigger, result, dryRun: false));
            if (!result.Succeeded)
            {
                throw Fail(key, service, memory, result, null);
            }

            logger.LogInformation("Cleaned up the load balancer {LoadBalancerId} of {Service} ({Ownership})", actual?.LoadBalancerId, key, ownership);
        }

        if (eip.Settling)
        {
            // Our finalizer stays until no EIP of ours is left to pay for.
            state.Publish(key, memory, GrainPhase.Deleting, "waiting for an EIP to be unbound before releasing it");
            return new ServiceTurn(ReconcileResult.RequeueAfter(ServiceEips.SettleDelay), false);
        }

        var cleared = await status.EnsureIngressAsync(service, [], ct);
        cleared = await status.WriteRecordsAsync(cleared, ServiceRecords.None, ct);
        await status.RemoveFinalizerAsync(await status.RemoveLabelsAsync(cleared, ct), ct);
        if (actual is not null)
        {
            events.Normal(service, memory, ServiceEvents.Deleted, ownership == LoadBalancerOwnership.Owned && !intent.Preserve
                ? $"Deleted load balancer {actual.LoadBalancerId}"
                : $"Removed our listeners, vServer groups and tags from load balancer {actual.LoadBalancerId}; it is kept");
        }

        memory.ForgetGroups();
        state.Publish(key, memory, GrainPhase.Skipped, "cleaned up: the Service no longer wants a load balancer");
        return ServiceTurn.Retired;
    }

    private async Task<(CloudClients.Slb.LoadBalancer?, LoadBalancerOwnership)> FindAsync(
        string key, V1Service service, ServiceMemory memory, ServiceIdentity identity, string? adoptedId, CancellationToken ct)
    {
        try
        {
            var handledBefore = ServicePredicates.HasFinalizer(service) || service.Status?.LoadBalancer?.Ingress is { Count: > 0 };
            return await finder.FindAsync(identity, adoptedId, handledBefore, ct);
        }
        catch (LoadBalancerAmbiguousException ex)
        {
            throw Refuse(key, service, memory, [new AnnotationError("load balancer", string.Join(", ", ex.LoadBalancerIds), "exactly one load balancer per Service: " + ex.Message)]);
        }
    }

    /// <summary>Annotations that do nothing, each said once while the Service keeps it (not again every turn).</summary>
    private void Report(V1Service service, ServiceMemory memory, IReadOnlyList<AnnotationNotice> notices)
    {
        foreach (var notice in notices.Where(n => !memory.ReportedNotices.Contains(n.Message)))
        {
            events.Warning(service, memory, notice.Reason, notice.Message);
        }

        memory.ReportedNotices = [.. notices.Select(n => n.Message)];
    }

    /// <summary>Bad input only the user can fix: Warning Events naming each problem, nothing written, no retry until the Service changes.</summary>
    private TerminalException Refuse(string key, V1Service service, ServiceMemory memory, IReadOnlyList<AnnotationError> errors)
    {
        foreach (var error in errors)
        {
            events.Warning(service, memory, ServiceEvents.Failed, error.Message);
        }

        var message = string.Join("; ", errors.Select(e => e.Message));
        state.Publish(key, memory, GrainPhase.Failed, "nothing is written until the Service is fixed", state.Error(message));
        return new TerminalException(message);
    }

    /// <summary>A cloud failure: a Warning Event with the Alibaba error code, then a retry with backoff (and a full re-read).</summary>
    private ServiceSyncException Fail(string key, V1Service service, ServiceMemory memory, ExecutionResult result, ServiceStatePublisher.Snapshot? snapshot)
    {
        var failed = result.Records.First(r => r.Outcome == OperationOutcome.Failed);
        var message = $"{failed.Action} {failed.Target} failed: {result.ErrorCode ?? "error"}: {failed.Message}";
        events.Warning(service, memory, ServiceEvents.Failed, message);
        memory.ForgetGroups();
        state.Publish(key, memory, GrainPhase.Failed, "retrying with backoff", state.Error(message, result.ErrorCode), snapshot);
        return new ServiceSyncException(message, result.ErrorCode, result.Failure);
    }

    private static ServiceOperation FailedOperation(ServicePlan plan, ExecutionResult result) =>
        plan.Operations[result.Records.Select((r, i) => (r.Outcome, i)).First(r => r.Outcome == OperationOutcome.Failed).i];

    private PlanRecord Record(string trigger, ExecutionResult result, bool dryRun) =>
        new() { At = time.GetUtcNow(), DryRun = dryRun, Trigger = trigger, Operations = result.Records };

    private static string Summary(int operations, string what) => operations == 0 ? "in sync" : $"{operations} operations {what}";
}

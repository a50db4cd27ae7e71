using System.Collections.Immutable;
using Ccm.CloudClients.Slb;
using Ccm.CloudClients.Transport;
using Ccm.CloudClients.Vpc;
using Ccm.GrainInterfaces.State;

namespace Ccm.Grains.Services;

/// <summary>
/// Applies a Service's plan in order and stops at the first failure, reporting each operation's outcome. Deleting what
/// is already gone counts as done. A run of member changes is the one exception to strict order: changes of different
/// groups go out side by side, at most <c>--max-concurrent-actions</c> at once (upstream's parallel vServer-group
/// updates), each group's own changes still one after the other. Nothing here decides anything: every rule is in the planner.
/// </summary>
public sealed class ServiceExecutor(ISlbClient slb, IVpcClient vpc, CcmOptions options)
{
    public async Task<ExecutionResult> ApplyAsync(IReadOnlyList<ServiceOperation> plan, ExecutionContext context, CancellationToken cancellationToken)
    {
        var records = new OperationRecord?[plan.Count];
        Exception? failure = null;
        for (var i = 0; i < plan.Count && failure is null;)
        {
            var run = plan.Skip(i).TakeWhile(o => o is BackendsOperation).Count();
            var length = Math.Max(run, 1);
            failure = await ApplyRunAsync(plan, i, length, records, context, cancellationToken);
            i += length;
        }

        return new ExecutionResult([.. plan.Select((o, i) => records[i] ?? Record(o, OperationOutcome.NotApplied))], failure);
    }

    /// <summary>Applies <paramref name="length"/> operations from <paramref name="start"/>: by group, groups side by side.
    /// Returns the failure of the earliest operation that failed.</summary>
    private async Task<Exception?> ApplyRunAsync(
        IReadOnlyList<ServiceOperation> plan, int start, int length, OperationRecord?[] records, ExecutionContext context, CancellationToken ct)
    {
        var failures = new Exception?[length];
        using var slots = new SemaphoreSlim(Math.Max(1, options.MaxConcurrentActions));
        var lanes = Enumerable.Range(start, length).GroupBy(i => plan[i] is BackendsOperation b ? b.Key : "").Select(async lane =>
        {
            await slots.WaitAsync(ct);
            try
            {
                foreach (var i in lane)
                {
                    (records[i], failures[i - start]) = await TryApplyAsync(plan[i], context, ct);
                    if (failures[i - start] is not null)
                    {
                        return; // the group's later changes wait for a turn that sees the group as it is
                    }
                }
            }
            finally
            {
                slots.Release();
            }
        });
        await Task.WhenAll(lanes);
        return failures.FirstOrDefault(f => f is not null);
    }

    private async Task<(OperationRecord Record, Exception? Failure)> TryApplyAsync(ServiceOperation operation, ExecutionContext context, CancellationToken ct)
    {
        try
        {
            await ApplyAsync(operation, context, ct);
            return (Record(operation, OperationOutcome.Succeeded), null);
        }
        catch (OpenApiException ex) when (IsAlreadyDone(operation, ex))
        {
            return (Record(operation, OperationOutcome.Succeeded) with { ErrorCode = ex.Code, Message = "already gone" }, null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            var api = ex as OpenApiException;
            return (Record(operation, OperationOutcome.Failed) with { ErrorCode = api?.Code, Message = api?.ServerMessage ?? ex.Message }, ex);
        }
    }

    private static OperationRecord Record(ServiceOperation o, OperationOutcome outcome) => new(o.Action, o.Target, o.Detail, outcome);

    private static bool IsAlreadyDone(ServiceOperation operation, OpenApiException ex) =>
        operation is DeleteLoadBalancerOperation or DeleteListenerOperation or DeleteVServerGroupOperation or RemoveBackendsOperation
            or DeleteDomainExtensionOperation or ReleaseEipOperation
        && SlbErrorCodes.IsNotFound(ex);

    private async Task ApplyAsync(ServiceOperation operation, ExecutionContext c, CancellationToken ct)
    {
        switch (operation)
        {
            case CreateLoadBalancerOperation op:
                var created = await slb.CreateLoadBalancerAsync(CreateRequest(op.LoadBalancer), ct);
                (c.LoadBalancerId, c.Address) = (created.LoadBalancerId, created.Address);
                break;
            case SetDeleteProtectionOperation op:
                await slb.SetLoadBalancerDeleteProtectionAsync(new(c.RequireLoadBalancerId(op.LoadBalancerId), op.DeleteProtection), ct);
                break;
            case SetModificationProtectionOperation op:
                await slb.SetLoadBalancerModificationProtectionAsync(new(c.RequireLoadBalancerId(op.LoadBalancerId), op.Status, op.Reason), ct);
                break;
            case SetLoadBalancerNameOperation op:
                await slb.SetLoadBalancerNameAsync(new(c.RequireLoadBalancerId(op.LoadBalancerId), op.Name), ct);
                break;
            case ModifyInternetSpecOperation op:
                await slb.ModifyLoadBalancerInternetSpecAsync(new(c.RequireLoadBalancerId(op.LoadBalancerId), op.InternetChargeType, op.Bandwidth), ct);
                break;
            case ModifyInstanceSpecOperation op:
                await slb.ModifyLoadBalancerInstanceSpecAsync(new(c.RequireLoadBalancerId(op.LoadBalancerId), op.Spec), ct);
                break;
            case ModifyInstanceChargeTypeOperation op:
                await slb.ModifyLoadBalancerInstanceChargeTypeAsync(new(op.LoadBalancerId, op.InstanceChargeType), ct);
                break;
            case AddTagsOperation op:
                await slb.AddTagsAsync(new(c.RequireLoadBalancerId(op.LoadBalancerId), op.Tags), ct);
                break;
            case RemoveTagsOperation op:
                await slb.RemoveTagsAsync(new(c.RequireLoadBalancerId(op.LoadBalancerId), op.Tags), ct);
                break;
            case DeleteLoadBalancerOperation op:
                await slb.DeleteLoadBalancerAsync(op.LoadBalancerId, ct);
                break;
            case CreateVServerGroupOperation op:
                var group = await slb.CreateVServerGroupAsync(new CreateVServerGroupRequest
                {
                    LoadBalancerId = c.RequireLoadBalancerId(op.LoadBalancerId), VServerGroupName = op.Key,
                    BackendServers = op.Backends.IsEmpty ? null : [.. op.Backends.Select(b => b.ToServer(op.Key))],
                }, ct);
                c.GroupIds[op.Key] = group.VServerGroupId;
                break;
            case DeleteVServerGroupOperation op:
                await slb.DeleteVServerGroupAsync(op.VServerGroupId, ct);
                break;
            case AddBackendsOperation op:
                await slb.AddVServerGroupBackendServersAsync(Members(c, op), ct);
                break;
            case RemoveBackendsOperation op:
                await slb.RemoveVServerGroupBackendServersAsync(Members(c, op), ct);
                break;
            case SetBackendWeightsOperation op:
                await slb.SetVServerGroupAttributeAsync(new SetVServerGroupAttributeRequest
                {
                    VServerGroupId = c.RequireGroupId(op.VServerGroupId, op.Key), BackendServers = [.. op.Backends.Select(b => b.ToServer(op.Key))],
                }, ct);
                break;
            case CreateListenerOperation op:
                await ListenerRequests.CreateAsync(slb, c.RequireLoadBalancerId(op.LoadBalancerId), op.Listener,
                    c.RequireGroupId(null, op.Listener.VServerGroupKey), ct);
                break;
            case SetListenerAttributeOperation op:
                await ListenerRequests.SetAsync(slb, c.RequireLoadBalancerId(op.LoadBalancerId), op, op.VServerGroupKey is { } key ? c.RequireGroupId(null, key) : null, ct);
                break;
            case StartListenerOperation op:
                await slb.StartLoadBalancerListenerAsync(new ListenerKey(c.RequireLoadBalancerId(op.LoadBalancerId), op.Port, op.Protocol), ct);
                break;
            case DeleteListenerOperation op:
                await slb.DeleteLoadBalancerListenerAsync(new ListenerKey(c.RequireLoadBalancerId(op.LoadBalancerId), op.Port, op.Protocol), ct);
                break;
            case CreateDomainExtensionOperation op:
                await slb.CreateDomainExtensionAsync(new(c.RequireLoadBalancerId(op.LoadBalancerId), op.Port, op.Domain, op.CertificateId), ct);
                break;
            case SetDomainExtensionOperation op:
                await slb.SetDomainExtensionAttributeAsync(new(op.DomainExtensionId, op.CertificateId), ct);
                break;
            case DeleteDomainExtensionOperation op:
                await slb.DeleteDomainExtensionAsync(op.DomainExtensionId, ct);
                break;
            default:
                await ApplyEipAsync(operation, c, ct);
                break;
        }
    }

    private async Task ApplyEipAsync(ServiceOperation operation, ExecutionContext c, CancellationToken ct)
    {
        switch (operation)
        {
            case AllocateEipOperation op:
                var eip = await vpc.AllocateEipAddressAsync(new AllocateEipAddressRequest
                {
                    ClientToken = op.ClientToken, Name = op.Name, Tags = op.Tags, InternetChargeType = "PayByTraffic",
                    Description = "external-ip-type: eip of a Kubernetes Service; released with it",
                }, ct);
                c.AllocatedEip = (eip.AllocationId, eip.EipAddress);
                break;
            case AssociateEipOperation op:
                await vpc.AssociateEipAddressAsync(
                    new(c.RequireAllocationId(op.AllocationId), c.RequireLoadBalancerId(op.LoadBalancerId), EipState.SlbInstance) { ClientToken = op.ClientToken }, ct);
                break;
            case UnassociateEipOperation op:
                await vpc.UnassociateEipAddressAsync(
                    new(op.AllocationId) { ClientToken = op.ClientToken, InstanceId = op.LoadBalancerId, InstanceType = EipState.SlbInstance }, ct);
                break;
            case ReleaseEipOperation op:
                await vpc.ReleaseEipAddressAsync(op.AllocationId, ct);
                break;
            default:
                throw new NotSupportedException($"no executor for {operation.GetType().Name}");
        }
    }

    private static VServerGroupBackendServersRequest Members(ExecutionContext c, BackendsOperation op) =>
        new(c.RequireGroupId(op.VServerGroupId, op.Key), [.. op.Backends.Select(b => b.ToServer(op.Key))]);

    private static CreateLoadBalancerRequest CreateRequest(DesiredLoadBalancer lb) => new()
    {
        ClientToken = lb.ClientToken, LoadBalancerName = lb.Name, AddressType = lb.AddressType, VpcId = lb.VpcId, VSwitchId = lb.VSwitchId,
        InstanceChargeType = lb.InstanceChargeType, LoadBalancerSpec = lb.Spec, InternetChargeType = lb.InternetChargeType, Bandwidth = lb.Bandwidth,
        MasterZoneId = lb.MasterZoneId, SlaveZoneId = lb.SlaveZoneId, AddressIPVersion = lb.AddressIPVersion, Address = lb.Address,
        ResourceGroupId = lb.ResourceGroupId, DeleteProtection = lb.DeleteProtection, ModificationProtectionStatus = lb.ModificationProtection,
        ModificationProtectionReason = lb.ModificationProtection == "ConsoleProtection" ? DesiredLoadBalancer.ProtectionReason : null,
        // Tags go with the create, so the load balancer is findable as ours from its first instant.
        Tags = [.. lb.OwnershipTags, .. lb.AdditionalTags],
    };
}

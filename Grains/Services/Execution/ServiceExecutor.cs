using System.Collections.Immutable;
using Ccm.CloudClients.Slb;
using Ccm.CloudClients.Transport;
using Ccm.GrainInterfaces.State;

namespace Ccm.Grains.Services;

/// <summary>
/// Applies a Service's plan in order and stops at the first failure, reporting each operation's outcome. Deleting what
/// is already gone counts as done. Nothing here decides anything: every rule is in the planner.
/// </summary>
public sealed class ServiceExecutor(ISlbClient slb)
{
    public async Task<ExecutionResult> ApplyAsync(IReadOnlyList<ServiceOperation> plan, ExecutionContext context, CancellationToken cancellationToken)
    {
        var records = ImmutableArray.CreateBuilder<OperationRecord>(plan.Count);
        for (var i = 0; i < plan.Count; i++)
        {
            var operation = plan[i];
            try
            {
                await ApplyAsync(operation, context, cancellationToken);
                records.Add(new OperationRecord(operation.Action, operation.Target, operation.Detail, OperationOutcome.Succeeded));
            }
            catch (OpenApiException ex) when (IsAlreadyDone(operation, ex))
            {
                records.Add(new OperationRecord(operation.Action, operation.Target, operation.Detail, OperationOutcome.Succeeded, ex.Code, "already gone"));
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                var code = (ex as OpenApiException)?.Code;
                var message = (ex as OpenApiException)?.ServerMessage ?? ex.Message;
                records.Add(new OperationRecord(operation.Action, operation.Target, operation.Detail, OperationOutcome.Failed, code, message));
                records.AddRange(plan.Skip(i + 1).Select(o => new OperationRecord(o.Action, o.Target, o.Detail, OperationOutcome.NotApplied)));
                return new ExecutionResult(records.ToImmutable(), ex);
            }
        }

        return new ExecutionResult(records.ToImmutable(), null);
    }

    private static bool IsAlreadyDone(ServiceOperation operation, OpenApiException ex) =>
        operation is DeleteLoadBalancerOperation or DeleteListenerOperation or DeleteVServerGroupOperation or RemoveBackendsOperation
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

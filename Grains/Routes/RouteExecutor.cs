using Ccm.CloudClients.Transport;
using Ccm.CloudClients.Vpc;
using Ccm.GrainInterfaces.State;
using Ccm.Grains.Observability;

namespace Ccm.Grains.Routes;

/// <summary>
/// Applies a route plan to one table, operation by operation, each write inside the VPC's <see cref="VpcWriteGate"/>.
/// A failed call stops the plan (later operations are recorded as not applied). Per-route answers are results, not
/// stops: a duplicate is looked up (the right next hop is success), a refused route is reported, and
/// <c>QuotaExceeded</c> ends the creates of this turn. Per-entry busy codes of a batch count as the call failing.
/// </summary>
public sealed partial class RouteExecutor(IVpcClient vpc, VpcWriteGate gate, CcmOptions options, UpstreamMetrics? upstream = null)
{
    public async Task<RouteExecution> ApplyAsync(string routeTableId, IReadOnlyList<RouteOperation> operations, CancellationToken cancellationToken)
    {
        var run = new RouteRun(routeTableId);
        foreach (var operation in operations)
        {
            if (run.Failure is not null || (run.QuotaExceeded && operation is RouteOperation.CreateOne or RouteOperation.CreateBatch))
            {
                run.Records.Add(Record(operation, OperationOutcome.NotApplied));
                continue;
            }

            try
            {
                using var timing = operation is RouteOperation.CreateOne or RouteOperation.CreateBatch ? upstream?.RouteCreate() : null;
                var failed = operation switch
                {
                    RouteOperation.CreateOne one => await CreateOneAsync(run, one, cancellationToken),
                    RouteOperation.CreateBatch batch => await CreateBatchAsync(run, batch, cancellationToken),
                    RouteOperation.DeleteOne one => await DeleteAsync(run, [one.Route], single: true, cancellationToken),
                    RouteOperation.DeleteBatch batch => await DeleteAsync(run, batch.Routes, single: false, cancellationToken),
                    _ => throw new ArgumentException($"unknown route operation {operation.GetType().Name}", nameof(operations)),
                };
                run.Records.Add(failed is null
                    ? Record(operation, OperationOutcome.Succeeded)
                    : Record(operation, OperationOutcome.Failed, failed.Value.Code, failed.Value.Message));
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                run.Failure = e;
                run.Records.Add(Record(operation, OperationOutcome.Failed, (e as OpenApiException)?.Code, e.Message));
            }
        }

        return run.ToExecution();
    }

    /// <summary>Deletes by RouteEntryId (exactly the entry the planner judged); one already gone counts as deleted.</summary>
    private async Task<(string Code, string Message)?> DeleteAsync(RouteRun run, IReadOnlyList<StaleRoute> routes, bool single, CancellationToken cancellationToken)
    {
        using (var pass = await gate.EnterAsync(options.VpcId, SettledAsync, cancellationToken))
        {
            pass.Wrote(run.RouteTableId, routes.Select(r => r.DestinationCidrBlock));
            if (single)
            {
                try
                {
                    await vpc.DeleteRouteEntryAsync(new DeleteRouteEntryRequest { RouteTableId = run.RouteTableId, RouteEntryId = routes[0].RouteEntryId }, cancellationToken);
                }
                catch (OpenApiException e) when (RouteErrors.IsAlreadyGone(e.Code))
                {
                }

                run.Deleted.AddRange(routes);
                return null;
            }

            var reply = await vpc.DeleteRouteEntriesAsync(
                new DeleteRouteEntriesRequest([.. routes.Select(r => new RouteEntryRef(run.RouteTableId) { RouteEntryId = r.RouteEntryId })]), cancellationToken);
            var failed = reply.FailedRouteEntries.Where(f => !RouteErrors.IsAlreadyGone(f.FailedCode)).ToList();
            run.Deleted.AddRange(routes.Where(r => failed.All(f => f.RouteEntryId != r.RouteEntryId)));
            if (failed is [var first, ..])
            {
                throw EntryFailure("DeleteRouteEntries", first.FailedCode, $"{failed.Count} of {routes.Count} deletes failed; {first.RouteEntryId}: {first.FailedMessage}", reply.RequestId);
            }

            return null;
        }
    }

    /// <summary>A batch entry's failure as the call's, so the grain retries it with backoff like any failed call.</summary>
    /// <summary>Whether the entries of the VPC's previous write have all left Pending/Deleting (one filtered read).</summary>
    private async Task<bool> SettledAsync(VpcWriteGate.LastWrite last, CancellationToken cancellationToken)
    {
        var request = new DescribeRouteEntryListRequest { RouteTableId = last.RouteTableId, DestCidrBlockList = [.. last.Destinations] };
        await foreach (var entry in vpc.DescribeRouteEntryListAsync(request, cancellationToken))
        {
            if (entry.Status is "Pending" or "Deleting")
            {
                return false;
            }
        }

        return true;
    }

    private static OpenApiException EntryFailure(string action, string? code, string message, string? requestId) =>
        new("VPC", action, new CallFailure(FailureKind.Service, code ?? "Unknown", message, 400, requestId), attempts: 1);

    private static OperationRecord Record(RouteOperation operation, OperationOutcome outcome, string? code = null, string? message = null) =>
        new(operation.Action, operation.Target, Detail(operation), outcome, code, message);

    private static string? Detail(RouteOperation operation) => operation switch
    {
        RouteOperation.CreateBatch b => $"{b.Routes.Length} entries",
        RouteOperation.DeleteBatch b => $"{b.Routes.Length} entries",
        _ => null,
    };
}

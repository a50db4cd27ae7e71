using Ccm.CloudClients.Transport;
using Ccm.CloudClients.Vpc;

namespace Ccm.Grains.Routes;

public sealed partial class RouteExecutor
{
    private async Task<(string Code, string Message)?> CreateOneAsync(RouteRun run, RouteOperation.CreateOne create, CancellationToken cancellationToken)
    {
        var route = create.Route;
        try
        {
            using (var pass = await gate.EnterAsync(options.VpcId, SettledAsync, cancellationToken))
            {
                pass.Wrote(run.RouteTableId, [route.DestinationCidrBlock]);
                var reply = await vpc.CreateRouteEntryAsync(new CreateRouteEntryRequest
                {
                    ClientToken = create.ClientToken, RouteTableId = run.RouteTableId, DestinationCidrBlock = route.DestinationCidrBlock,
                    NextHopId = route.InstanceId, Description = Description(route),
                }, cancellationToken);
                run.Created[route] = new RouteOutcome(RouteStatus.Pending, reply.RouteEntryId, New: true);
                return null;
            }
        }
        catch (OpenApiException e) when (RouteErrors.IsDuplicate(e.Code))
        {
            await ResolveDuplicatesAsync(run, [route], cancellationToken);
            return null;
        }
        catch (OpenApiException e) when (RouteErrors.IsQuotaExceeded(e.Code) || RouteErrors.IsRejection(e.Code))
        {
            return Refused(run, route, e.Code, e.ServerMessage);
        }
    }

    private async Task<(string Code, string Message)?> CreateBatchAsync(RouteRun run, RouteOperation.CreateBatch create, CancellationToken cancellationToken)
    {
        RouteEntriesResponse reply;
        using (var pass = await gate.EnterAsync(options.VpcId, SettledAsync, cancellationToken))
        {
            pass.Wrote(run.RouteTableId, create.Routes.Select(r => r.DestinationCidrBlock));
            reply = await vpc.CreateRouteEntriesAsync(new CreateRouteEntriesRequest(
                [.. create.Routes.Select(r => new RouteEntrySpec(run.RouteTableId, r.DestinationCidrBlock, r.InstanceId) { Description = Description(r) })]),
                cancellationToken);
        }

        var failures = create.Routes.Select(r => (Route: r, Failure: reply.FailedRouteEntries.FirstOrDefault(f => Matches(f, r)))).ToList();
        foreach (var (route, _) in failures.Where(f => f.Failure is null))
        {
            run.Created[route] = new RouteOutcome(RouteStatus.Pending, New: true);
        }

        (string Code, string Message)? refused = null;
        foreach (var (route, failure) in failures.Where(f => f.Failure is { } x && (RouteErrors.IsQuotaExceeded(x.FailedCode) || RouteErrors.IsRejection(x.FailedCode))))
        {
            refused ??= Refused(run, route, failure!.FailedCode!, failure.FailedMessage ?? "");
        }

        await ResolveDuplicatesAsync(run, [.. failures.Where(f => RouteErrors.IsDuplicate(f.Failure?.FailedCode)).Select(f => f.Route)], cancellationToken);
        if (failures.FirstOrDefault(f => f.Failure is not null && !run.Created.ContainsKey(f.Route)) is { Failure: { } other })
        {
            // A busy/conflict answer (or a code we do not know) for some entries: the call as a whole is retried.
            throw EntryFailure("CreateRouteEntries", other.FailedCode, $"{other.DstCidrBlock}: {other.FailedMessage}", reply.RequestId);
        }

        return refused;
    }

    /// <summary>Quota and per-route refusals become the route's outcome; a quota answer also stops this turn's creates.</summary>
    private static (string Code, string Message) Refused(RouteRun run, NodeRoute route, string code, string message)
    {
        var quota = RouteErrors.IsQuotaExceeded(code);
        run.QuotaExceeded |= quota;
        run.Created[route] = new RouteOutcome(quota ? RouteStatus.Full : RouteStatus.Rejected, Code: code, Message: message);
        return (code, message);
    }

    /// <summary>
    /// The destinations already have an entry (an earlier attempt, or another writer): one lookup for all of them. The
    /// right next hop is success; anything else is left for the next turn's plan to judge.
    /// </summary>
    private async Task ResolveDuplicatesAsync(RouteRun run, IReadOnlyList<NodeRoute> routes, CancellationToken cancellationToken)
    {
        if (routes.Count == 0)
        {
            return;
        }

        var found = new Dictionary<string, RouteEntry>(StringComparer.Ordinal);
        var request = new DescribeRouteEntryListRequest { RouteTableId = run.RouteTableId, DestCidrBlockList = [.. routes.Select(r => r.DestinationCidrBlock)] };
        await foreach (var entry in vpc.DescribeRouteEntryListAsync(request, cancellationToken))
        {
            found.TryAdd(Ipv4Cidr.Canonical(entry.DestinationCidrBlock) ?? entry.DestinationCidrBlock, entry);
        }

        foreach (var route in routes)
        {
            var entry = found.GetValueOrDefault(route.DestinationCidrBlock);
            run.Created[route] = entry is not null && RouteOwnership.SingleInstanceHop(entry)?.NextHopId == route.InstanceId
                ? new RouteOutcome(entry.Status == RoutePlanner.Available ? RouteStatus.Present : RouteStatus.Pending, entry.RouteEntryId)
                : new RouteOutcome(RouteStatus.Waiting, entry?.RouteEntryId, "InvalidCIDRBlock.Duplicate", "the destination is taken by another entry");
        }
    }

    private static bool Matches(FailedRouteEntry failure, NodeRoute route) =>
        Ipv4Cidr.Canonical(failure.DstCidrBlock) == route.DestinationCidrBlock;

    private static string Description(NodeRoute route) => $"pod CIDR of node {route.NodeName} {RouteOwnership.DescriptionMark}";
}

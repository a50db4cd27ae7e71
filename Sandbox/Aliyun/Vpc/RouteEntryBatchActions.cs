using Ccm.Sandbox.Aliyun.Protocol;
using Ccm.Sandbox.Aliyun.State;

namespace Ccm.Sandbox.Aliyun.Vpc;

/// <summary>
/// CreateRouteEntries / DeleteRouteEntries: up to 50 entries per call, each succeeding or failing on its own (flat
/// <c>FailedRouteEntries[]</c> with <c>FailedCode</c>/<c>FailedMessage</c>). The batch is one VPC task: it is refused
/// with <c>TaskConflict</c> while an earlier write in a VPC it touches is still settling, and its own entries may
/// settle together.
/// </summary>
internal static class RouteEntryBatchActions
{
    private const int MaxEntries = 50;

    public static ApiResult Create(ActionContext c)
    {
        c.CheckRegion(required: true);
        var items = Items(c.Parameters);
        var (ids, failed) = c.Store.Update(s =>
        {
            CheckNotBusy(s, items.Select(i => i.GetValueOrDefault("RouteTableId") ?? ""), c.Now);
            var created = new List<string>();
            var failures = new List<FailedRouteEntry>();
            foreach (var item in items)
            {
                var destination = item.GetValueOrDefault("DstCidrBlock") ?? "";
                var hop = item.GetValueOrDefault("NextHop") ?? "";
                try
                {
                    var request = new RouteEntryRequest(Required(item, "RouteTableId"), Required(item, "DstCidrBlock"),
                        [new RouteNextHop(Required(item, "NextHopType"), Required(item, "NextHop"))],
                        item.GetValueOrDefault("Name") ?? "", item.GetValueOrDefault("Description") ?? "");
                    (s, var entry) = RouteWrites.Create(s, request, c.Now, c.Settings.RouteEntryDelay, checkConflict: false);
                    created.Add(entry.RouteEntryId);
                }
                catch (OpenApiException error)
                {
                    failures.Add(new FailedRouteEntry(destination, hop, error.Code, error.Message, null));
                }
            }

            c.ThrowIfDryRun();
            return (s, (created, failures));
        });
        return ApiResult.Of(new CreateRouteEntriesResponse(c.RequestId, ids.Count, failed.Count, ids, failed), VpcJson.Default.CreateRouteEntriesResponse);
    }

    public static ApiResult Delete(ActionContext c)
    {
        c.CheckRegion(required: true);
        var items = Items(c.Parameters);
        var (succeeded, failed) = c.Store.Update(s =>
        {
            CheckNotBusy(s, items.Select(i => i.GetValueOrDefault("RouteTableId") ?? ""), c.Now);
            var count = 0;
            var failures = new List<FailedRouteEntry>();
            foreach (var item in items)
            {
                var destination = item.GetValueOrDefault("DstCidrBlock");
                var entryId = item.GetValueOrDefault("RouteEntryId");
                try
                {
                    if (entryId is null && destination is null)
                    {
                        throw CommonErrors.Missing("DstCidrBlock");
                    }

                    var entry = RouteWrites.Find(s, Required(item, "RouteTableId"), entryId, destination, item.GetValueOrDefault("NextHop"), c.Now);
                    s = RouteWrites.Delete(s, entry, c.Now, c.Settings.RouteEntryDelay, checkConflict: false);
                    count++;
                }
                catch (OpenApiException error)
                {
                    failures.Add(new FailedRouteEntry(destination ?? "", item.GetValueOrDefault("NextHop") ?? "", error.Code, error.Message, entryId));
                }
            }

            c.ThrowIfDryRun();
            return (s, (count, failures));
        });
        return ApiResult.Of(new DeleteRouteEntriesResponse(c.RequestId, succeeded, failed.Count, failed), VpcJson.Default.DeleteRouteEntriesResponse);
    }

    private static IReadOnlyList<IReadOnlyDictionary<string, string>> Items(ApiParameters p)
    {
        var items = p.ObjectList("RouteEntries");
        return items.Count switch
        {
            0 => throw CommonErrors.Missing("RouteEntries"),
            > MaxEntries => throw CommonErrors.InvalidParameter("RouteEntries", "At most 50 route entries are accepted per call."),
            _ => items,
        };
    }

    private static void CheckNotBusy(CloudSnapshot s, IEnumerable<string> tableIds, DateTimeOffset now)
    {
        var vpcs = tableIds.Select(id => s.RouteTables.GetValueOrDefault(id)?.VpcId).OfType<string>().Distinct();
        if (vpcs.Any(vpc => RouteWrites.VpcBusy(s, vpc, now)))
        {
            throw VpcErrors.TaskConflict();
        }
    }

    private static string Required(IReadOnlyDictionary<string, string> item, string name) =>
        item.GetValueOrDefault(name) is { Length: > 0 } value ? value : throw CommonErrors.Missing(name);
}

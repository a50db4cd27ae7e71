using Ccm.Sandbox.Aliyun.State;

namespace Ccm.Sandbox.Aliyun.Vpc;

/// <summary>
/// The rules of route writes, shared by the single and batch actions: validation of destination and next hop, the
/// table's custom-entry quota (200 by default), duplicate destinations, and the VPC-wide write lock the real service holds while an entry is
/// Pending or Deleting (another write then gets <c>TaskConflict</c>).
/// </summary>
internal static class RouteWrites
{
    private static readonly string[] SupportedNextHopTypes = ["Instance", "NetworkInterface"];

    private static readonly Ipv4Cidr ServiceRange = Ipv4Cidr.Parse(CloudSeed.CloudServiceCidr);

    public static RouteTable Table(CloudSnapshot s, string id) => s.RouteTables.GetValueOrDefault(id) ?? throw VpcErrors.RouteTableNotFound();

    /// <summary>Whether any route entry of the VPC is still Pending or Deleting.</summary>
    public static bool VpcBusy(CloudSnapshot s, string vpcId, DateTimeOffset now) =>
        s.RouteTables.Values.Where(t => t.VpcId == vpcId).SelectMany(t => t.LiveEntries(now)).Any(e => e.IsSettling(now));

    public static (CloudSnapshot, RouteEntry) Create(CloudSnapshot s, RouteEntryRequest request, DateTimeOffset now, TimeSpan delay, bool checkConflict)
    {
        var table = Table(s, request.RouteTableId).Pruned(now);
        if (!Ipv4Cidr.TryParse(request.DestinationCidrBlock, out var destination))
        {
            throw VpcErrors.CidrMalformed();
        }

        var vSwitchCidrs = s.VSwitches.Values.Where(v => v.VpcId == table.VpcId)
            .Select(v => Ipv4Cidr.TryParse(v.CidrBlock, out var c) ? c : default);
        if (vSwitchCidrs.Any(c => c.Contains(destination)) || ServiceRange.Overlaps(destination))
        {
            throw VpcErrors.CidrReserved();
        }

        foreach (var hop in request.NextHops)
        {
            CheckNextHop(s, table.VpcId, hop);
        }

        var live = table.LiveEntries(now).ToList();
        if (live.Any(e => e.DestinationCidrBlock == destination.ToString()))
        {
            throw VpcErrors.CidrDuplicate();
        }

        if (live.Count(e => e.IsCustom) >= table.CustomEntryQuota)
        {
            throw VpcErrors.Quota();
        }

        if (checkConflict && VpcBusy(s, table.VpcId, now))
        {
            throw VpcErrors.TaskConflict();
        }

        (var id, s) = s.NextId("rte");
        var entry = new RouteEntry
        {
            RouteEntryId = id, RouteTableId = table.RouteTableId, DestinationCidrBlock = destination.ToString(), Type = "Custom",
            NextHops = [.. request.NextHops], CreatedAt = now, AvailableAt = now + delay,
            RouteEntryName = request.Name, Description = request.Description,
        };
        return (Put(s, table with { Entries = table.Entries.Add(id, entry) }), entry);
    }

    public static CloudSnapshot Delete(CloudSnapshot s, RouteEntry entry, DateTimeOffset now, TimeSpan delay, bool checkConflict)
    {
        var table = Table(s, entry.RouteTableId).Pruned(now);
        if (!entry.IsCustom)
        {
            throw VpcErrors.SystemEntry();
        }

        if (entry.IsSettling(now))
        {
            throw VpcErrors.IncorrectStatus();
        }

        if (checkConflict && VpcBusy(s, table.VpcId, now))
        {
            throw VpcErrors.TaskConflict();
        }

        return Put(s, table with { Entries = table.Entries.SetItem(entry.RouteEntryId, entry with { DeletedAt = now + delay }) });
    }

    /// <summary>Finds a live entry by id, or by table + destination (+ next hop when given); callers pass an id or a destination.</summary>
    public static RouteEntry Find(CloudSnapshot s, string? tableId, string? entryId, string? destination, string? nextHopId, DateTimeOffset now)
    {
        var tables = tableId is null ? s.RouteTables.Values : [Table(s, tableId)];
        return tables.SelectMany(t => t.LiveEntries(now)).FirstOrDefault(e =>
                (entryId is null || e.RouteEntryId == entryId)
                && (destination is null || e.DestinationCidrBlock == destination)
                && (nextHopId is null || e.NextHops.Any(h => h.NextHopId == nextHopId)))
            ?? throw VpcErrors.RouteEntryNotFound();
    }

    public static CloudSnapshot Put(CloudSnapshot s, RouteTable table) => s with { RouteTables = s.RouteTables.SetItem(table.RouteTableId, table) };

    private static void CheckNextHop(CloudSnapshot s, string vpcId, RouteNextHop hop)
    {
        if (!SupportedNextHopTypes.Contains(hop.NextHopType))
        {
            throw Protocol.CommonErrors.InvalidParameter("NextHopType", $"The emulator supports next hop types {string.Join(", ", SupportedNextHopTypes)} only.");
        }

        var hopVpc = hop.NextHopType == "Instance"
            ? s.Instances.GetValueOrDefault(hop.NextHopId)?.VpcId
            : s.NetworkInterfaces.GetValueOrDefault(hop.NextHopId)?.VpcId;
        if (hopVpc is null)
        {
            throw VpcErrors.NextHopNotFound();
        }

        if (hopVpc != vpcId)
        {
            throw VpcErrors.NextHopIllegal();
        }
    }
}

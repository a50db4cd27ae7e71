using Ccm.CloudClients.Transport;

namespace Ccm.Grains.Routes;

/// <summary>
/// How the route executor reads VPC error codes (reference aliyun-api.md §2), whether they come as a failed call or as
/// one entry of a batch's <c>FailedRouteEntries</c>. One named predicate per outcome.
/// </summary>
public static class RouteErrors
{
    public const string QuotaExceeded = "QuotaExceeded";
    public const string RouteTableNotFound = "InvalidRouteTableId.NotFound";

    private static readonly string[] DuplicateCodes = ["InvalidCIDRBlock.Duplicate", "InvalidRouteEntry.Duplicate", "RouterEntryConflict.Duplicated"];

    /// <summary>Codes that condemn one route (its next hop or destination), not the table or the call.</summary>
    private static readonly string[] RejectionPrefixes = ["InvalidNextHop", "IllegalParam.NextHopId", "IllegalParam.CidrBlock", "InvalidCidrBlock"];

    /// <summary>The destination already has an entry: look it up; the right next hop means success.</summary>
    public static bool IsDuplicate(string? code) => DuplicateCodes.Contains(code, StringComparer.OrdinalIgnoreCase);

    public static bool IsQuotaExceeded(string? code) => code?.StartsWith(QuotaExceeded, StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>A delete of an entry that is not there: it is gone already, which is what we wanted.</summary>
    public static bool IsAlreadyGone(string? code) => string.Equals(code, "InvalidRouteEntry.NotFound", StringComparison.OrdinalIgnoreCase);

    public static bool IsTableNotFound(string? code) => string.Equals(code, RouteTableNotFound, StringComparison.OrdinalIgnoreCase);

    /// <summary>The cloud refuses this one route until something changes (a terminated instance, a reserved destination).</summary>
    public static bool IsRejection(string? code) =>
        code is not null && !IsDuplicate(code) && RejectionPrefixes.Any(p => code.StartsWith(p, StringComparison.OrdinalIgnoreCase));

    /// <summary>Busy, conflicting or throttled: try the same again later (the transport's own list, for batch entries too).</summary>
    public static bool IsTransient(string? code) =>
        code is not null && RetryPolicy.IsRetryable(new CallFailure(FailureKind.Service, code, "", 400, null));
}

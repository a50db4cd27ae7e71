using Ccm.Sandbox.Aliyun.Protocol;

namespace Ccm.Sandbox.Aliyun.Vpc;

/// <summary>VPC errors with the codes of reference §2 (CreateRouteEntry's table [S9] and Terraform's list [S10]).</summary>
internal static class VpcErrors
{
    public static OpenApiException RouteTableNotFound() =>
        new(404, "InvalidRouteTableId.NotFound", "The specified route table does not exist.");

    /// <summary>Spelt <c>VpcID</c>, as Terraform matches it.</summary>
    public static OpenApiException VpcNotFound() => new(404, "InvalidVpcID.NotFound", "Specified VPC does not exist.");

    public static OpenApiException CidrMalformed() => new(400, "InvalidCidrBlock.Malformed", "Specified CIDR block is not valid.");

    /// <summary>A destination equal to or inside a vSwitch CIDR, or inside 100.64.0.0/10 (the cloud's service range).</summary>
    public static OpenApiException CidrReserved() =>
        new(400, "InvalidCidrBlock", "The destination CIDR block must not lie inside a vSwitch CIDR block or 100.64.0.0/10.");

    /// <summary>Spelt <c>CIDRBlock</c> here (and <c>CidrBlock</c> in Malformed) as the API does; the message's grammar is the API's too.</summary>
    public static OpenApiException CidrDuplicate() => new(400, "InvalidCIDRBlock.Duplicate", "Specified CIDR block is already exists.");

    public static OpenApiException Quota() => new(400, "QuotaExceeded", "Route entry quota exceeded in this route table.");

    public static OpenApiException TaskConflict() =>
        new(400, "TaskConflict", "The operation is too frequent, please wait a moment and try again.");

    public static OpenApiException IncorrectStatus() =>
        new(400, "IncorrectRouteEntryStatus", "The current status of the route entry does not support this operation.");

    public static OpenApiException RouteEntryNotFound() => new(400, "InvalidRouteEntry.NotFound", "The specified route entry does not exist.");

    public static OpenApiException NextHopNotFound() => new(400, "InvalidNextHop.NotFound", "The specified next hop does not exist.");

    /// <summary>An instance outside the route table's VPC; the message is the API's.</summary>
    public static OpenApiException NextHopIllegal() => new(400, "IllegalParam.NextHopId", "Instance not exists or not vpc vm");

    /// <summary>No source names the code for deleting a system entry; this one says what happened.</summary>
    public static OpenApiException SystemEntry() =>
        new(400, "OperationDenied.SystemRouteEntry", "System route entries cannot be deleted or modified.");
}

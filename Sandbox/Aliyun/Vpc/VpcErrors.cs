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

    // EIP codes and messages: the VPC API reference's error tables of AllocateEipAddress, AssociateEipAddress,
    // UnassociateEipAddress and ReleaseEipAddress (help.aliyun.com / alibabacloud.com "api-vpc-2016-04-28-*"), spelling included.

    public static OpenApiException EipNotFound() => new(404, "InvalidAllocationId.NotFound", "Specified allocation ID is not found");

    /// <summary>Also the answer while the EIP is Associating, Unassociating or Releasing: then it may only be queried.</summary>
    public static OpenApiException IncorrectEipStatus() =>
        new(400, "IncorrectEipStatus", "Current elastic IP status does not support this operation.");

    /// <summary>The target already has an EIP (or another association).</summary>
    public static OpenApiException AssociationDuplicated() => new(400, "InvalidAssociation.Duplicated", "Specified instance already is associated.");

    /// <summary>AssociateEipAddress's table spells the code <c>InvalidInstanId</c> and answers 404; kept as documented.</summary>
    public static OpenApiException AssociateTargetNotFound() => new(404, "InvalidInstanId.NotFound", "Specified instance does not exist.");

    /// <summary>A CLB (or ECS instance) outside a VPC: an internet CLB has its own public address.</summary>
    public static OpenApiException NotInVpc() => new(400, "OperationDenied", "Specified instance is not in VPC.");

    public static OpenApiException IncorrectInstanceStatus() =>
        new(400, "IncorrectInstanceStatus", "Current instance status does not support this operation.");

    public static OpenApiException InstanceTypeNotSupported() =>
        new(400, "InvalidInstanceType.ValueNotSupported", "The specified value of InstanceType is not supported.");

    /// <summary>UnassociateEipAddress naming an instance (or type) the EIP is not bound to.</summary>
    public static OpenApiException BindingStatus() => new(400, "InvalidBindingStatus", "The eip binding status invalid.");

    public static OpenApiException ReleasePrepaid() => new(400, "Forbidden.ChargeTypeIsPrepaid", "It's forbidden to release a prepaid EIP");

    public static OpenApiException EipQuota() => new(400, "QuotaExceeded.Eip", "Elastic IP address quota exceeded");

    /// <summary>No source names the code for deleting a system entry; this one says what happened.</summary>
    public static OpenApiException SystemEntry() =>
        new(400, "OperationDenied.SystemRouteEntry", "System route entries cannot be deleted or modified.");
}

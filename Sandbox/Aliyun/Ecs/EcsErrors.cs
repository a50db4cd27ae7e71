using Ccm.Sandbox.Aliyun.Protocol;

namespace Ccm.Sandbox.Aliyun.Ecs;

/// <summary>
/// ECS errors with the real codes and statuses. The ENI actions' error tables (ModifyNetworkInterfaceAttribute,
/// LeaveSecurityGroup, DetachNetworkInterface …) print the message as <c>%s</c>; ours says what the code means.
/// </summary>
internal static class EcsErrors
{
    public static OpenApiException NetworkInterfaceNotFound(string id) =>
        new(404, "InvalidEniId.NotFound", $"The specified NetworkInterfaceId {id} does not exist.");

    /// <summary>The emulator keeps one security group per ENI; replacing them is not modelled, so it says so.</summary>
    public static OpenApiException SecurityGroupsNotModelled() =>
        CommonErrors.InvalidParameter("SecurityGroupId", "The emulator does not model changing an ENI's security groups.");
}

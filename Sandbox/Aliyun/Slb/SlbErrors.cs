using System.Globalization;
using Ccm.Sandbox.Aliyun.Protocol;

namespace Ccm.Sandbox.Aliyun.Slb;

/// <summary>
/// SLB errors with the real codes and messages (reference §2, the CLB API docs, and what the CCM and Terraform match on).
/// Where no source names a code (the listener quota), the code follows SLB's <c>…NumberOverLimit</c> family; see the comment.
/// </summary>
internal static class SlbErrors
{
    /// <summary>The CCM's tests match this message text exactly.</summary>
    public static OpenApiException LoadBalancerNotFound() =>
        new(400, "InvalidLoadBalancerId.NotFound", "The specified LoadBalancerId does not exist.");

    /// <summary>From the DeleteLoadBalancer doc's example response.</summary>
    public static OpenApiException DeleteProtectionIsOn() =>
        new(400, "OperationDenied.DeleteProtectionIsOn", "The loadbalancer can't be deleted due to DeleteProtection is enabled.");

    /// <summary>A missing listener: Terraform and the CCM recognise it by this message.</summary>
    public static OpenApiException ListenerNotFound() =>
        new(400, "InvalidParameter", "The specified resource does not exist.");

    public static OpenApiException ListenerAlreadyExists(int port) =>
        new(400, "ListenerAlreadyExists", $"The specified listener port {port.ToString(CultureInfo.InvariantCulture)} is already in use.");

    /// <summary>No source names the code for the 50-listener quota; <c>ListenerNumberOverLimit</c> mirrors SLB's other quota codes.</summary>
    public static OpenApiException ListenerQuota(int quota) =>
        new(400, "ListenerNumberOverLimit", $"The number of listeners exceeds the limit of {quota.ToString(CultureInfo.InvariantCulture)} per load balancer.");

    /// <summary>Terraform and the CCM recognise a missing group by this message.</summary>
    public static OpenApiException VServerGroupNotFound() =>
        new(400, "InvalidParameter", "The specified VServerGroupId does not exist.");

    /// <summary>The CCM retries the add after its removes when it sees this code.</summary>
    public static OpenApiException BackendQuota(int quota) =>
        new(400, "InstanceBackendServerNumberOverLimit",
            $"The number of backend servers exceeds the limit of {quota.ToString(CultureInfo.InvariantCulture)} per load balancer.");

    public static OpenApiException VServerGroupInUse() =>
        new(400, "RspoolVipExist", "There are listeners associated with this VServerGroup.");

    public static OpenApiException ServerNotFound(string serverId) =>
        new(400, "InvalidParameter", $"The specified ServerId {serverId} does not exist.");

    /// <summary>Terraform's <c>InvalidDomainExtensionIdNotFound</c> (<c>alicloud/errors.go</c>) is this code; the message is ours.</summary>
    public static OpenApiException DomainExtensionNotFound() =>
        new(400, "InvalidParameter.DomainExtensionId", "The specified DomainExtensionId does not exist.");

    /// <summary>No source names the code for a domain the listener already has; this one follows <c>ListenerAlreadyExists</c>.</summary>
    public static OpenApiException DomainExtensionAlreadyExists(string domain) =>
        new(400, "DomainExtensionAlreadyExists", $"The domain {domain} is already an additional domain of this listener.");

    public static OpenApiException ResourceNotFound(string resourceId) =>
        new(400, "InvalidResourceId.NotFound", $"The specified resource {resourceId} does not exist.");
}

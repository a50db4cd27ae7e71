using Ccm.CloudClients.Transport;

namespace Ccm.Grains.Services;

/// <summary>
/// How SLB (and EIP) failures are classified for the Service grain (reference aliyun-api.md §2). Not-found answers of deletes
/// count as done (the thing is already gone); the backend quota code triggers removes-first; everything the transport
/// deems transient is retried by the runtime's backoff.
/// </summary>
public static class SlbErrorCodes
{
    public const string LoadBalancerNotFound = "InvalidLoadBalancerId.NotFound";
    public const string BackendQuota = "InstanceBackendServerNumberOverLimit";
    public const string DeleteProtectionIsOn = "OperationDenied.DeleteProtectionIsOn";

    /// <summary>A domain extension that does not exist (Terraform matches this code for it).</summary>
    public const string DomainExtensionNotFound = "InvalidParameter.DomainExtensionId";

    /// <summary>The load balancer, listener or vServer group does not exist (the API reports missing listeners and
    /// groups as <c>InvalidParameter</c> with a "does not exist" message, which is what upstream and Terraform match).</summary>
    public static bool IsNotFound(OpenApiException exception) =>
        exception.Code is LoadBalancerNotFound or DomainExtensionNotFound
        || exception.Code.EndsWith(".NotFound", StringComparison.Ordinal)
        || (exception.Code == "InvalidParameter" && exception.ServerMessage.Contains("does not exist", StringComparison.OrdinalIgnoreCase)
            && !exception.ServerMessage.Contains("ServerId", StringComparison.Ordinal));

    /// <summary>A backend write named an ECS instance SLB does not know: "The specified ServerId ... does not exist"
    /// (see <see cref="MissingInstances"/>).</summary>
    public static bool IsServerMissing(OpenApiException exception) =>
        exception.Code == "InvalidParameter"
        && exception.ServerMessage.Contains("ServerId", StringComparison.Ordinal)
        && exception.ServerMessage.Contains("does not exist", StringComparison.OrdinalIgnoreCase);
}

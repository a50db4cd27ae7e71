using System.Collections.Frozen;

namespace Ccm.CloudClients.Transport;

/// <summary>
/// Which failures are transient (reference aliyun-api.md §2: the SDKs', Terraform's and the CCM's retry lists) and
/// which writes may be repeated after them. Pure functions, tested table-driven.
/// </summary>
public static class RetryPolicy
{
    /// <summary>
    /// Codes the service uses for "busy, try again": throttling, temporary unavailability, and the conflict or
    /// in-progress states of SLB, VPC and ECS. <c>OperationFailed.DistibuteLock</c> is spelled as the API spells it.
    /// </summary>
    private static readonly FrozenSet<string> RetryableCodes = FrozenSet.ToFrozenSet(
    [
        "ServiceUnavailable", "InternalError", "SystemBusy", "OperationConflict", "TaskConflict",
        "IncorrectRouteEntryStatus", "LastTokenProcessing", "OperationFailed.DistibuteLock", "IncorrectVpcStatus",
        "IncorrectInstanceStatus", "InvalidOperation.Conflict", "ServiceIsConfiguring", "VServerGroupProcessing",
        "SignatureNonceUsed",
    ], StringComparer.Ordinal);

    /// <summary>
    /// Rejections that happen before the service acts: throttling, nonce reuse (a new attempt signs a new nonce), and
    /// "another operation holds the lock / the object is changing". A write rejected so was not applied.
    /// <c>InternalError</c>, <c>ServiceUnavailable</c>, other 5xx and timeouts are not here: the change may have
    /// been committed before the failure.
    /// </summary>
    private static readonly FrozenSet<string> NotAppliedCodes = FrozenSet.ToFrozenSet(
    [
        "SystemBusy", "OperationConflict", "TaskConflict", "IncorrectRouteEntryStatus", "LastTokenProcessing",
        "OperationFailed.DistibuteLock", "IncorrectVpcStatus", "IncorrectInstanceStatus", "InvalidOperation.Conflict",
        "ServiceIsConfiguring", "VServerGroupProcessing", "SignatureNonceUsed",
    ], StringComparer.Ordinal);

    /// <summary>Transient: <c>Throttling*</c>, the busy/conflict codes, any 5xx, timeouts and connection errors.</summary>
    public static bool IsRetryable(CallFailure failure) => failure.Kind switch
    {
        FailureKind.Timeout or FailureKind.NotSent or FailureKind.ConnectionLost => true,
        _ => IsThrottling(failure.Code) || RetryableCodes.Contains(failure.Code) || failure.HttpStatus >= 500,
    };

    /// <summary>Throttling of any flavour (<c>Throttling</c>, <c>Throttling.User</c>, <c>Throttling.Api</c>, ...).</summary>
    public static bool IsThrottling(string code) => code.StartsWith("Throttling", StringComparison.Ordinal);

    /// <summary>The failure proves the request was not applied, so even a non-idempotent write may be sent again.</summary>
    public static bool IsKnownNotApplied(CallFailure failure) =>
        failure.Kind == FailureKind.NotSent
        || (failure.Kind == FailureKind.Service && (IsThrottling(failure.Code) || NotAppliedCodes.Contains(failure.Code)));

    /// <summary>
    /// The rule per action: reads and idempotent writes retry every transient failure; a non-idempotent write only
    /// those known not to have been applied.
    /// </summary>
    public static bool ShouldRetry(CloudAction action, CallFailure failure) =>
        IsRetryable(failure) && action.Safety switch
        {
            WriteSafety.NotAWrite or WriteSafety.IdempotentByClientToken or WriteSafety.IdempotentByEffect => true,
            _ => IsKnownNotApplied(failure),
        };
}

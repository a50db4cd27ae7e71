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
    /// Rejections that happen before the service acts: throttling and "another operation holds the lock / the object
    /// is changing". A write rejected so was not applied. Not here: <c>InternalError</c>, <c>ServiceUnavailable</c>,
    /// other 5xx and timeouts (the change may have been committed first), and <c>SignatureNonceUsed</c>: every
    /// attempt signs a fresh nonce, so that answer means an earlier copy of this very request already arrived (a
    /// resend below us, e.g. the HTTP handler retrying on a dropped connection) and may have been applied.
    /// </summary>
    private static readonly FrozenSet<string> NotAppliedCodes = FrozenSet.ToFrozenSet(
    [
        "SystemBusy", "OperationConflict", "TaskConflict", "IncorrectRouteEntryStatus", "LastTokenProcessing",
        "OperationFailed.DistibuteLock", "IncorrectVpcStatus", "IncorrectInstanceStatus", "InvalidOperation.Conflict",
        "ServiceIsConfiguring", "VServerGroupProcessing",
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

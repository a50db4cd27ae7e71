using Ccm.CloudClients.Transport;

namespace Ccm.CloudClients.Tests.Transport;

public class RetryPolicyTests
{
    private static CallFailure Service(string code, int status = 400) => CallFailure.Service(status, code, "m", "r", null);

    [Theory]
    [InlineData("Throttling", 400, true)]
    [InlineData("Throttling.User", 400, true)]
    [InlineData("Throttling.Api", 400, true)]
    [InlineData("ServiceUnavailable", 503, true)]
    [InlineData("InternalError", 500, true)]
    [InlineData("Http.502", 502, true)]
    [InlineData("SystemBusy", 400, true)]
    [InlineData("OperationConflict", 400, true)]
    [InlineData("TaskConflict", 400, true)]
    [InlineData("IncorrectRouteEntryStatus", 400, true)]
    [InlineData("LastTokenProcessing", 400, true)]
    [InlineData("OperationFailed.DistibuteLock", 400, true)]
    [InlineData("IncorrectVpcStatus", 400, true)]
    [InlineData("IncorrectInstanceStatus", 400, true)]
    [InlineData("InvalidOperation.Conflict", 400, true)]
    [InlineData("ServiceIsConfiguring", 400, true)]
    [InlineData("VServerGroupProcessing", 400, true)]
    [InlineData("SignatureNonceUsed", 400, true)]
    [InlineData("SignatureDoesNotMatch", 400, false)]
    [InlineData("InvalidAccessKeyId.NotFound", 404, false)]
    [InlineData("InvalidLoadBalancerId.NotFound", 400, false)]
    [InlineData("InvalidCIDRBlock.Duplicate", 400, false)]
    [InlineData("QuotaExceeded", 400, false)]
    [InlineData("Forbidden.RAM", 403, false)]
    public void Service_codes_are_classified_per_the_reference(string code, int status, bool retryable) =>
        Assert.Equal(retryable, RetryPolicy.IsRetryable(Service(code, status)));

    [Fact]
    public void Timeouts_and_connection_errors_are_retryable() =>
        Assert.All(
            [CallFailure.TimedOut(TimeSpan.FromSeconds(1)), CallFailure.Connection(sent: false, "refused"), CallFailure.Connection(sent: true, "reset")],
            f => Assert.True(RetryPolicy.IsRetryable(f)));

    public static TheoryData<string, CallFailure, bool> NonIdempotentWrites => new()
    {
        { "throttled before acting", Service("Throttling.User"), true },
        { "another task holds the VPC", Service("TaskConflict"), true },
        { "nonce reused: an earlier copy of this request arrived", Service("SignatureNonceUsed"), false },
        { "never connected", CallFailure.Connection(sent: false, "ConnectionError"), true },
        { "5xx may have committed", Service("InternalError", 500), false },
        { "503 may have committed", Service("ServiceUnavailable", 503), false },
        { "timeout may have committed", CallFailure.TimedOut(TimeSpan.FromSeconds(1)), false },
        { "connection lost after sending", CallFailure.Connection(sent: true, "ResponseEnded"), false },
        { "terminal error", Service("InvalidParameter"), false },
    };

    [Theory]
    [MemberData(nameof(NonIdempotentWrites))]
    public void A_non_idempotent_write_is_retried_only_when_it_was_provably_not_applied(string because, CallFailure failure, bool retry) =>
        Assert.True(retry == RetryPolicy.ShouldRetry(CloudAction.Write("CreateVServerGroup", WriteSafety.NotIdempotent), failure), because);

    [Theory]
    [InlineData(WriteSafety.IdempotentByClientToken)]
    [InlineData(WriteSafety.IdempotentByEffect)]
    public void Idempotent_writes_retry_failures_whose_outcome_is_unknown(WriteSafety safety)
    {
        var action = CloudAction.Write("W", safety);

        Assert.True(RetryPolicy.ShouldRetry(action, Service("InternalError", 500)));
        Assert.True(RetryPolicy.ShouldRetry(action, CallFailure.TimedOut(TimeSpan.FromSeconds(1))));
        Assert.False(RetryPolicy.ShouldRetry(action, Service("InvalidParameter")));
    }

    [Fact]
    public void Reads_retry_every_transient_failure() =>
        Assert.True(RetryPolicy.ShouldRetry(CloudAction.Read("Describe"), CallFailure.Connection(sent: true, "ResponseEnded")));

    [Fact]
    public void A_write_must_say_how_it_is_safe_to_repeat() =>
        Assert.Throws<ArgumentException>(() => CloudAction.Write("W", WriteSafety.NotAWrite));
}

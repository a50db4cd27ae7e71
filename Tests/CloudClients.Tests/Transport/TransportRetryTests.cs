using System.Diagnostics;
using System.Net;
using Ccm.CloudClients.Observability;
using Ccm.CloudClients.Tests.Fakes;
using Ccm.CloudClients.Transport;

namespace Ccm.CloudClients.Tests.Transport;

/// <summary>Retries, timeouts and read-only mode through a scripted fake server.</summary>
public class TransportRetryTests
{
    private static readonly CloudAction Read = CloudAction.Read("DescribeThings");
    private static readonly CloudAction TokenWrite = CloudAction.Write("CreateThing", WriteSafety.IdempotentByClientToken);
    private static readonly CloudAction PlainWrite = CloudAction.Write("AddThing", WriteSafety.NotIdempotent);

    private static Task<OpenApiResponse> Call(OpenApiTransport transport, CloudAction action, CancellationToken ct = default) =>
        transport.CallAsync(action, new RpcParameters(), TransportJsonContext.Default.OpenApiResponse, ct);

    [Fact]
    public async Task Throttling_then_success_is_retried_transparently()
    {
        var handler = new RecordingHandler((_, i) => i < 2 ? RecordingHandler.Error(400, "Throttling.User") : RecordingHandler.Ok());
        var recorder = new CloudCallRecorder();

        var response = await Call(TestClients.Transport(handler, recorder: recorder), Read);

        Assert.Equal("req-ok", response.RequestId);
        Assert.Equal(3, handler.Requests.Count);
        var stats = Assert.Single(recorder.Snapshot());
        Assert.Equal((3, 2, 2, 2), (stats.Calls, stats.Errors, stats.Throttles, stats.Retries));
        Assert.Equal(2, stats.ErrorCodes["Throttling.User"]);
    }

    [Fact]
    public async Task Every_attempt_signs_a_fresh_nonce()
    {
        var handler = new RecordingHandler((_, i) => i == 0 ? RecordingHandler.Error(400, "SignatureNonceUsed") : RecordingHandler.Ok());

        await Call(TestClients.Transport(handler), TokenWrite);

        Assert.Equal(2, handler.Requests.Select(r => r.Headers["x-acs-signature-nonce"]).Distinct().Count());
    }

    [Fact]
    public async Task A_5xx_on_a_non_idempotent_write_is_not_repeated()
    {
        var handler = new RecordingHandler((_, _) => RecordingHandler.Error(500, "InternalError"));

        var ex = await Assert.ThrowsAsync<OpenApiException>(() => Call(TestClients.Transport(handler), PlainWrite));

        Assert.Single(handler.Requests);
        Assert.Equal(("InternalError", 500, "req-InternalError", 1), (ex.Code, ex.HttpStatus, ex.RequestId, ex.Attempts));
        Assert.True(ex.IsRetryable);
    }

    [Fact]
    public async Task A_5xx_on_a_ClientToken_write_is_repeated_with_the_same_token()
    {
        var handler = new RecordingHandler((_, i) => i == 0 ? RecordingHandler.Error(503, "ServiceUnavailable") : RecordingHandler.Ok());

        await TestClients.Transport(handler).CallAsync(TokenWrite, new RpcParameters().Add("ClientToken", "tok-1"), TransportJsonContext.Default.OpenApiResponse, default);

        Assert.Equal(["tok-1", "tok-1"], handler.Requests.Select(r => r.Query["ClientToken"]));
    }

    [Fact]
    public async Task Attempts_stop_at_MaxAttempts()
    {
        var handler = new RecordingHandler((_, _) => RecordingHandler.Error(400, "Throttling"));

        var ex = await Assert.ThrowsAsync<OpenApiException>(() => Call(TestClients.Transport(handler, options: TestClients.Options(o => o.MaxAttempts = 3)), Read));

        Assert.Equal(3, handler.Requests.Count);
        Assert.Equal(3, ex.Attempts);
    }

    [Fact]
    public async Task Terminal_errors_surface_at_once_with_code_message_request_id_and_status()
    {
        var handler = new RecordingHandler((_, _) => RecordingHandler.Error(400, "InvalidLoadBalancerId.NotFound", "The specified LoadBalancerId does not exist."));

        var ex = await Assert.ThrowsAsync<OpenApiException>(() => Call(TestClients.Transport(handler), Read));

        Assert.Single(handler.Requests);
        Assert.Equal("InvalidLoadBalancerId.NotFound", ex.Code);
        Assert.Equal("The specified LoadBalancerId does not exist.", ex.ServerMessage);
        Assert.Equal(400, ex.HttpStatus);
        Assert.False(ex.IsRetryable);
        Assert.Contains("SLB DescribeThings failed: InvalidLoadBalancerId.NotFound", ex.Message);
    }

    [Fact]
    public async Task An_error_without_an_OpenAPI_body_is_classified_by_status()
    {
        var handler = new RecordingHandler((_, i) => i == 0
            ? new HttpResponseMessage(HttpStatusCode.BadGateway) { Content = new StringContent("<html>bad gateway</html>") }
            : RecordingHandler.Ok());

        await Call(TestClients.Transport(handler), Read);

        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task A_slow_answer_times_out_and_a_read_is_retried()
    {
        var handler = new RecordingHandler(async (_, i, ct) =>
        {
            if (i == 0)
            {
                await Task.Delay(TimeSpan.FromSeconds(30), ct);
            }

            return RecordingHandler.Ok();
        });
        var transport = TestClients.Transport(handler, options: TestClients.Options(o => o.Timeout = TimeSpan.FromMilliseconds(200)));

        await Call(transport, Read);

        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task A_timed_out_non_idempotent_write_is_reported_not_repeated()
    {
        var handler = new RecordingHandler(async (_, _, ct) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(30), ct);
            return RecordingHandler.Ok();
        });
        var transport = TestClients.Transport(handler, options: TestClients.Options(o => o.Timeout = TimeSpan.FromMilliseconds(100)));

        var ex = await Assert.ThrowsAsync<OpenApiException>(() => Call(transport, PlainWrite));

        Assert.Equal((OpenApiErrorCodes.ClientTimeout, FailureKind.Timeout), (ex.Code, ex.Kind));
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task Caller_cancellation_is_not_a_timeout()
    {
        var handler = new RecordingHandler(async (_, _, ct) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(30), ct);
            return RecordingHandler.Ok();
        });
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Call(TestClients.Transport(handler), Read, cts.Token));
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task The_wait_honours_TimeLeft()
    {
        var handler = new RecordingHandler((_, i) => i == 0
            ? RecordingHandler.Error(400, "Throttling.User", "flow control", (RateLimitHeaders.UserApi, "Limit:1,Remain:0,TimeLeft:400"))
            : RecordingHandler.Ok());
        var backoff = new Backoff(TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(5), () => 0);
        var started = Stopwatch.GetTimestamp();

        await Call(TestClients.Transport(handler, backoff: backoff), Read);

        // A lower bound only: the client must not come back before the service said the throttle lifts.
        Assert.True(Stopwatch.GetElapsedTime(started) >= TimeSpan.FromMilliseconds(400));
    }

    [Fact]
    public async Task Read_only_mode_refuses_writes_without_sending_and_allows_reads()
    {
        var handler = new RecordingHandler((_, _) => RecordingHandler.Ok());
        var transport = TestClients.Transport(handler, options: TestClients.Options(o => o.ReadOnly = true));

        var ex = await Assert.ThrowsAsync<ReadOnlyModeException>(() => Call(transport, TokenWrite));
        await Call(transport, Read);

        Assert.Equal(("SLB", "CreateThing"), (ex.Product, ex.Action));
        Assert.Equal("DescribeThings", Assert.Single(handler.Requests).Action);
    }
}

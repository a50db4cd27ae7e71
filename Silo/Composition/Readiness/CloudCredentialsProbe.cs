using Ccm.CloudClients.Vpc;
using Ccm.Grains;
using Ccm.Silo.Health;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Ccm.Silo.Composition.Readiness;

/// <summary>
/// "cloud credentials usable": a cheap signed read (<c>DescribeVpcAttribute</c> of the cluster's VPC) succeeded
/// recently. It proves the endpoint, the credentials (including a RAM role's STS token) and the clock together.
/// Probed every minute, every five seconds while failing; a failure is logged once per distinct reason.
/// </summary>
internal sealed partial class CloudCredentialsProbe(
    IVpcClient vpc, CcmOptions options, LivenessMonitor liveness, TimeProvider time, ILogger<CloudCredentialsProbe> logger)
    : BackgroundService, IReadinessCheck
{
    private static readonly TimeSpan Period = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan RetryPeriod = TimeSpan.FromSeconds(5);

    private volatile ReadinessResult state = ReadinessResult.Fail("not probed yet");
    private long lastSuccessTicks;

    public string Name => "cloud credentials usable";

    public Task<ReadinessResult> CheckAsync(CancellationToken cancellationToken)
    {
        var last = Interlocked.Read(ref lastSuccessTicks);
        var stale = last > 0 && time.GetUtcNow().UtcTicks - last > (3 * Period).Ticks;
        return Task.FromResult(stale ? ReadinessResult.Fail("no signed read has succeeded for over 3 minutes") : state);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var heartbeat = liveness.Register("cloud credentials probe", 3 * Period);
        string? lastFailure = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            heartbeat.Beat();
            TimeSpan next;
            try
            {
                await vpc.DescribeVpcAttributeAsync(options.VpcId, stoppingToken);
                Interlocked.Exchange(ref lastSuccessTicks, time.GetUtcNow().UtcTicks);
                state = ReadinessResult.Pass($"DescribeVpcAttribute {options.VpcId} succeeded");
                if (lastFailure is not null)
                {
                    LogRecovered();
                }

                lastFailure = null;
                next = Period;
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                state = ReadinessResult.Fail(e.Message);
                if (e.Message != lastFailure)
                {
                    LogFailed(e.Message);
                }

                lastFailure = e.Message;
                next = RetryPeriod;
            }

            await Task.Delay(next, time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cloud credentials not usable: {Reason}")]
    private partial void LogFailed(string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Cloud credentials usable again")]
    private partial void LogRecovered();
}

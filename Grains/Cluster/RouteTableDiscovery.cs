using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Ccm.Grains.Cluster;

/// <summary>
/// Finds the VPC's route table in the background when the cloud-config names none, retrying with backoff: the
/// silo serves (and its other controllers work) while the cloud is unreachable or misconfigured.
/// </summary>
internal sealed partial class RouteTableDiscovery(RouteTableSet tables, TimeProvider time, ILogger<RouteTableDiscovery> logger) : BackgroundService
{
    private static readonly TimeSpan FirstDelay = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan MaxDelay = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = FirstDelay;
        while (!tables.IsResolved && !stoppingToken.IsCancellationRequested)
        {
            try
            {
                await tables.ResolveAsync(stoppingToken);
                LogResolved(string.Join(",", tables.Ids));
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(e.Message, delay);
            }

            await Task.Delay(delay, time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxDelay.Ticks));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Route tables: {RouteTableIds} (the VPC's only table)")]
    private partial void LogResolved(string routeTableIds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Cannot find the route table to keep routes in: {Reason}; retrying in {Delay}")]
    private partial void LogFailed(string reason, TimeSpan delay);
}

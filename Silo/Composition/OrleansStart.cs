using Ccm.Silo.Options;
using k8s;
using k8s.Autorest;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;

namespace Ccm.Silo.Composition;

/// <summary>
/// Starts the Orleans silo once the host serves (in place of Orleans' own hosted service, which starts it before the
/// web server and fails the process when the API server is not there yet). A clustered silo first waits for the
/// Kubernetes API server that holds its membership and reminder tables: meanwhile <c>/healthz</c> answers 200 (the
/// process is fine), <c>/readyz</c> 503 with the reason, and a stop request ends the wait at once. A silo that then fails
/// to start exits with code 1, so Kubernetes restarts it.
/// </summary>
internal sealed partial class OrleansStart(
    Orleans.Runtime.Silo silo,
    IEnumerable<IConfigurationValidator> validators,
    IServiceProvider services,
    SiloOptions options,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<OrleansStart> logger) : IHostedLifecycleService, IDisposable
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan MaxRetry = TimeSpan.FromSeconds(4);
    private static readonly TimeSpan RepeatLog = TimeSpan.FromSeconds(30);

    private readonly CancellationTokenSource stopping = new();
    private Task run = Task.CompletedTask;
    private volatile bool siloStarting;
    private volatile bool startFailed;
    private volatile bool siloStarted;

    /// <summary>Where the start is, for <c>/readyz</c> while this silo is not an Active member yet.</summary>
    public string Status { get; private set; } = "the silo has not started yet";

    public Task StartingAsync(CancellationToken cancellationToken)
    {
        // What Orleans' hosted service checked in its constructor: a bad silo configuration fails the start at once.
        foreach (var validator in validators)
        {
            validator.ValidateConfiguration();
        }

        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken)
    {
        run = Task.Run(() => RunAsync(stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        await stopping.CancelAsync();
        await run.WaitAsync(cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (siloStarting && !startFailed)
        {
            LogStopping();
            try
            {
                await silo.StopAsync(cancellationToken);
            }
            catch (InvalidOperationException) when (!siloStarted)
            {
                // The stop came before the silo left its Created state: there is nothing to stop.
            }
        }
    }

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => stopping.Dispose();

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (options.LeaderElection.Enabled)
            {
                await WaitForApiServerAsync(cancellationToken);
            }

            Status = "the silo is joining the cluster";
            siloStarting = true;
            await silo.StartAsync(cancellationToken);
            siloStarted = true;
            Status = "the silo has started";
            LogStarted();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            startFailed = true;
            Status = $"the silo failed to start: {e.Message}";
            LogFailed(e.GetType().Name, e.Message, e);
            Environment.ExitCode = 1;
            lifetime.StopApplication();
        }
    }

    /// <summary>
    /// Until the API server answers: any HTTP answer but 401 proves it is there (<c>/version</c> is readable by every
    /// authenticated client). Retries every quarter second, backing off to four seconds, so an API server that comes
    /// back is noticed within seconds; logs the first failure, a changed reason, and the same reason every 30 s.
    /// </summary>
    private async Task WaitForApiServerAsync(CancellationToken cancellationToken)
    {
        var tables = services.GetRequiredKeyedService<IKubernetes>(OrleansSilo.TablesClient); // only a clustered silo has it
        var delay = FirstRetry;
        string? lastReason = null;
        var lastLog = DateTimeOffset.MinValue;
        while (true)
        {
            var reason = await ProbeAsync(tables, cancellationToken);
            if (reason is null)
            {
                if (lastReason is not null)
                {
                    LogReachable(tables.BaseUri);
                }

                return;
            }

            Status = $"waiting for the Kubernetes API server at {tables.BaseUri}: {reason}";
            var now = time.GetUtcNow();
            if (reason != lastReason || now - lastLog >= RepeatLog)
            {
                LogWaiting(tables.BaseUri, reason);
                (lastReason, lastLog) = (reason, now);
            }

            await Task.Delay(delay, time, cancellationToken);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxRetry.Ticks));
        }
    }

    private static async Task<string?> ProbeAsync(IKubernetes tables, CancellationToken cancellationToken)
    {
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(TimeSpan.FromSeconds(10));
        try
        {
            await tables.Version.GetCodeAsync(attempt.Token);
            return null;
        }
        catch (HttpOperationException e) when ((int)e.Response.StatusCode == 401)
        {
            return "401 Unauthorized: the kubeconfig's credentials are refused (check --kubeconfig, or the service account token)";
        }
        catch (HttpOperationException)
        {
            return null; // it answered
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return "no answer within 10s";
        }
        catch (HttpRequestException e)
        {
            return e.Message;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Waiting for the Kubernetes API server at {Url} before joining the cluster: {Reason}")]
    private partial void LogWaiting(Uri url, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "The Kubernetes API server at {Url} answers; joining the cluster")]
    private partial void LogReachable(Uri url);

    [LoggerMessage(Level = LogLevel.Information, Message = "Orleans silo started")]
    private partial void LogStarted();

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopping the Orleans silo")]
    private partial void LogStopping();

    [LoggerMessage(Level = LogLevel.Critical, Message = "The Orleans silo failed to start ({Error}: {Reason}); exiting with code 1 so the pod restarts")]
    private partial void LogFailed(string error, string reason, Exception exception);
}

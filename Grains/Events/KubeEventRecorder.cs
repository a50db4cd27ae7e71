using System.Diagnostics.Metrics;
using System.Threading.Channels;
using Ccm.Kube.Client;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;

namespace Ccm.Grains.Events;

/// <summary>
/// The silo's <see cref="IEventRecorder"/>. <see cref="Record"/> never waits: it applies the per-object spam filter
/// and queues the event (a full queue drops it, counted); one background loop writes the queue in order, aggregating
/// repeats into a count (<see cref="EventWriter"/>) and retrying failures the API server may recover from. In dry-run
/// nothing is written. <see cref="FlushAsync"/> writes what is queued when the silo stops.
/// </summary>
public sealed partial class KubeEventRecorder : IEventRecorder, IAsyncDisposable
{
    private readonly EventRecorderOptions options;
    private readonly EventWriter writer;
    private readonly EventSpamFilter spam;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly Counter<long> outcomes;
    private readonly Channel<PendingEvent> queue;
    private readonly CancellationTokenSource stopping = new();
    private readonly Task loop;
    private long lastDropWarningTicks;
    private int disposed;

    public KubeEventRecorder(IKubernetes api, EventRecorderOptions options, TimeProvider time, ILogger<KubeEventRecorder> logger, IMeterFactory meters)
    {
        this.options = options;
        this.time = time;
        this.logger = logger;
        writer = new EventWriter(api, options);
        spam = new EventSpamFilter(options.SpamBurst, options.SpamRefillInterval, options.CacheSize);
        outcomes = meters.Create("Ccm.Grains.Events").CreateCounter<long>(
            "ccm.events", "{event}", "Kubernetes Events recorded by grains, by outcome (created, aggregated, dry_run, spam_filtered, queue_full, failed)");
        queue = Channel.CreateBounded<PendingEvent>(new BoundedChannelOptions(options.QueueCapacity)
        {
            FullMode = BoundedChannelFullMode.DropWrite,
            SingleReader = true,
        });
        loop = Task.Run(RunAsync);
    }

    public void Record(V1ObjectReference regarding, EventSeverity severity, string reason, string message)
    {
        var now = time.GetUtcNow();
        if (options.DryRun)
        {
            Count("dry_run");
            return;
        }

        if (!spam.Allow(regarding, now))
        {
            Count("spam_filtered");
            return;
        }

        var type = severity == EventSeverity.Warning ? "Warning" : "Normal";
        if (!queue.Writer.TryWrite(new PendingEvent(regarding, type, reason, message, now)))
        {
            Count("queue_full");
            WarnDropped(now);
        }
    }

    /// <summary>Stops taking events and writes those queued, until <paramref name="cancellationToken"/> fires (no retries then).</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        queue.Writer.TryComplete();
        using var abandon = cancellationToken.Register(stopping.Cancel);
        await loop;
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        queue.Writer.TryComplete();
        await stopping.CancelAsync();
        await loop;
        stopping.Dispose();
    }

    private async Task RunAsync()
    {
        try
        {
            await foreach (var pending in queue.Reader.ReadAllAsync(stopping.Token))
            {
                await WriteWithRetriesAsync(pending);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }

    private async Task WriteWithRetriesAsync(PendingEvent pending)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var outcome = await writer.WriteAsync(pending, stopping.Token);
                Count(outcome == WriteOutcome.Created ? "created" : "aggregated");
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException || !stopping.IsCancellationRequested)
            {
                if (attempt >= options.MaxAttempts || !IsRetryable(e))
                {
                    Count("failed");
                    LogWriteFailed(e.Message, pending.Reason, pending.Regarding.Kind, pending.Regarding.NamespaceProperty, pending.Regarding.Name, attempt);
                    return;
                }
            }

            await Task.Delay(options.RetryDelay, time, stopping.Token);
        }
    }

    /// <summary>Transport failures, timeouts, throttling and server errors may pass; a refusal (403, 422...) will not.</summary>
    private static bool IsRetryable(Exception e) => e switch
    {
        _ => e.IsRetryable(),
    };

    private void Count(string outcome) => outcomes.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    private void WarnDropped(DateTimeOffset now)
    {
        // At most once a minute: the counter has the numbers.
        var last = Interlocked.Read(ref lastDropWarningTicks);
        if (now.UtcTicks - last > TimeSpan.TicksPerMinute && Interlocked.CompareExchange(ref lastDropWarningTicks, now.UtcTicks, last) == last)
        {
            LogQueueFull(options.QueueCapacity);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Event queue full ({Capacity}): new Events are dropped until the API server catches up")]
    private partial void LogQueueFull(int capacity);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not write Event {Reason} about {Kind} {Namespace}/{Name} after {Attempts} attempts: {Error}")]
    private partial void LogWriteFailed(string error, string reason, string? kind, string? @namespace, string? name, int attempts);
}

using Ccm.CloudClients.Ecs;
using Microsoft.Extensions.Logging;

namespace Ccm.Grains.Nodes;

/// <summary>
/// The silo's <see cref="IInstanceLookup"/>: gathers the lookups of all Node grains for a short window (see
/// <see cref="InstanceBatchOptions"/>) and answers them with one DescribeInstances per
/// <see cref="CcmOptions.NodeBatchSize"/> ids or IPs, then, when some caller asked for it, one DescribeNetworkInterfaces
/// per 100 primary ENIs of the instances found. Callers asking for the same key share one answer. A failed call fails
/// each of its waiters (an ENI read only those that asked for it); their grains retry with backoff and so form the next batch.
/// </summary>
public sealed partial class InstanceBatcher : IInstanceLookup, IDisposable
{
    private readonly IEcsClient ecs;
    private readonly string vpcId;
    private readonly int batchSize;
    private readonly InstanceBatchOptions window;
    private readonly TimeProvider time;
    private readonly ILogger<InstanceBatcher> logger;
    private readonly Lock gate = new();
    private readonly Pending byId = new();
    private readonly Pending byIp = new();
    private readonly CancellationTokenSource stopping = new();
    private readonly ITimer timer;
    private DateTimeOffset firstRequestAt;
    private DateTimeOffset lastRequestAt;
    private bool armed;

    public InstanceBatcher(IEcsClient ecs, CcmOptions options, InstanceBatchOptions window, TimeProvider time, ILogger<InstanceBatcher> logger)
    {
        this.ecs = ecs;
        vpcId = options.VpcId;
        batchSize = Math.Clamp(options.NodeBatchSize, 1, DescribeInstancesRequest.MaxIdsPerCall);
        this.window = window;
        this.time = time;
        this.logger = logger;
        timer = time.CreateTimer(_ => OnTimer(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public Task<InstanceLookup> FindByIdAsync(string instanceId, bool withSourceDestCheck, CancellationToken cancellationToken) =>
        Enqueue(InstanceBatch.Kind.InstanceId, instanceId, withSourceDestCheck, cancellationToken);

    public Task<InstanceLookup> FindByPrivateIpAsync(string privateIp, bool withSourceDestCheck, CancellationToken cancellationToken) =>
        Enqueue(InstanceBatch.Kind.PrivateIp, privateIp, withSourceDestCheck, cancellationToken);

    public void Dispose()
    {
        stopping.Cancel();
        timer.Dispose();
        List<InstanceBatch> abandoned;
        lock (gate)
        {
            abandoned = TakeAll();
        }

        abandoned.ForEach(b => b.Fail(new ObjectDisposedException(nameof(InstanceBatcher))));
        stopping.Dispose();
    }

    private Task<InstanceLookup> Enqueue(InstanceBatch.Kind kind, string key, bool withSourceDestCheck, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ObjectDisposedException.ThrowIf(stopping.IsCancellationRequested, this);
        TaskCompletionSource<InstanceLookup>? waiter;
        InstanceBatch? full = null;
        lock (gate)
        {
            var pending = kind == InstanceBatch.Kind.InstanceId ? byId : byIp;
            if (!pending.Waiters.TryGetValue(key, out waiter))
            {
                waiter = new TaskCompletionSource<InstanceLookup>(TaskCreationOptions.RunContinuationsAsynchronously);
                pending.Waiters[key] = waiter;
            }

            if (withSourceDestCheck)
            {
                pending.WithSourceDestCheck.Add(key); // the shared answer then carries it for every caller of the key
            }

            lastRequestAt = time.GetUtcNow();
            if (!armed)
            {
                armed = true;
                firstRequestAt = lastRequestAt;
                timer.Change(window.Quiet, Timeout.InfiniteTimeSpan);
            }

            if (pending.Waiters.Count >= batchSize)
            {
                full = Take(kind, pending);
            }
        }

        if (full is not null)
        {
            _ = SendAsync(full);
        }

        // A caller that gives up does not cancel the batch: the other waiters still want the answer.
        return waiter.Task.WaitAsync(cancellationToken);
    }

    private void OnTimer()
    {
        List<InstanceBatch> due;
        lock (gate)
        {
            var now = time.GetUtcNow();
            var dueAt = Min(lastRequestAt + window.Quiet, firstRequestAt + window.MaxWait);
            if (now < dueAt && byId.Waiters.Count + byIp.Waiters.Count > 0)
            {
                timer.Change(dueAt - now, Timeout.InfiniteTimeSpan);
                return;
            }

            armed = false;
            due = TakeAll();
        }

        foreach (var batch in due)
        {
            _ = SendAsync(batch);
        }
    }

    private async Task SendAsync(InstanceBatch batch)
    {
        List<Instance> instances;
        try
        {
            instances = await ecs.DescribeInstancesAsync(batch.Request(vpcId), stopping.Token).ToListAsync(stopping.Token);
            LogBatch(batch.Waiters.Count, batch.By, instances.Count);
        }
        catch (Exception ex)
        {
            LogBatchFailed(ex, batch.Waiters.Count, batch.By);
            batch.Fail(ex);
            return;
        }

        var checks = new Dictionary<string, bool>(StringComparer.Ordinal);
        var enis = batch.PrimaryEnisToCheck(instances);
        try
        {
            foreach (var chunk in enis.Chunk(DescribeNetworkInterfacesRequest.MaxIdsPerCall))
            {
                var request = new DescribeNetworkInterfacesRequest { NetworkInterfaceIds = chunk, MaxResults = DescribeNetworkInterfacesRequest.MaxIdsPerCall };
                await foreach (var eni in ecs.DescribeNetworkInterfacesAsync(request, stopping.Token))
                {
                    if (eni.SourceDestCheck is { } on)
                    {
                        checks[eni.NetworkInterfaceId] = on;
                    }
                }
            }
        }
        catch (Exception ex)
        {
            LogEnisFailed(ex, enis.Count);
            batch.FailSourceDestCheck(ex);
        }

        batch.Complete(instances, checks);
    }

    private List<InstanceBatch> TakeAll() =>
        [.. new[] { Take(InstanceBatch.Kind.InstanceId, byId), Take(InstanceBatch.Kind.PrivateIp, byIp) }.Where(b => b.Waiters.Count > 0)];

    private static InstanceBatch Take(InstanceBatch.Kind kind, Pending pending)
    {
        var batch = new InstanceBatch(kind, new Dictionary<string, TaskCompletionSource<InstanceLookup>>(pending.Waiters, StringComparer.Ordinal),
            new HashSet<string>(pending.WithSourceDestCheck, StringComparer.Ordinal));
        pending.Waiters.Clear();
        pending.WithSourceDestCheck.Clear();
        return batch;
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    [LoggerMessage(Level = LogLevel.Debug, Message = "DescribeInstances for {Count} nodes by {By} found {Found} instances")]
    private partial void LogBatch(int count, InstanceBatch.Kind by, int found);

    [LoggerMessage(Level = LogLevel.Warning, Message = "DescribeInstances for {Count} nodes by {By} failed; their grains retry")]
    private partial void LogBatchFailed(Exception exception, int count, InstanceBatch.Kind by);

    [LoggerMessage(Level = LogLevel.Warning, Message = "DescribeNetworkInterfaces for the source/destination check of {Count} primary ENIs failed; their grains retry")]
    private partial void LogEnisFailed(Exception exception, int count);

    /// <summary>The lookups of one kind gathered so far.</summary>
    private sealed class Pending
    {
        public Dictionary<string, TaskCompletionSource<InstanceLookup>> Waiters { get; } = new(StringComparer.Ordinal);

        public HashSet<string> WithSourceDestCheck { get; } = new(StringComparer.Ordinal);
    }
}

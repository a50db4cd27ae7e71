using System.Collections.Concurrent;
using Ccm.Sandbox.Aliyun.Protocol;

namespace Ccm.Sandbox.Aliyun.Faults;

/// <summary>
/// Faults for tests and benchmarks, applied to every OpenAPI call after its signature is verified, in this order:
/// latency (global plus per action), a per-action QPS limit answering <c>Throttling.User</c>, a 5xx error rate
/// (alternately <c>ServiceUnavailable</c> 503 and <c>InternalError</c> 500, nothing changed), and "commit then drop":
/// for the next N successful calls of an action the change is applied and then the connection is aborted without a
/// response, so the client sees a reset connection (immediately, rather than waiting for its timeout) and cannot know
/// whether the call took effect; and "garble": for the next N calls of an action the change is applied and the answer
/// is malformed (<see cref="MalformedAnswer"/>). Besides these targeted faults, <see cref="SetRandomFaults"/> spreads
/// faults over every call by chance, as a flaky cloud does: a share answered <c>Throttling.User</c>, a share held until
/// the client gives up (a timeout, nothing changed), and a share of successful calls committed and then dropped.
/// Thread-safe; changes apply to the next call.
/// </summary>
public sealed class FaultInjector(TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, TimeSpan> actionLatency = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TokenBucket> limits = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, double> actionErrorRates = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> drops = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, GarbledAnswers> garbles = new(StringComparer.Ordinal);
    private long latencyTicks;
    private double errorRate;
    private RandomFaults random = RandomFaults.None;
    private long injectedErrors;
    private int delayed;

    /// <summary>Delays every call (<paramref name="action"/> null) or one action's calls; zero removes it.</summary>
    public void SetLatency(TimeSpan latency, string? action = null)
    {
        if (action is null)
        {
            Interlocked.Exchange(ref latencyTicks, latency.Ticks);
        }
        else if (latency <= TimeSpan.Zero)
        {
            actionLatency.TryRemove(action, out _);
        }
        else
        {
            actionLatency[action] = latency;
        }
    }

    /// <summary>Allows <paramref name="perSecond"/> calls of <paramref name="action"/> per second (bursts up to one second's worth); 0 removes the limit.</summary>
    public void SetQpsLimit(string action, double perSecond)
    {
        if (perSecond <= 0)
        {
            limits.TryRemove(action, out _);
        }
        else
        {
            limits[action] = new TokenBucket(perSecond, clock);
        }
    }

    /// <summary>Fails this fraction (0..1) of every call, or of one action's calls, with a 5xx.</summary>
    public void SetErrorRate(double rate, string? action = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rate, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rate, 1);
        if (action is null)
        {
            Interlocked.Exchange(ref errorRate, rate);
        }
        else if (rate == 0)
        {
            actionErrorRates.TryRemove(action, out _);
        }
        else
        {
            actionErrorRates[action] = rate;
        }
    }

    /// <summary>Applies the next <paramref name="count"/> successful calls of <paramref name="action"/>, then drops their responses.</summary>
    public void DropResponses(string action, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        drops[action] = count;
    }

    /// <summary>Applies the next <paramref name="count"/> successful calls of <paramref name="action"/>, then answers them malformed as <paramref name="kind"/> says.</summary>
    public void GarbleAnswers(string action, MalformedAnswer kind, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        garbles[action] = new GarbledAnswers(kind.ToString(), count);
    }

    /// <summary>How many calls injected latency holds right now (the calls a test can cancel or outwait).</summary>
    public int Delayed => Volatile.Read(ref delayed);

    /// <summary>Faults by chance on every call (on top of the targeted ones); <see cref="RandomFaults.None"/> removes them.</summary>
    public void SetRandomFaults(RandomFaults faults)
    {
        faults.Validate();
        Volatile.Write(ref random, faults);
    }

    public void Clear()
    {
        Volatile.Write(ref random, RandomFaults.None);
        Interlocked.Exchange(ref latencyTicks, 0);
        Interlocked.Exchange(ref errorRate, 0);
        actionLatency.Clear();
        limits.Clear();
        actionErrorRates.Clear();
        drops.Clear();
        garbles.Clear();
    }

    public FaultSettings Current => new()
    {
        LatencyMs = TimeSpan.FromTicks(Interlocked.Read(ref latencyTicks)).TotalMilliseconds,
        ActionLatencyMs = actionLatency.ToDictionary(p => p.Key, p => p.Value.TotalMilliseconds),
        QpsLimits = limits.ToDictionary(p => p.Key, p => p.Value.PerSecond),
        ErrorRate = Volatile.Read(ref errorRate),
        ActionErrorRates = actionErrorRates.ToDictionary(),
        PendingDrops = drops.Where(p => p.Value > 0).ToDictionary(),
        PendingGarbles = garbles.Where(p => p.Value.Count > 0).ToDictionary(),
        Random = Volatile.Read(ref random),
    };

    internal TimeSpan LatencyFor(string action) =>
        TimeSpan.FromTicks(Interlocked.Read(ref latencyTicks)) + actionLatency.GetValueOrDefault(action);

    /// <summary>Holds a call for its injected latency; <see cref="Delayed"/> counts it meanwhile.</summary>
    internal async Task DelayAsync(TimeSpan latency, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref delayed);
        try
        {
            await Task.Delay(latency, clock, cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref delayed);
        }
    }

    /// <summary>Null when the call may pass; else the throttling refusal with the time until the next call would pass.</summary>
    internal ThrottleRefusal? Throttle(string action) =>
        limits.TryGetValue(action, out var bucket) && !bucket.TryTake(out var retryAfter)
            ? new ThrottleRefusal(bucket.PerSecond, retryAfter)
            : null;

    /// <summary>By chance (<see cref="RandomFaults.ThrottleRate"/>): a refusal asking the client to come back shortly.</summary>
    internal ThrottleRefusal? RandomThrottle() =>
        Chance(Volatile.Read(ref random).ThrottleRate) ? new ThrottleRefusal(1, TimeSpan.FromMilliseconds(200)) : null;

    /// <summary>By chance (<see cref="RandomFaults.TimeoutRate"/>): how long to hold the call unanswered, else null.</summary>
    internal TimeSpan? RandomTimeout() => Volatile.Read(ref random) is var faults && Chance(faults.TimeoutRate) ? faults.TimeoutHold : null;

    /// <summary>By chance (<see cref="RandomFaults.DropRate"/>): drop the answer of this successful call.</summary>
    internal bool RandomDrop() => Chance(Volatile.Read(ref random).DropRate);

    private static bool Chance(double rate) => rate > 0 && Random.Shared.NextDouble() < rate;

    internal OpenApiException? InjectedError(string action)
    {
        var rate = actionErrorRates.TryGetValue(action, out var own) ? own : Math.Max(Volatile.Read(ref errorRate), Volatile.Read(ref random).ErrorRate);
        if (rate <= 0 || Random.Shared.NextDouble() >= rate)
        {
            return null;
        }

        return Interlocked.Increment(ref injectedErrors) % 2 == 1 ? CommonErrors.ServiceUnavailable() : CommonErrors.InternalError();
    }

    internal bool TryConsumeDrop(string action)
    {
        while (drops.TryGetValue(action, out var left) && left > 0)
        {
            if (drops.TryUpdate(action, left - 1, left))
            {
                return true;
            }
        }

        return false;
    }

    internal MalformedAnswer? TryConsumeGarble(string action)
    {
        while (garbles.TryGetValue(action, out var left) && left.Count > 0)
        {
            if (garbles.TryUpdate(action, left with { Count = left.Count - 1 }, left))
            {
                return Enum.Parse<MalformedAnswer>(left.Kind);
            }
        }

        return null;
    }
}

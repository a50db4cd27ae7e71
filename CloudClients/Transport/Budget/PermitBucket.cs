using Ccm.CloudClients.Observability;
using Microsoft.Extensions.Logging;

namespace Ccm.CloudClients.Transport.Budget;

/// <summary>
/// One client-side budget: a token bucket (rate adapted by <see cref="AdaptiveRate"/>, at most <c>burst</c> tokens) in
/// front of a <see cref="PermitQueue"/>. A call takes a token at once when nobody waits; otherwise it queues, and one
/// timer of the injected clock hands out tokens as they accrue, Event before Resync, round-robin between callers.
/// Tokens may go negative: a slow-down answer pauses the bucket until the cloud's <c>TimeLeft</c> has passed.
/// A waiter leaves only by a grant, its caller's token, a full queue or disposal: waiting never times out here.
/// </summary>
internal sealed class PermitBucket : IPermitQueueOwner, IDisposable
{
    // Refill arithmetic in doubles: accept a token a hair short of whole rather than wait one more timer tick for it.
    private const double Whole = 1 - 1e-9;

    private readonly Lock gate = new();
    private readonly PermitQueue queue = new();
    private readonly CloudRateLimit limit;
    private readonly AdaptiveRate rate;
    private readonly TimeSpan maxPause;
    private readonly TimeProvider time;
    private readonly CloudClientMetrics? metrics;
    private readonly ILogger logger;
    private readonly ITimer timer;
    private double tokens;
    private long refilledAt;
    private bool disposed;

    public PermitBucket(
        string product, string action, CloudRateLimit limit, AdaptiveRateOptions adaptive, TimeSpan maxPause, TimeProvider time,
        CloudClientMetrics? metrics, ILogger logger)
    {
        Product = product;
        Action = action;
        this.limit = limit;
        this.maxPause = maxPause;
        this.time = time;
        this.metrics = metrics;
        this.logger = logger;
        rate = new AdaptiveRate(limit.PermitsPerSecond, adaptive, time);
        tokens = limit.Burst;
        refilledAt = time.GetTimestamp();
        using (ExecutionContext.SuppressFlow())
        {
            // The timer must not capture the first caller's async context (and with it its CloudCallScope).
            timer = time.CreateTimer(_ => OnTimer(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }
    }

    public string Product { get; }

    /// <summary>The action this bucket belongs to, or <see cref="CloudCallBudget.ProductWide"/> for the product's shared one.</summary>
    public string Action { get; }

    public CloudBudgetState State
    {
        get
        {
            lock (gate)
            {
                Refill(time.GetTimestamp());
                return new CloudBudgetState(Product, Action, rate.Configured, rate.Current, limit.Burst,
                    queue.CountOf(CloudCallPriority.Event), queue.CountOf(CloudCallPriority.Resync));
            }
        }
    }

    /// <summary>Tokens at hand now (negative while paused); for tests.</summary>
    internal double Tokens
    {
        get
        {
            lock (gate)
            {
                Refill(time.GetTimestamp());
                return tokens;
            }
        }
    }

    /// <summary>Waits for a permit as the ambient <see cref="CloudCallScope"/> (or as an anonymous Event caller).</summary>
    public ValueTask<Permit> AcquireAsync(CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromCanceled<Permit>(cancellationToken);
        }

        var scope = CloudCallScope.Current;
        var priority = scope?.Priority ?? CloudCallPriority.Event;
        PermitWaiter waiter;
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            var now = time.GetTimestamp();
            Refill(now);
            if (queue.Count == 0 && tokens >= Whole)
            {
                tokens -= 1;
                metrics?.PermitWait(Product, priority, TimeSpan.Zero);
                return ValueTask.FromResult(new Permit(true, true, TimeSpan.Zero, now));
            }

            if (queue.CountOf(priority) >= limit.QueueLimit)
            {
                return ValueTask.FromResult(new Permit(false, true, TimeSpan.Zero, now));
            }

            waiter = new PermitWaiter(priority, scope?.Key ?? CloudCallScope.AnonymousKey, scope, now, cancellationToken);
            scope?.EnterWait(time, this, waiter);
            queue.Enqueue(waiter);

            // Registered under the lock, so a grant never reads a half-written registration. A token cancelled meanwhile
            // runs Cancel right here (the lock is re-entrant) and the waiter leaves before anything is granted.
            waiter.Registration = cancellationToken.UnsafeRegister(_ => Cancel(waiter), null);
            Pump(now);
        }

        return new ValueTask<Permit>(waiter.Task);
    }

    /// <summary>
    /// The cloud answered a call sent on <paramref name="permit"/> with a slow-down code: cut the rate (once per round)
    /// and pause until <paramref name="timeLeft"/> (capped) or at least one token interval has passed.
    /// </summary>
    public void SlowDown(Permit permit, string code, TimeSpan? timeLeft)
    {
        lock (gate)
        {
            if (disposed)
            {
                return;
            }

            var now = time.GetTimestamp();
            Refill(now);
            var before = rate.Current;
            if (rate.Cut(permit.GrantedAt, now))
            {
                metrics?.RateChanged(Product, Action, lowered: true);
                logger.LogWarning("{Product} {Action} client budget lowered from {PreviousRate:0.###} to {Rate:0.###} permits/s after {Code}",
                    Product, Action, before, rate.Current, code);
            }

            var pause = Math.Max(Math.Min((timeLeft ?? TimeSpan.Zero).TotalSeconds, maxPause.TotalSeconds), 1 / rate.Current);
            tokens = Math.Min(tokens, 1 - (pause * rate.Current));
            Pump(now);
        }
    }

    /// <summary>Moves a waiter of an escalated scope ahead of every Resync waiter, if it still waits here.</summary>
    public void Promote(PermitWaiter waiter)
    {
        lock (gate)
        {
            if (!disposed)
            {
                queue.Promote(waiter);
            }
        }
    }

    public void Dispose()
    {
        var abandoned = new List<PermitWaiter>();
        lock (gate)
        {
            disposed = true;
            timer.Dispose();
            while (queue.TryDequeue(out var waiter))
            {
                waiter.Scope?.ExitWait(waiter);
                abandoned.Add(waiter);
            }
        }

        foreach (var waiter in abandoned)
        {
            waiter.Registration.Unregister();
            waiter.TryCancel();
        }
    }

    private void OnTimer()
    {
        lock (gate)
        {
            if (!disposed)
            {
                Pump(time.GetTimestamp());
            }
        }
    }

    /// <summary>Under the lock: grant every token at hand to the next waiters, then set the timer for the next token.</summary>
    private void Pump(long now)
    {
        Refill(now);
        while (tokens >= Whole && queue.TryDequeue(out var waiter))
        {
            waiter.Scope?.ExitWait(waiter);
            waiter.Registration.Unregister();
            if (waiter.CancellationToken.IsCancellationRequested)
            {
                // Cancelled while its callback waits for this lock: it leaves without a token.
                waiter.TryCancel();
                continue;
            }

            tokens -= 1;
            var waited = time.GetElapsedTime(waiter.QueuedAt, now);
            metrics?.PermitWait(Product, waiter.Priority, waited);
            waiter.TryGrant(new Permit(true, true, waited, now));
        }

        if (queue.Count == 0)
        {
            timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            return;
        }

        var seconds = (1 - tokens) / rate.Current;
        timer.Change(TimeSpan.FromTicks(Math.Max(1, (long)Math.Ceiling(seconds * TimeSpan.TicksPerSecond))), Timeout.InfiniteTimeSpan);
    }

    /// <summary>Under the lock: add the tokens accrued since the last refill at the rate that held, then let the rate recover.</summary>
    private void Refill(long now)
    {
        var elapsed = time.GetElapsedTime(refilledAt, now).TotalSeconds;
        if (elapsed > 0)
        {
            tokens = Math.Min(limit.Burst, tokens + (elapsed * rate.Current));
            refilledAt = now;
        }

        var before = rate.Current;
        if (rate.Recover(now))
        {
            metrics?.RateChanged(Product, Action, lowered: false);
            var level = rate.Current >= rate.Configured ? LogLevel.Information : LogLevel.Debug;
            logger.Log(level, "{Product} {Action} client budget raised from {PreviousRate:0.###} to {Rate:0.###} permits/s (configured {ConfiguredRate:0.###})",
                Product, Action, before, rate.Current, rate.Configured);
        }
    }

    private void Cancel(PermitWaiter waiter)
    {
        lock (gate)
        {
            if (!queue.Withdraw(waiter))
            {
                return;
            }
        }

        waiter.TryCancel();
    }

    public override string ToString() => $"PermitBucket {{ {Product} {Action}, {rate.Current:0.###}/{rate.Configured:0.###} permits/s, burst {limit.Burst} }}";
}

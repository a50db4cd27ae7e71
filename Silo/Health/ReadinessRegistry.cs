using System.Collections.Immutable;

namespace Ccm.Silo.Health;

/// <summary>
/// The named readiness checks of this silo. Seeded with every <see cref="IReadinessCheck"/> in DI; components that
/// come and go (shards, watches) register and unregister at run time. With no check registered the silo is not
/// ready, and says so: nothing has claimed it can do its work.
/// </summary>
public sealed class ReadinessRegistry
{
    private readonly Lock gate = new();
    private ImmutableList<IReadinessCheck> checks = [];

    public ReadinessRegistry(IEnumerable<IReadinessCheck> checks)
    {
        foreach (var check in checks)
        {
            Register(check);
        }
    }

    /// <summary>How long one check may take before it counts as failed.</summary>
    public TimeSpan CheckTimeout { get; init; } = TimeSpan.FromSeconds(5);

    public IReadOnlyList<string> Names => [.. checks.Select(c => c.Name)];

    /// <summary>Adds a check; dispose the result to remove it.</summary>
    public IDisposable Register(IReadinessCheck check)
    {
        lock (gate)
        {
            if (checks.Any(c => c.Name == check.Name))
            {
                throw new InvalidOperationException($"a readiness check named \"{check.Name}\" is already registered");
            }

            checks = checks.Add(check);
        }

        return new Registration(this, check);
    }

    /// <summary>Creates, registers and returns a <see cref="ReadinessSignal"/> (not ready until marked).</summary>
    public ReadinessSignal AddSignal(string name, string initialDetail = "not started")
    {
        var signal = new ReadinessSignal(name, initialDetail);
        Register(signal);
        return signal;
    }

    /// <summary>Runs every check concurrently, each under <see cref="CheckTimeout"/>.</summary>
    public async Task<ReadinessReport> EvaluateAsync(CancellationToken cancellationToken)
    {
        var current = checks;
        if (current.IsEmpty)
        {
            return new ReadinessReport(false, [], "no readiness checks are registered: no component has reported that it can work yet");
        }

        var outcomes = await Task.WhenAll(current.Select(c => RunAsync(c, cancellationToken)));
        return new ReadinessReport(outcomes.All(o => o.Ready), [.. outcomes], null);
    }

    private async Task<CheckOutcome> RunAsync(IReadinessCheck check, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(CheckTimeout);
        try
        {
            var result = await check.CheckAsync(timeout.Token).WaitAsync(timeout.Token);
            return new CheckOutcome(check.Name, result.Ready, result.Detail);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new CheckOutcome(check.Name, false, $"no answer within {CheckTimeout.TotalSeconds:0.#}s");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new CheckOutcome(check.Name, false, $"check failed: {e.GetType().Name}: {e.Message}");
        }
    }

    private void Unregister(IReadinessCheck check)
    {
        lock (gate)
        {
            checks = checks.Remove(check);
        }
    }

    private sealed class Registration(ReadinessRegistry registry, IReadinessCheck check) : IDisposable
    {
        public void Dispose() => registry.Unregister(check);
    }
}

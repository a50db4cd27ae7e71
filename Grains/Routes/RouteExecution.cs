using System.Collections.Immutable;
using Ccm.GrainInterfaces.State;

namespace Ccm.Grains.Routes;

/// <summary>How applying a route plan went.</summary>
public sealed record RouteExecution
{
    /// <summary>One record per planned operation, in order; those after a failure are <see cref="OperationOutcome.NotApplied"/>.</summary>
    public required IReadOnlyList<OperationRecord> Operations { get; init; }

    /// <summary>The outcome of every route a create reached.</summary>
    public IReadOnlyDictionary<NodeRoute, RouteOutcome> Created { get; init; } = ImmutableDictionary<NodeRoute, RouteOutcome>.Empty;

    /// <summary>The stale entries that are now deleted (or were gone already).</summary>
    public IReadOnlyList<StaleRoute> Deleted { get; init; } = [];

    /// <summary>A create answered <c>QuotaExceeded</c>: the table is full, and later creates were not sent.</summary>
    public bool QuotaExceeded { get; init; }

    /// <summary>The failure that stopped the plan (retryable unless it says otherwise), or null.</summary>
    public Exception? Failure { get; init; }
}

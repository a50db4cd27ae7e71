using System.Collections.Immutable;

namespace Ccm.Silo.Health;

/// <summary>
/// What <c>/readyz</c> answers: ready only when at least one check is registered and every check passes.
/// <see cref="Reason"/> explains a not-ready answer that no single check explains.
/// </summary>
public sealed record ReadinessReport(bool Ready, ImmutableArray<CheckOutcome> Checks, string? Reason);

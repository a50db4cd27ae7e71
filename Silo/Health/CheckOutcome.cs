namespace Ccm.Silo.Health;

/// <summary>One check's outcome as <c>/readyz</c> (or one loop's as <c>/healthz</c>) lists it.</summary>
public sealed record CheckOutcome(string Name, bool Ready, string Detail);

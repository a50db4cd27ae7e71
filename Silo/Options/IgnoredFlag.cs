namespace Ccm.Silo.Options;

/// <summary>A flag accepted for compatibility that has no effect here; <see cref="Reason"/> says why.</summary>
public sealed record IgnoredFlag(string Flag, string Value, string Reason);

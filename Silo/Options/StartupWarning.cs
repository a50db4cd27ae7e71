namespace Ccm.Silo.Options;

/// <summary>An accepted setting that was adjusted, or that deserves the operator's attention; logged once at start.</summary>
public sealed record StartupWarning(string Subject, string Message);

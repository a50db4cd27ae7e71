namespace Ccm.Runtime;

/// <summary>One grain interface and the class that implements it, as registered with <c>AddGrain</c>.</summary>
public sealed record GrainRegistration(Type Interface, Type Implementation);

namespace Ccm.Grains.Services;

/// <summary>
/// An annotation (or Service field) whose value cannot be used: the Warning Event names it, the bad value and what is
/// allowed, and nothing is written for the Service until the user fixes it.
/// </summary>
/// <param name="Annotation">The annotation's full name, or a field path such as <c>spec.ports[0].protocol</c>.</param>
public sealed record AnnotationError(string Annotation, string Value, string Allowed)
{
    public string Message => $"{Annotation} has invalid value \"{Value}\"; allowed: {Allowed}";
}

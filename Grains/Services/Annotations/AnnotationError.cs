namespace Ccm.Grains.Services;

/// <summary>
/// An annotation (or Service field) whose value cannot be used: the Warning Event names it, the bad value and what is
/// allowed, and nothing is written for the Service until the user fixes it.
/// </summary>
/// <param name="Annotation">The annotation's full name, or a field path such as <c>spec.ports[0].protocol</c>.</param>
public sealed record AnnotationError(string Annotation, string Value, string Allowed)
{
    /// <summary>The Event text; a contradiction words it itself (see <see cref="Contradiction"/>).</summary>
    public string Message => Explanation ?? $"{Annotation} has invalid value \"{Value}\"; allowed: {Allowed}";

    private string? Explanation { get; init; }

    /// <summary>
    /// Two annotations, each valid, that cannot both hold: the message names both with their values and
    /// <paramref name="fix"/> says how to resolve them. <see cref="Annotation"/> is the first one.
    /// </summary>
    public static AnnotationError Contradiction(AnnotationSpec annotation, string value, AnnotationSpec other, string otherValue, string fix) =>
        new(annotation.Name, value, fix)
        {
            Explanation = $"{annotation.Name} \"{value}\" contradicts {other.Name} \"{otherValue}\": {fix}",
        };
}

using System.Collections.Immutable;
using k8s;
using k8s.Models;

namespace Ccm.Grains.Services;

/// <summary>
/// The validated annotations of one Service: every <see cref="AnnotationCatalog"/> entry that is set, under the current
/// prefix or else the legacy one. Built by <see cref="Parse"/>, which also reports every refused value at once (so the
/// user fixes them all after one Event, not one per reconcile).
/// </summary>
public sealed class ServiceAnnotations
{
    private readonly ImmutableDictionary<AnnotationSpec, string> values;

    private ServiceAnnotations(ImmutableDictionary<AnnotationSpec, string> values) => this.values = values;

    public static ServiceAnnotations Empty { get; } = new(ImmutableDictionary<AnnotationSpec, string>.Empty);

    /// <summary>The annotations that are set, and the errors of those that are set to something unusable.</summary>
    public static (ServiceAnnotations Annotations, IReadOnlyList<AnnotationError> Errors) Parse(V1Service service)
    {
        var raw = service.Metadata.Annotations ?? ImmutableDictionary<string, string>.Empty;
        var found = ImmutableDictionary.CreateBuilder<AnnotationSpec, string>();
        var errors = new List<AnnotationError>();
        foreach (var spec in AnnotationCatalog.All)
        {
            // The current prefix wins over the legacy one, as upstream reads them.
            var (name, value) = raw.TryGetValue(spec.Name, out var current) ? (spec.Name, current)
                : spec.LegacyName is { } legacy && raw.TryGetValue(legacy, out var old) ? (legacy, old)
                : (spec.Name, null);
            if (value is null)
            {
                continue;
            }

            // An empty value reads as unset, as upstream's `!= ""` checks do.
            var trimmed = value.Trim();
            if (trimmed.Length == 0)
            {
                continue;
            }

            if (!spec.IsValid(trimmed))
            {
                errors.Add(new AnnotationError(name, value, spec.Allowed));
                continue;
            }

            found[spec] = trimmed;
        }

        return (new ServiceAnnotations(found.ToImmutable()), errors);
    }

    public bool IsSet(AnnotationSpec spec) => values.ContainsKey(spec);

    public string? Get(AnnotationSpec spec) => values.GetValueOrDefault(spec);

    public int? GetInt(AnnotationSpec spec) => Get(spec) is { } text ? AnnotationValues.Int(text) : null;

    /// <summary>True for <c>on</c>/<c>true</c>, false for <c>off</c>/<c>false</c>, null when unset.</summary>
    public bool? GetSwitch(AnnotationSpec spec) => Get(spec) switch
    {
        "on" or "true" => true,
        "off" or "false" => false,
        _ => null,
    };

    /// <summary>Every annotation that is set, by name, for the dashboard and for immutable-field checks.</summary>
    public IReadOnlyDictionary<string, string> ByName => values.ToImmutableSortedDictionary(v => v.Key.Name, v => v.Value, StringComparer.Ordinal);
}

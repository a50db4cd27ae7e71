using System.Collections.Immutable;
using System.Globalization;
using Ccm.Sandbox.Aliyun.Protocol;

namespace Ccm.Sandbox.Aliyun.Slb;

/// <summary>Reads listener settings from a Create/Set call into the stored attribute map, validating each against the schema.</summary>
internal static class ListenerSettings
{
    public static ImmutableSortedDictionary<string, string> Defaults(string protocol) =>
        ListenerSchema.For(protocol)
            .Where(a => a.Default is not null)
            .ToImmutableSortedDictionary(a => a.Name, a => a.Default!, StringComparer.Ordinal);

    /// <summary>The attributes after applying every schema parameter present in the call.</summary>
    public static ImmutableSortedDictionary<string, string> Apply(
        ImmutableSortedDictionary<string, string> current, ApiParameters parameters, string protocol)
    {
        var builder = current.ToBuilder();
        foreach (var attribute in ListenerSchema.For(protocol))
        {
            if (parameters.NonEmpty(attribute.ParameterName) is { } value)
            {
                builder[attribute.Name] = Validate(attribute, value);
            }
        }

        return builder.ToImmutable();
    }

    private static string Validate(ListenerAttribute attribute, string value)
    {
        var name = attribute.ParameterName;
        switch (attribute.Kind)
        {
            case AttributeKind.Int:
                if (!int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) || !InRange(attribute.Name, number))
                {
                    throw CommonErrors.InvalidParameter(name);
                }

                return number.ToString(CultureInfo.InvariantCulture);
            case AttributeKind.Bool:
                return bool.TryParse(value, out var flag) ? (flag ? "true" : "false") : throw CommonErrors.InvalidParameter(name);
            default:
                return attribute.Allowed is null
                    ? value
                    : attribute.Allowed.FirstOrDefault(a => a.Equals(value, StringComparison.OrdinalIgnoreCase))
                        ?? throw CommonErrors.InvalidParameter(name, $"The specified {name} is not valid; allowed values: {string.Join(", ", attribute.Allowed)}.");
        }
    }

    /// <summary>The documented ranges of the numeric settings a CCM sets.</summary>
    private static bool InRange(string name, int value) => name switch
    {
        "Bandwidth" => value == -1 || value is >= 1 and <= 5120,
        "BackendServerPort" or "ForwardPort" => value is >= 1 and <= 65535,
        // -520 means "check the backend port" on layer-4 listeners.
        "HealthCheckConnectPort" => value == -520 || value is >= 1 and <= 65535,
        "ConnectionDrainTimeout" => value is >= 10 and <= 900,
        "PersistenceTimeout" => value is >= 0 and <= 3600,
        "EstablishedTimeout" => value is >= 10 and <= 900,
        "HealthCheckInterval" => value is >= 1 and <= 50,
        "HealthyThreshold" or "UnhealthyThreshold" => value is >= 2 and <= 10,
        _ => value >= 0,
    };
}

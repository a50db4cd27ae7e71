using Ccm.GrainInterfaces.State;
using Ccm.Silo.Dashboard.Model;

namespace Ccm.Silo.Dashboard.Local;

/// <summary>
/// A table's search: <c>?q=</c> matches any shown text (key, ids, address, reason, error) ignoring case;
/// <c>?phase=</c> keeps one phase. Applied on each silo, so peers send only matching rows.
/// </summary>
public sealed record GrainFilter(string? Query, GrainPhase? Phase)
{
    public static readonly GrainFilter All = new(null, null);

    /// <summary>Reads <c>q</c> and <c>phase</c>; an unknown phase is an error naming the allowed ones.</summary>
    public static (GrainFilter? Filter, string? Error) Parse(string? query, string? phase)
    {
        GrainPhase? wanted = null;
        if (!string.IsNullOrWhiteSpace(phase))
        {
            if (!Enum.TryParse<GrainPhase>(phase, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || int.TryParse(phase, out _))
            {
                return (null, $"phase \"{phase}\" is not one of {string.Join(", ", Enum.GetNames<GrainPhase>())}");
            }

            wanted = parsed;
        }

        return (new GrainFilter(string.IsNullOrWhiteSpace(query) ? null : query.Trim(), wanted), null);
    }

    /// <summary>The query string that carries this filter to a peer ("" when there is none).</summary>
    public string ToQueryString()
    {
        var parts = new List<string>(2);
        if (Query is not null)
        {
            parts.Add("q=" + Uri.EscapeDataString(Query));
        }

        if (Phase is { } phase)
        {
            parts.Add("phase=" + phase);
        }

        return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
    }

    public bool Matches(ServiceRow row) => Keeps(row.Phase) && Finds(row.Key, row.LoadBalancerId, row.Address, row.Reason, row.LastError?.Message, row.LastError?.Code, row.Silo);

    public bool Matches(NodeRow row) => Keeps(row.Phase) && Finds(row.Name, row.InstanceId, row.ProviderId, row.ZoneId, row.Reason, row.LastError?.Message, row.LastError?.Code, row.Silo);

    public bool Matches(RouteTableRow row) => Keeps(row.Phase) && Finds(row.Id, row.VpcId, row.Reason, row.LastError?.Message, row.LastError?.Code, row.Silo);

    private bool Keeps(GrainPhase phase) => Phase is null || Phase == phase;

    private bool Finds(params ReadOnlySpan<string?> fields)
    {
        if (Query is null)
        {
            return true;
        }

        foreach (var field in fields)
        {
            if (field is not null && field.Contains(Query, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ccm.Kube.Models;

/// <summary>
/// meta/v1 Status: the body of every API error (and of some successful DELETEs). <see cref="Reason"/> is the
/// machine-readable cause (<c>NotFound</c>, <c>Conflict</c>, <c>AlreadyExists</c>, <c>Expired</c>, ...).
/// </summary>
public sealed record Status
{
    public string? ApiVersion { get; init; } = "v1";

    public string? Kind { get; init; } = "Status";

    public ListMeta? Metadata { get; init; }

    /// <summary><c>Success</c> or <c>Failure</c>.</summary>
    [JsonPropertyName("status")]
    public string? Outcome { get; init; }

    public string? Message { get; init; }

    public string? Reason { get; init; }

    public StatusDetails? Details { get; init; }

    public int? Code { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>meta/v1 StatusDetails: which object the status is about, and for 429/5xx how long to wait.</summary>
public sealed record StatusDetails
{
    public string? Name { get; init; }

    public string? Group { get; init; }

    public string? Kind { get; init; }

    public string? Uid { get; init; }

    public int? RetryAfterSeconds { get; init; }

    public IReadOnlyList<StatusCause>? Causes { get; init; }
}

/// <summary>meta/v1 StatusCause: one field-level reason (e.g. a validation failure).</summary>
public sealed record StatusCause
{
    public string? Reason { get; init; }

    public string? Message { get; init; }

    public string? Field { get; init; }
}

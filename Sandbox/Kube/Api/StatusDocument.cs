using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ccm.Sandbox.Kube.Api;

/// <summary>A <c>kind: Status</c> object, the body of every error reply and of a watch's ERROR event.</summary>
internal sealed record StatusDocument(
    string Kind, string ApiVersion, StatusMeta Metadata, string Status, string Message, string Reason,
    StatusDetailsDocument? Details, int Code)
{
    public static StatusDocument From(KubeApiException error) => new(
        "Status", "v1", new StatusMeta(), "Failure", error.Message, error.Reason,
        error.Details is { } d
            ? new StatusDetailsDocument(d.Name, d.Group, d.Kind, d.Uid,
                d.Causes.IsDefaultOrEmpty ? null : [.. d.Causes.Select(c => new StatusCauseDocument(c.Reason, c.Message, c.Field.Length == 0 ? null : c.Field))],
                d.RetryAfterSeconds)
            : null,
        error.Code);

    public static byte[] Serialize(KubeApiException error) =>
        JsonSerializer.SerializeToUtf8Bytes(From(error), ApiJsonContext.Relaxed.StatusDocument);
}

internal sealed record StatusMeta;

internal sealed record StatusDetailsDocument(
    string? Name, string? Group, string? Kind, string? Uid, IReadOnlyList<StatusCauseDocument>? Causes, int? RetryAfterSeconds);

/// <summary>A cause as metav1.StatusCause serialises it: <c>field</c> is left out when empty.</summary>
internal sealed record StatusCauseDocument(string Reason, string Message, string? Field);

/// <summary>The continue token of a paged list: the snapshot's resourceVersion and the last key returned.</summary>
internal sealed record ContinueToken(long Rv, string Start)
{
    public string Encode() => Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(this, ApiJsonContext.Default.ContinueToken))
        .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static ContinueToken Decode(string token)
    {
        try
        {
            var base64 = token.Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + (4 - base64.Length % 4) % 4, '=');
            return JsonSerializer.Deserialize(Convert.FromBase64String(base64), ApiJsonContext.Default.ContinueToken)
                ?? throw new FormatException("empty continue token");
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            throw KubeApiException.BadRequest($"invalid continue token: {e.Message}");
        }
    }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(StatusDocument))]
[JsonSerializable(typeof(ContinueToken))]
internal sealed partial class ApiJsonContext : JsonSerializerContext
{
    /// <summary>Like <see cref="Default"/>, escaping only what JSON requires (messages quote names).</summary>
    public static readonly ApiJsonContext Relaxed = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}

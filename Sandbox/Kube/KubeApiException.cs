using System.Collections.Immutable;

namespace Ccm.Sandbox.Kube;

/// <summary>
/// A request the emulator refuses, carrying what goes into the <c>kind: Status</c> reply: HTTP code, machine-readable
/// reason (<c>NotFound</c>, <c>AlreadyExists</c>, <c>Conflict</c>, <c>Invalid</c>, <c>Expired</c>...), message and details.
/// The in-process API throws it too, so tests see the same errors a client sees over HTTP.
/// </summary>
public sealed class KubeApiException : Exception
{
    public KubeApiException(int code, string reason, string message, KubeStatusDetails? details = null)
        : base(message)
    {
        Code = code;
        Reason = reason;
        Details = details;
    }

    public KubeApiException()
        : this(500, "InternalError", "internal error")
    {
    }

    public KubeApiException(string message)
        : this(500, "InternalError", message)
    {
    }

    public KubeApiException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = 500;
        Reason = "InternalError";
    }

    public int Code { get; }

    public string Reason { get; }

    public KubeStatusDetails? Details { get; }

    internal static KubeApiException NotFound(ResourceType type, string name) =>
        new(404, "NotFound", $"{type.GroupResource} \"{name}\" not found", DetailsOf(type, name));

    internal static KubeApiException AlreadyExists(ResourceType type, string name) =>
        new(409, "AlreadyExists", $"{type.GroupResource} \"{name}\" already exists", DetailsOf(type, name));

    internal static KubeApiException Conflict(ResourceType type, string name, string why) =>
        new(409, "Conflict", $"Operation cannot be fulfilled on {type.GroupResource} \"{name}\": {why}", DetailsOf(type, name));

    internal static KubeApiException StaleResourceVersion(ResourceType type, string name) =>
        Conflict(type, name, "the object has been modified; please apply your changes to the latest version and try again");

    /// <summary>422 with one cause per field, worded as the API server's field errors.</summary>
    internal static KubeApiException Invalid(ResourceType type, string name, IReadOnlyList<KubeStatusCause> causes) =>
        new(422, "Invalid",
            $"{type.Kind} \"{name}\" is invalid: " + (causes.Count == 1 ? causes[0].Message : "[" + string.Join(", ", causes.Select(c => c.Message)) + "]"),
            DetailsOf(type, name) with { Kind = type.Kind, Causes = [.. causes] });

    internal static KubeApiException Invalid(ResourceType type, string name, string field, string reason, string detail) =>
        Invalid(type, name, [new KubeStatusCause(reason, $"{field}: {detail}", field)]);

    internal static KubeApiException BadRequest(string message) => new(400, "BadRequest", message);

    internal static KubeApiException Forbidden(ResourceType type, string name, string why) =>
        new(403, "Forbidden", $"{type.GroupResource} \"{name}\" is forbidden: {why}", DetailsOf(type, name));

    internal static KubeApiException MethodNotAllowed() =>
        new(405, "MethodNotAllowed", "the server does not allow this method on the requested resource");

    internal static KubeApiException UnsupportedMediaType(string contentType, IEnumerable<string> accepted) =>
        new(415, "UnsupportedMediaType",
            $"the body of the request was in an unknown format ({contentType}) - accepted media types include: {string.Join(", ", accepted)}");

    internal static KubeApiException Expired(string message) => new(410, "Expired", message);

    /// <summary>
    /// kube-apiserver's <c>storage.NewTooLargeResourceVersionError</c>: a 504 Timeout for a read at a resourceVersion
    /// newer than the server has, with the cause client-go's reflector looks for (<c>ResourceVersionTooLarge</c>) and,
    /// when positive, the seconds after which to retry (also sent as the <c>Retry-After</c> header).
    /// </summary>
    internal static KubeApiException TooLargeResourceVersion(long requested, long current, int retryAfterSeconds) =>
        new(504, "Timeout", $"Timeout: Too large resource version: {requested}, current: {current}", new KubeStatusDetails
        {
            Causes = [new KubeStatusCause("ResourceVersionTooLarge", "Too large resource version", "")],
            RetryAfterSeconds = retryAfterSeconds > 0 ? retryAfterSeconds : null,
        });

    internal static KubeApiException Unprocessable(string message) => new(422, "Invalid", message);

    internal static KubeApiException PathNotFound() => new(404, "NotFound", "the server could not find the requested resource");

    private static KubeStatusDetails DetailsOf(ResourceType type, string name) =>
        new() { Name = name, Group = type.Group, Kind = type.Plural };
}

/// <summary>The <c>details</c> of a Status: which object, and the field-level causes of an Invalid.</summary>
public sealed record KubeStatusDetails
{
    public string? Name { get; init; }

    public string? Group { get; init; }

    public string? Kind { get; init; }

    public string? Uid { get; init; }

    public ImmutableArray<KubeStatusCause> Causes { get; init; } = [];

    /// <summary>When the client should retry (Timeout, TooManyRequests); null when the Status does not say.</summary>
    public int? RetryAfterSeconds { get; init; }
}

/// <summary>
/// One cause: a field error (<c>FieldValueInvalid</c>, <c>FieldValueRequired</c>, <c>FieldValueDuplicate</c>...) or a
/// reason of the whole request (<c>ResourceVersionTooLarge</c>, with an empty field).
/// </summary>
public sealed record KubeStatusCause(string Reason, string Message, string Field);

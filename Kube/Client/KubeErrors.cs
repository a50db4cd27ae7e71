using System.Net;
using System.Text.Json;
using k8s.Autorest;
using k8s.Models;

namespace Ccm.Kube.Client;

/// <summary>
/// client-go's <c>apierrors.IsNotFound</c> and friends over KubernetesClient's exceptions: an
/// <see cref="HttpOperationException"/> for a refused request, a <see cref="k8s.KubernetesException"/> for a watch
/// ERROR event. The Status body's <c>reason</c> decides when present; the HTTP code otherwise.
/// </summary>
public static class KubeErrors
{
    public static bool IsNotFound(this Exception e) => Is(e, "NotFound", HttpStatusCode.NotFound);

    public static bool IsConflict(this Exception e) => Is(e, "Conflict", HttpStatusCode.Conflict);

    public static bool IsAlreadyExists(this Exception e) => StatusOf(e)?.Reason == "AlreadyExists";

    /// <summary>410: the resourceVersion (of a watch or a continue token) is older than the server's history.</summary>
    public static bool IsGone(this Exception e) => CodeOf(e) == (int)HttpStatusCode.Gone || StatusOf(e)?.Reason is "Expired" or "Gone";

    /// <summary>
    /// The server's state is older than the version asked for: it restarted (and lost its state) or is a lagging
    /// replica. client-go relists on it; so do we.
    /// </summary>
    public static bool IsTooLargeResourceVersion(this Exception e) =>
        StatusOf(e) is { } status
        && (status.Details?.Causes?.Any(c => c.Reason == "ResourceVersionTooLarge") == true
            || status.Message?.Contains("Too large resource version", StringComparison.OrdinalIgnoreCase) == true);

    /// <summary>422: the request was refused as invalid (a failed JSON-patch <c>test</c> too).</summary>
    public static bool IsInvalid(this Exception e) => Is(e, "Invalid", HttpStatusCode.UnprocessableEntity);

    public static bool IsTooManyRequests(this Exception e) => Is(e, "TooManyRequests", HttpStatusCode.TooManyRequests);

    /// <summary>Worth trying again unchanged: overload, timeouts, server errors and broken connections.</summary>
    public static bool IsRetryable(this Exception e) => e switch
    {
        HttpOperationException or k8s.KubernetesException => CodeOf(e) is 429 or >= 500 || StatusOf(e)?.Reason is "ServerTimeout" or "Timeout",
        HttpRequestException or TimeoutException or IOException => true,
        OperationCanceledException => true,
        _ => false,
    };

    /// <summary>The HTTP status code of a refusal, or null.</summary>
    public static int? CodeOf(Exception e) => e switch
    {
        HttpOperationException http => (int?)http.Response?.StatusCode ?? StatusOf(e)?.Code,
        k8s.KubernetesException k => k.Status?.Code,
        _ => null,
    };

    /// <summary>The Status the server sent with a refusal, when it sent one.</summary>
    public static V1Status? StatusOf(Exception e) => e switch
    {
        k8s.KubernetesException k => k.Status,
        HttpOperationException { Response.Content: { Length: > 0 } body } => Parse(body),
        _ => null,
    };

    /// <summary>One line for logs and Events: the server's message, else the HTTP status.</summary>
    public static string Describe(Exception e) => StatusOf(e)?.Message is { Length: > 0 } message
        ? $"{CodeOf(e)} {StatusOf(e)?.Reason}: {message}"
        : e.Message;

    private static bool Is(Exception e, string reason, HttpStatusCode code)
    {
        var status = StatusOf(e);
        return status?.Reason == reason || ((status?.Reason is null or "" or "Unknown") && CodeOf(e) == (int)code);
    }

    private static V1Status? Parse(string body)
    {
        try
        {
            return k8s.KubernetesJson.Deserialize<V1Status>(body) is { Kind: "Status" } status ? status : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

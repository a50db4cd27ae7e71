using System.Net;
using Ccm.Kube.Models;

namespace Ccm.Kube.Api;

/// <summary>Maps HTTP statuses to Status reasons for bodies that were not a Status (apimachinery's reasonForCode).</summary>
internal static class KubeStatusReasons
{
    public static bool IsUnknown(string reason) => reason.Length == 0 || reason == "Unknown";

    public static string ForCode(HttpStatusCode code) => code switch
    {
        HttpStatusCode.BadRequest => "BadRequest",
        HttpStatusCode.Unauthorized => "Unauthorized",
        HttpStatusCode.Forbidden => "Forbidden",
        HttpStatusCode.NotFound => "NotFound",
        HttpStatusCode.MethodNotAllowed => "MethodNotAllowed",
        HttpStatusCode.NotAcceptable => "NotAcceptable",
        HttpStatusCode.Conflict => "Conflict",
        HttpStatusCode.Gone => "Gone",
        HttpStatusCode.RequestEntityTooLarge => "RequestEntityTooLarge",
        HttpStatusCode.UnsupportedMediaType => "UnsupportedMediaType",
        HttpStatusCode.UnprocessableEntity => "Invalid",
        HttpStatusCode.TooManyRequests => "TooManyRequests",
        HttpStatusCode.InternalServerError => "InternalError",
        HttpStatusCode.ServiceUnavailable => "ServiceUnavailable",
        HttpStatusCode.GatewayTimeout => "Timeout",
        _ => "Unknown",
    };

    /// <summary>A Status for a reply whose body was not one (a proxy's HTML page, plain text, nothing).</summary>
    public static Status Synthesize(HttpStatusCode code, string? body) => new()
    {
        Outcome = "Failure",
        Code = (int)code,
        Reason = ForCode(code),
        Message = string.IsNullOrWhiteSpace(body)
            ? $"the server answered {(int)code} {code}"
            : body.Length > 512 ? body[..512] + "..." : body,
    };
}

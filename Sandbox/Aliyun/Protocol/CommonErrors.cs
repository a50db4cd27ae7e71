namespace Ccm.Sandbox.Aliyun.Protocol;

/// <summary>
/// Gateway-level errors shared by SLB, VPC and ECS, with the codes, statuses and messages of
/// <c>reference/aliyun-api.md</c> §2 (where doc pages disagree on a status, the first one listed there is used).
/// </summary>
internal static class CommonErrors
{
    /// <summary>The real gateway's message for a missing parameter; the code is <c>Missing{Name}</c>.</summary>
    public static OpenApiException Missing(string name) =>
        new(400, "Missing" + name, $"{name} is mandatory for this action.");

    public static OpenApiException InvalidParameter(string name, string? detail = null) =>
        new(400, "InvalidParameter", detail ?? $"The specified parameter \"{name}\" is not valid.");

    public static OpenApiException InvalidVersion() =>
        new(400, "InvalidVersion", "Specified parameter Version is not valid.");

    public static OpenApiException ActionNotFound() =>
        new(404, "InvalidAction.NotFound", "Specified api is not found, please check your url and method.");

    public static OpenApiException MissingAction() =>
        new(400, "MissingParameter", "The input parameter \"Action\" that is mandatory for processing this request is not supplied.");

    /// <summary>We answer JSON only; the real default (no <c>Format</c>) is XML, which an SDK never asks for.</summary>
    public static OpenApiException XmlNotSupported() =>
        new(400, "InvalidParameter.Format", "The emulator answers Format=JSON only; XML responses are not supported.");

    public static OpenApiException InvalidRegion(string regionId) =>
        new(400, "InvalidRegionId", $"The specified RegionId \"{regionId}\" does not exist.");

    public static OpenApiException Throttling() =>
        new(400, "Throttling.User", "Request was denied due to user flow control.");

    public static OpenApiException ServiceUnavailable() =>
        new(503, "ServiceUnavailable", "The request has failed due to a temporary failure of the server.");

    public static OpenApiException InternalError() =>
        new(500, "InternalError", "The request processing has failed due to some unknown error.");

    public static OpenApiException DryRun() =>
        new(400, "DryRunOperation", "Request validation has been passed with DryRun flag set.");

    public static OpenApiException InvalidNextToken() =>
        new(400, "InvalidParameter.NextToken", "The specified NextToken is not valid.");
}

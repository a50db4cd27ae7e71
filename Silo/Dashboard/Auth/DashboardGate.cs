using System.Diagnostics;
using Ccm.Silo.Dashboard.Model;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Ccm.Silo.Dashboard.Auth;

/// <summary>
/// The filter in front of every dashboard route: browser hardening headers, the clock for <c>Server-Timing</c>, and
/// authentication (full for the API, shell rules for the page files).
/// </summary>
internal sealed class DashboardGate(DashboardAuthenticator authenticator, bool shell) : IEndpointFilter
{
    /// <summary>Where the request's start timestamp is kept for <see cref="JsonBody"/>'s <c>Server-Timing</c>.</summary>
    public const string StartedKey = "Ccm.Dashboard.Started";

    private const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        http.Items[StartedKey] = Stopwatch.GetTimestamp();
        var headers = http.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";

        string? authorization = http.Request.Headers.Authorization;
        var decision = shell ? authenticator.CheckShell(authorization) : authenticator.Check(authorization);
        if (!decision.Allowed)
        {
            headers.WWWAuthenticate = decision.Challenge;
            headers.CacheControl = "no-store";
            return JsonBody.Of(decision.Refusal!, DashboardJsonContext.Default.ErrorBody, StatusCodes.Status401Unauthorized);
        }

        return await next(context);
    }
}

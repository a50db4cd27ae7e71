using System.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace Ccm.Silo.Dashboard.Auth;

/// <summary>
/// The filter in front of every dashboard route: browser hardening headers, the clock for <c>Server-Timing</c>, and
/// authentication (full for the API, shell rules for the page files).
/// </summary>
internal sealed class DashboardGate(DashboardAuthenticator authenticator, bool shell) : IEndpointFilter
{
    /// <summary>Where the request's start timestamp is kept for <see cref="JsonBody"/>'s <c>Server-Timing</c>.</summary>
    public const string StartedKey = "Ccm.Dashboard.Started";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        http.Items[StartedKey] = Stopwatch.GetTimestamp();
        BrowserPolicy.Apply(http.Response, BrowserPolicy.Pages);

        string? authorization = http.Request.Headers.Authorization;
        var decision = shell ? authenticator.CheckShell(authorization) : authenticator.Check(authorization, SessionOf(http.Request));
        if (!decision.Allowed)
        {
            return Refusal(http.Response, decision);
        }

        return await next(context);
    }

    /// <summary>The session cookie's value, if the browser sent one.</summary>
    public static string? SessionOf(HttpRequest request) => request.Cookies[DashboardSessions.CookieName];

    /// <summary>The 401 of a refused request: the challenge and the JSON body that says what to send.</summary>
    public static IResult Refusal(HttpResponse response, AuthDecision decision)
    {
        response.Headers.WWWAuthenticate = decision.Challenge;
        response.Headers.CacheControl = "no-store";
        return JsonBody.Of(decision.Refusal!, DashboardJsonContext.Default.ErrorBody, StatusCodes.Status401Unauthorized);
    }
}

using Ccm.Silo.Dashboard.Model;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Ccm.Silo.Dashboard.Auth;

/// <summary>
/// Token mode's browser sign-in, for pages that cannot send a bearer header (the Orleans dashboard): <c>POST /login</c>
/// with the form field <c>token</c> sets the session cookie (HttpOnly, SameSite=Strict, Secure over https, path /) and
/// redirects to <c>returnTo</c> (a path on this site only); <c>POST /logout</c> removes it. A client that asks for JSON
/// (our pages) gets 204 or a 401 body instead of the form and the redirect. Mapped only in token mode.
/// </summary>
internal static class SignInRoutes
{
    public const string DefaultReturn = "/";

    public static void Map(IEndpointRouteBuilder routes, DashboardAuthenticator auth)
    {
        routes.MapGet("/login", (HttpContext http, string? returnTo) =>
            SignInPage.Render(http.Response, LocalPath(returnTo), null, StatusCodes.Status200OK));

        routes.MapPost("/login", async (HttpContext http) =>
        {
            if (!http.Request.HasFormContentType)
            {
                return Results.StatusCode(StatusCodes.Status415UnsupportedMediaType);
            }

            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            var returnTo = LocalPath(form["returnTo"]);
            if (auth.StartSession(form["token"]) is not { } session)
            {
                return WantsJson(http.Request)
                    ? Refused(http.Response)
                    : SignInPage.Render(http.Response, returnTo, "The token was not accepted.", StatusCodes.Status401Unauthorized);
            }

            http.Response.Cookies.Append(DashboardSessions.CookieName, session.Value, Cookie(http.Request, session.Expires));
            http.Response.Headers.CacheControl = "no-store";
            return WantsJson(http.Request) ? Results.NoContent() : Results.Redirect(returnTo, permanent: false, preserveMethod: false);
        });

        routes.MapPost("/logout", (HttpContext http) =>
        {
            http.Response.Cookies.Delete(DashboardSessions.CookieName, Cookie(http.Request, null));
            http.Response.Headers.CacheControl = "no-store";
            return WantsJson(http.Request) ? Results.NoContent() : Results.Redirect("/login", permanent: false, preserveMethod: false);
        });
    }

    /// <summary><paramref name="returnTo"/> when it is a path on this site, else <see cref="DefaultReturn"/>: never an open redirect.</summary>
    public static string LocalPath(string? returnTo) =>
        returnTo is { Length: > 0 and <= 2048 } path && path[0] == '/' && !path.StartsWith("//", StringComparison.Ordinal)
            && !path.Contains('\\', StringComparison.Ordinal) && !path.Any(char.IsControl)
            ? path
            : DefaultReturn;

    public static CookieOptions Cookie(HttpRequest request, DateTimeOffset? expires) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Secure = request.IsHttps || string.Equals(request.Headers["X-Forwarded-Proto"], "https", StringComparison.OrdinalIgnoreCase),
        Path = "/",
        Expires = expires,
        IsEssential = true,
    };

    public static bool WantsJson(HttpRequest request) =>
        request.Headers.Accept.Any(a => a is not null && a.Contains("application/json", StringComparison.OrdinalIgnoreCase));

    private static JsonBody Refused(HttpResponse response)
    {
        response.Headers.CacheControl = "no-store";
        return JsonBody.Of(new ErrorBody("The token was not accepted.", "Use the token held in the file --dashboard-token-file names.", "token"),
            DashboardJsonContext.Default.ErrorBody, StatusCodes.Status401Unauthorized);
    }
}

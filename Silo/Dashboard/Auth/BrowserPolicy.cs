using Microsoft.AspNetCore.Http;

namespace Ccm.Silo.Dashboard.Auth;

/// <summary>
/// The hardening headers every dashboard answer carries, with the content-security policy of the page it belongs to.
/// Ours is strict (our own scripts and styles, no inline anything, no forms); the sign-in page may post its form to
/// us; the Orleans dashboard's page builds inline styles (its markup, React and its charts write <c>style</c>) and
/// embeds its icon fonts as <c>data:</c> URLs, so only its route group allows those two, nothing else.
/// </summary>
internal static class BrowserPolicy
{
    public const string Pages =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    public const string SignIn =
        "default-src 'none'; style-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public const string OrleansDashboard =
        "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; font-src 'self' data:; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    public static void Apply(HttpResponse response, string contentSecurityPolicy)
    {
        var headers = response.Headers;
        headers.ContentSecurityPolicy = contentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
    }
}

using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Http;

namespace Ccm.Silo.Dashboard.Auth;

/// <summary>
/// The sign-in form of token mode, served where a browser lands without a session (the Orleans dashboard's page): it
/// posts the token to <c>/login</c>, which answers with the session cookie and sends the browser back. No script; the
/// token field is never filled in by the server.
/// </summary>
internal static class SignInPage
{
    public static IResult Render(HttpResponse response, string returnTo, string? problem, int status)
    {
        BrowserPolicy.Apply(response, BrowserPolicy.SignIn);
        response.Headers.CacheControl = "no-store";
        var html = HtmlEncoder.Default;
        var body = new StringBuilder()
            .Append("<!doctype html>\n<html lang=\"en\">\n<head>\n  <meta charset=\"utf-8\">\n")
            .Append("  <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("  <title>CCM dashboard: sign in</title>\n  <link rel=\"icon\" href=\"data:,\">\n")
            .Append("  <link rel=\"stylesheet\" href=\"/assets/dashboard.css\">\n</head>\n<body>\n")
            .Append("  <header class=\"top\"><a class=\"brand\" href=\"/\">Alibaba Cloud CCM</a></header>\n  <main>\n")
            .Append("    <div class=\"card\">\n      <h1>Sign in to the dashboard</h1>\n")
            .Append("      <p>Enter the token held in the file <code>--dashboard-token-file</code> names (the dashboard Secret).</p>\n");
        if (problem is not null)
        {
            body.Append("      <div class=\"error-box\" id=\"sign-in-problem\">").Append(html.Encode(problem)).Append("</div>\n");
        }

        body.Append("      <form class=\"login\" method=\"post\" action=\"/login\">\n")
            .Append("        <input type=\"hidden\" name=\"returnTo\" value=\"").Append(html.Encode(returnTo)).Append("\">\n")
            .Append("        <input type=\"password\" id=\"token\" name=\"token\" placeholder=\"bearer token\" autocomplete=\"off\" required>\n")
            .Append("        <button type=\"submit\">Sign in</button>\n      </form>\n    </div>\n  </main>\n</body>\n</html>\n");
        return Results.Content(body.ToString(), "text/html; charset=utf-8", Encoding.UTF8, status);
    }
}

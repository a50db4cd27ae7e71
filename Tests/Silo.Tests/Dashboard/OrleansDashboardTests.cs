using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Ccm.Silo.Tests.Support;
using Ccm.TestSupport;
using Microsoft.AspNetCore.Routing;

namespace Ccm.Silo.Tests.Dashboard;

/// <summary>
/// Orleans' own dashboard under <c>/orleans</c> on the dashboard listener (token mode): behind our credentials on every
/// route, reachable from a browser through a session cookie after a token sign-in, its state and trace views off.
/// </summary>
public sealed partial class OrleansDashboardTests : IAsyncLifetime
{
    private const string Token = "orleans-dashboard-token-0123456789";

    private readonly TestFiles files = new();

    // A browser's view of the wire: no cookie jar, no redirects followed, so each test says exactly what it sends.
    private readonly HttpClient http = new(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(30) };
    private DashboardHost host = null!;

    public async Task InitializeAsync() => host = await DashboardHost.StartAsync(files, flags: $"--dashboard-token-file={files.Write("token", Token + "\n")}");

    public async Task DisposeAsync()
    {
        http.Dispose();
        await host.DisposeAsync();
        files.Dispose();
    }

    [Fact]
    public async Task Without_credentials_every_route_of_the_Orleans_dashboard_answers_401()
    {
        var paths = OrleansPaths();
        Assert.True(paths.Count >= 20, $"the Orleans dashboard's routes are found ({paths.Count})");
        Assert.Contains("/orleans/GrainState", paths);
        Assert.Contains("/orleans/DashboardCounters", paths);

        var answers = new List<string>();
        foreach (var path in paths)
        {
            using var response = await SendAsync(HttpMethod.Get, path);
            answers.Add($"{path} {(int)response.StatusCode} {response.Headers.WwwAuthenticate.FirstOrDefault()?.Scheme}");
        }

        Assert.All(answers, a => Assert.EndsWith(" 401 Bearer", a, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_browser_without_a_session_is_offered_the_sign_in_form_instead_of_the_page()
    {
        using var response = await SendAsync(HttpMethod.Get, "/orleans/", accept: "text/html");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<form class=\"login\" method=\"post\" action=\"/login\">", html, StringComparison.Ordinal);
        Assert.Contains("name=\"returnTo\" value=\"/orleans/\"", html, StringComparison.Ordinal);
        Assert.Contains("form-action 'self'", Csp(response), StringComparison.Ordinal);
        Assert.DoesNotContain("Orleans Dashboard", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_bearer_token_opens_it_and_it_shows_this_silo_and_the_CCM_grain_types()
    {
        // Its statistics grain samples the cluster once a second; the first answers may predate the first sample.
        var counters = await Eventually.ValueAsync(
            () => JsonAsync("/orleans/DashboardCounters", Bearer(Token)), c => c["hosts"]!.AsArray().Count > 0, "the Orleans dashboard lists the silo");
        var silo = Assert.Single(counters["hosts"]!.AsArray())!;
        Assert.Equal(host.SiloAddress, (string)silo["siloAddress"]!);
        Assert.Equal((int)Orleans.Runtime.SiloStatus.Active, (int)silo["siloStatus"]!);
        Assert.Equal(1, (int)counters["totalActiveHostCount"]!);

        var types = (await JsonAsync("/orleans/GrainTypes", Bearer(Token))).AsArray().Select(t => (string)t!).ToList();
        Assert.Contains("Ccm.Grains.Services.ServiceGrain", types);
        Assert.Contains("Ccm.Grains.Nodes.NodeGrain", types);
    }

    [Fact]
    public async Task Signing_in_with_the_token_sets_a_session_cookie_that_opens_it_and_our_pages()
    {
        using var signIn = await SignInAsync(Token, "/orleans/");
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/orleans/", signIn.Headers.Location?.OriginalString);
        var setCookie = Assert.Single(signIn.Headers.GetValues("Set-Cookie"));
        Assert.Matches("^ccm-dashboard-session=[^;]+; expires=[^;]+; path=/; samesite=strict; httponly$", setCookie);
        Assert.DoesNotContain(Token, setCookie, StringComparison.Ordinal);
        var cookie = setCookie[..setCookie.IndexOf(';', StringComparison.Ordinal)];

        using var page = await SendAsync(HttpMethod.Get, "/orleans/", accept: "text/html", cookie: cookie);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<title>Orleans Dashboard</title>", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var counters = await SendAsync(HttpMethod.Get, "/orleans/DashboardCounters", cookie: cookie);
        Assert.Equal(HttpStatusCode.OK, counters.StatusCode);
        using var overview = await SendAsync(HttpMethod.Get, "/api/overview", cookie: cookie);
        Assert.Equal(HttpStatusCode.OK, overview.StatusCode);
    }

    [Fact]
    public async Task Our_pages_sign_in_by_JSON_and_get_the_cookie_without_a_redirect()
    {
        using var signIn = await SignInAsync(Token, null, accept: "application/json");
        Assert.Equal(HttpStatusCode.NoContent, signIn.StatusCode);
        Assert.StartsWith("ccm-dashboard-session=", Assert.Single(signIn.Headers.GetValues("Set-Cookie")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_token_gets_no_session()
    {
        using var form = await SignInAsync("wrong-" + Token, "/orleans/");
        var html = await form.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, form.StatusCode);
        Assert.False(form.Headers.Contains("Set-Cookie"));
        Assert.Contains("The token was not accepted.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-", html, StringComparison.Ordinal);

        using var json = await SignInAsync("wrong-" + Token, null, accept: "application/json");
        Assert.Equal(HttpStatusCode.Unauthorized, json.StatusCode);
        Assert.False(json.Headers.Contains("Set-Cookie"));
        Assert.Equal("token", (string)JsonNode.Parse(await json.Content.ReadAsStringAsync())!["auth"]!);
    }

    [Fact]
    public async Task A_session_cookie_that_was_not_issued_is_refused()
    {
        using var signIn = await SignInAsync(Token, "/orleans/");
        var cookie = Assert.Single(signIn.Headers.GetValues("Set-Cookie")).Split(';')[0];
        var forged = cookie[..^4] + (cookie.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA");

        using var response = await SendAsync(HttpMethod.Get, "/orleans/DashboardCounters", cookie: forged);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Signing_out_removes_the_cookie()
    {
        using var response = await SendAsync(HttpMethod.Post, "/logout", accept: "text/html");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/login", response.Headers.Location?.OriginalString);
        Assert.Matches("^ccm-dashboard-session=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/; samesite=strict; httponly$", Assert.Single(response.Headers.GetValues("Set-Cookie")));
    }

    [Fact]
    public async Task Behind_an_https_proxy_the_cookie_is_secure()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, host.Url("/login")) { Content = SignInForm(Token, "/orleans/") };
        request.Headers.Add("X-Forwarded-Proto", "https");
        using var response = await http.SendAsync(request);
        Assert.Contains("; secure;", Assert.Single(response.Headers.GetValues("Set-Cookie")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Ccm.Grains.Services.ServiceGrain", "default/nginx")]
    [InlineData("Ccm.Grains.Nodes.NodeGrain", "node-1")]
    public async Task The_grain_state_view_is_refused_and_activates_nothing(string grainType, string grainId)
    {
        using var response = await SendAsync(HttpMethod.Get, $"/orleans/GrainState?grainType={grainType}&grainId={Uri.EscapeDataString(grainId)}", auth: Bearer(Token));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("The Orleans dashboard's GrainState view is turned off in this CCM.", (string)body["error"]!);
        Assert.Contains("starts a reconcile", (string)body["hint"]!, StringComparison.Ordinal);
        Assert.Empty(host.Activity.Activations);
    }

    [Theory]
    [InlineData("/orleans/index.min.js", "text/javascript")]
    [InlineData("/orleans/index.css", "text/css")]
    [InlineData("/orleans/img/OrleansLogo.png", "image/png")]
    [InlineData("/orleans/fonts/fa-solid-900.woff2", "font/woff2")]
    public async Task With_credentials_its_page_files_are_served(string path, string type)
    {
        using var response = await SendAsync(HttpMethod.Get, path, accept: "*/*", auth: Bearer(Token));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(type, response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_trace_stream_is_refused()
    {
        using var response = await SendAsync(HttpMethod.Get, "/orleans/Trace", auth: Bearer(Token));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Trace", (string)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SiloProperties")]
    [InlineData("SiloMetadata")]
    [InlineData("SiloCounters")]
    [InlineData("HistoricalStats")]
    public async Task Per_silo_views_answer_for_live_members_only(string view)
    {
        using var member = await SendAsync(HttpMethod.Get, $"/orleans/{view}/{host.SiloAddress}", auth: Bearer(Token));
        Assert.Equal(HttpStatusCode.OK, member.StatusCode);

        foreach (var stranger in new[] { "10.9.9.9:11111@1", "not-a-silo" })
        {
            using var response = await SendAsync(HttpMethod.Get, $"/orleans/{view}/{stranger}", auth: Bearer(Token));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
    }

    [Fact]
    public async Task Only_the_Orleans_page_may_use_inline_styles_and_data_fonts()
    {
        using var orleans = await SendAsync(HttpMethod.Get, "/orleans/", accept: "text/html", auth: Bearer(Token));
        var relaxed = Csp(orleans);
        Assert.Contains("style-src 'self' 'unsafe-inline'", relaxed, StringComparison.Ordinal);
        Assert.Contains("font-src 'self' data:", relaxed, StringComparison.Ordinal);
        Assert.Contains("script-src 'self';", relaxed, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", relaxed, StringComparison.Ordinal);
        Assert.Equal("DENY", orleans.Headers.GetValues("X-Frame-Options").Single());

        foreach (var path in new[] { "/", "/membership", "/api/overview" })
        {
            using var ours = await SendAsync(HttpMethod.Get, path, auth: Bearer(Token));
            Assert.DoesNotContain("unsafe-inline", Csp(ours), StringComparison.Ordinal);
            Assert.Contains("style-src 'self';", Csp(ours), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Our_navigation_links_to_it()
    {
        var config = await JsonAsync("/api/config", Bearer(Token));
        Assert.Equal("/orleans/", (string)config["orleansDashboard"]!);
        using var shell = await SendAsync(HttpMethod.Get, "/");
        Assert.Contains("<a href=\"/orleans/\" id=\"orleans-link\" hidden>Orleans dashboard</a>", await shell.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>Every route the Orleans dashboard mapped, its parameters filled in (a silo address where one is wanted).</summary>
    private List<string> OrleansPaths() =>
        [.. ((IEndpointRouteBuilder)host.Silo.App).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>()
            .Select(e => e.RoutePattern.RawText ?? "")
            .Where(p => p.StartsWith("/orleans", StringComparison.Ordinal))
            .Select(p => RouteParameter().Replace(p, m => Sample(p, m.Value)))
            .Distinct()];

    private string Sample(string pattern, string parameter) =>
        parameter.Contains(":int", StringComparison.Ordinal) ? "1"
        : pattern.Contains("/fonts/", StringComparison.Ordinal) || pattern.Contains("/img/", StringComparison.Ordinal) ? "sample.woff2"
        : parameter.Contains("grainName", StringComparison.Ordinal) ? "Ccm.Grains.Services.ServiceGrain"
        : host.SiloAddress;

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string accept = "application/json", string? cookie = null, AuthenticationHeaderValue? auth = null)
    {
        using var request = new HttpRequestMessage(method, host.Url(path));
        request.Headers.Accept.ParseAdd(accept);
        request.Headers.Authorization = auth;
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }

        return await http.SendAsync(request);
    }

    private async Task<JsonNode> JsonAsync(string path, AuthenticationHeaderValue auth)
    {
        using var response = await SendAsync(HttpMethod.Get, path, auth: auth);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!;
    }

    private async Task<HttpResponseMessage> SignInAsync(string token, string? returnTo, string accept = "text/html")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, host.Url("/login")) { Content = SignInForm(token, returnTo) };
        request.Headers.Accept.ParseAdd(accept);
        return await http.SendAsync(request);
    }

    private static FormUrlEncodedContent SignInForm(string token, string? returnTo) =>
        new(returnTo is null ? [new("token", token)] : [new("token", token), new("returnTo", returnTo)]);

    private static AuthenticationHeaderValue Bearer(string token) => new("Bearer", token);

    private static string Csp(HttpResponseMessage response) => response.Headers.GetValues("Content-Security-Policy").Single();

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();
}

using System.Net.Http.Headers;
using System.Text;
using Ccm.Silo.Tests.Support;
using Ccm.TestSupport;

namespace Ccm.Silo.Tests.Dashboard;

/// <summary><c>--dashboard-auth</c>: required by default outside the sandbox, token or basic from a file, none only when asked.</summary>
public sealed class DashboardAuthTests : IDisposable
{
    private const string Token = "s3cr3t-dashboard-token-value";
    private const string Password = "hunter2-but-longer";

    private readonly TestFiles files = new();

    public void Dispose() => files.Dispose();

    [Theory]
    [InlineData("/api/overview")]
    [InlineData("/api/grains/services")]
    [InlineData("/api/local/summary")]
    [InlineData("/")]
    [InlineData("/assets/js/app.js")]
    [InlineData("/api/membership")]
    [InlineData("/orleans/")]
    [InlineData("/orleans/DashboardCounters")]
    public async Task Without_configured_credentials_every_request_is_401_with_how_to_configure(string path)
    {
        await using var host = await DashboardHost.StartAsync(files);
        var (status, body) = await host.StatusAsync(path);
        Assert.Equal(401, status);
        Assert.Equal("unconfigured", (string)body!["auth"]!);
        Assert.Contains("--dashboard-token-file", (string)body["hint"]!);
    }

    [Fact]
    public async Task Without_configured_credentials_the_start_warns()
    {
        await using var host = await DashboardHost.StartAsync(files);
        Assert.Contains(host.Silo.Logs.Entries, e => e.Level == Microsoft.Extensions.Logging.LogLevel.Warning && e.Message.Contains("every request is refused with 401"));
    }

    [Fact]
    public async Task Token_mode_accepts_the_bearer_token_and_refuses_anything_else()
    {
        await using var host = await DashboardHost.StartAsync(files, flags: [$"--dashboard-token-file={files.Write("token", Token + "\n")}"]);

        using var missing = await host.GetAsync("/api/overview");
        Assert.Equal(401, (int)missing.StatusCode);
        Assert.Equal("Bearer", missing.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal(401, (await host.StatusAsync("/api/overview", new AuthenticationHeaderValue("Bearer", "wrong"))).Status);
        Assert.Equal(401, (await host.StatusAsync("/api/overview", new AuthenticationHeaderValue("Bearer", Token + "x"))).Status);
        Assert.Equal(401, (await host.StatusAsync("/api/overview", Basic("admin", Token))).Status);
        Assert.Equal(200, (await host.StatusAsync("/api/overview", new AuthenticationHeaderValue("Bearer", Token))).Status);
    }

    [Fact]
    public async Task Token_mode_serves_the_data_free_page_shell_so_a_browser_can_ask_for_the_token()
    {
        await using var host = await DashboardHost.StartAsync(files, flags: [$"--dashboard-token-file={files.Write("token", Token)}"]);
        Assert.Equal(200, (await host.StatusAsync("/")).Status);
        Assert.Equal(200, (await host.StatusAsync("/assets/js/app.js")).Status);
        var (status, body) = await host.StatusAsync("/api/grains/services");
        Assert.Equal(401, status);
        Assert.Equal("token", (string)body!["auth"]!);
    }

    [Fact]
    public async Task Basic_mode_accepts_the_user_and_password_and_guards_the_pages_too()
    {
        var file = files.Write("basic", $"admin:{Password}\n");
        await using var host = await DashboardHost.StartAsync(files, flags: ["--dashboard-auth=basic", $"--dashboard-basic-auth-file={file}"]);

        using var missing = await host.GetAsync("/");
        Assert.Equal(401, (int)missing.StatusCode);
        Assert.Equal("Basic", missing.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal(401, (await host.StatusAsync("/api/overview", Basic("admin", "wrong"))).Status);
        Assert.Equal(401, (await host.StatusAsync("/api/overview", Basic("root", Password))).Status);
        Assert.Equal(401, (await host.StatusAsync("/api/overview", new AuthenticationHeaderValue("Basic", "not base64!"))).Status);
        Assert.Equal(200, (await host.StatusAsync("/api/overview", Basic("admin", Password))).Status);
        Assert.Equal(200, (await host.StatusAsync("/", Basic("admin", Password))).Status);
    }

    [Fact]
    public async Task Basic_mode_guards_the_Orleans_dashboard_with_the_same_credentials_and_has_no_sign_in_form()
    {
        var file = files.Write("basic", $"admin:{Password}\n");
        await using var host = await DashboardHost.StartAsync(files, flags: ["--dashboard-auth=basic", $"--dashboard-basic-auth-file={file}"]);

        using var missing = await host.GetAsync("/orleans/DashboardCounters");
        Assert.Equal(401, (int)missing.StatusCode);
        Assert.Equal("Basic", missing.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal(401, (await host.StatusAsync("/orleans/", Basic("admin", "wrong"))).Status);
        Assert.Equal(200, (await host.StatusAsync("/orleans/DashboardCounters", Basic("admin", Password))).Status);
        Assert.Equal(404, (await host.StatusAsync("/login", Basic("admin", Password))).Status);
    }

    [Fact]
    public async Task None_mode_serves_everyone_and_warns_at_start_outside_the_sandbox()
    {
        await using var host = await DashboardHost.StartAsync(files, flags: "--dashboard-auth=none");
        Assert.Equal(200, (await host.StatusAsync("/api/overview")).Status);
        Assert.Equal(200, (await host.StatusAsync("/orleans/DashboardCounters")).Status);
        Assert.Contains(host.Silo.Logs.Entries, e => e.Message.Contains("without authentication"));
    }

    [Fact]
    public async Task A_rotated_token_file_takes_effect_without_a_restart()
    {
        var path = files.Write("token", Token);
        await using var host = await DashboardHost.StartAsync(files, flags: [$"--dashboard-token-file={path}"]);
        Assert.Equal(200, (await host.StatusAsync("/api/config", new AuthenticationHeaderValue("Bearer", Token))).Status);

        File.WriteAllText(path, "rotated-token-value");
        await Eventually.TrueAsync(async () => (await host.StatusAsync("/api/config", new AuthenticationHeaderValue("Bearer", "rotated-token-value"))).Status == 200, "the new token is accepted");
        Assert.Equal(401, (await host.StatusAsync("/api/config", new AuthenticationHeaderValue("Bearer", Token))).Status);
    }

    [Theory]
    [InlineData("basic")]
    [InlineData("token")]
    public async Task No_credential_value_ever_appears_in_an_answer_or_a_log(string mode)
    {
        var (flags, auth, wrong, forms) = mode == "basic"
            ? (new[] { "--dashboard-auth=basic", $"--dashboard-basic-auth-file={files.Write("basic", $"admin:{Password}")}" },
                Basic("admin", Password), Basic("admin", "wrong-" + Password),
                new[] { Password, Convert.ToBase64String(Encoding.UTF8.GetBytes($"admin:{Password}")) })
            : (new[] { $"--dashboard-token-file={files.Write("token", Token)}" },
                new AuthenticationHeaderValue("Bearer", Token), new AuthenticationHeaderValue("Bearer", "wrong-" + Token),
                new[] { Token });
        await using var host = await DashboardHost.StartAsync(files, flags: flags);
        var bodies = new List<string>();
        string[] paths =
        [
            "/api/config", "/api/overview", "/api/silos", "/api/membership", "/api/local/summary", "/api/grains/services", "/api/cloud/calls",
            "/orleans/", "/orleans/DashboardCounters", "/orleans/GrainTypes", $"/orleans/SiloMetadata/{host.SiloAddress}", $"/orleans/SiloProperties/{host.SiloAddress}",
        ];
        foreach (var path in paths)
        {
            using var response = await host.GetAsync(path, auth);
            Assert.True(response.IsSuccessStatusCode, path);
            bodies.Add(await response.Content.ReadAsStringAsync());
        }

        using var refused = await host.GetAsync("/api/config", wrong);
        Assert.Equal(401, (int)refused.StatusCode);
        bodies.Add(await refused.Content.ReadAsStringAsync());
        if (mode == "token")
        {
            // The browser's sign-in: what comes back (headers with the cookie, the form again) and the page the session opens.
            using var browser = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });
            string? cookie = null;
            foreach (var token in new[] { "wrong-" + Token, Token })
            {
                using var signIn = await browser.PostAsync(host.Url("/login"), new FormUrlEncodedContent([new("token", token), new("returnTo", "/orleans/")]));
                bodies.Add(signIn.Headers.ToString());
                bodies.Add(await signIn.Content.ReadAsStringAsync());
                cookie = signIn.Headers.TryGetValues("Set-Cookie", out var set) ? set.Single().Split(';')[0] : cookie;
            }

            using var page = new HttpRequestMessage(HttpMethod.Get, host.Url("/orleans/"));
            page.Headers.Add("Cookie", cookie!);
            using var opened = await browser.SendAsync(page);
            Assert.Equal(200, (int)opened.StatusCode);
            bodies.Add(await opened.Content.ReadAsStringAsync());
        }

        var everything = string.Join("\n", bodies.Concat(host.Silo.Logs.Entries.Select(e => e.Message)));
        Assert.Contains($"\"dashboardAuth\":\"{mode}\"", everything);
        foreach (var secret in forms.Concat(TestFiles.SecretForms))
        {
            Assert.DoesNotContain(secret, everything);
        }
    }

    private static AuthenticationHeaderValue Basic(string user, string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
}

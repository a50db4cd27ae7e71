using System.Net;
using System.Reflection;
using Orleans.Dashboard;

namespace Ccm.Silo.Tests.Dashboard;

/// <summary>
/// The Orleans dashboard's page files: on Orleans' routes and with its content types, the bytes of its assembly's
/// resources, behind our gate, and never loaded by Orleans' own asset provider (which would copy all of them at start).
/// </summary>
public sealed partial class OrleansDashboardTests
{
    private static readonly Assembly OrleansDashboardAssembly = typeof(DashboardOptions).Assembly;

    /// <summary>Every file route Orleans maps: path, the resource it serves (under <c>Orleans.Dashboard.wwwroot.</c>), its content type.</summary>
    public static readonly TheoryData<string, string, string> OrleansFiles = new()
    {
        { "/orleans/", "index.html", "text/html" },
        { "/orleans/index.html", "index.html", "text/html" },
        { "/orleans/favicon.ico", "favicon.ico", "image/x-icon" },
        { "/orleans/index.min.js", "index.min.js", "text/javascript" },
        { "/orleans/index.css", "index.css", "text/css" },
        { "/orleans/fonts/fa-brands-400.woff2", "fonts.fa-brands-400.woff2", "font/woff2" },
        { "/orleans/fonts/fa-regular-400.woff2", "fonts.fa-regular-400.woff2", "font/woff2" },
        { "/orleans/fonts/fa-solid-900.woff2", "fonts.fa-solid-900.woff2", "font/woff2" },
        { "/orleans/img/OrleansLogo.png", "img.OrleansLogo.png", "image/png" },
    };

    [Theory]
    [MemberData(nameof(OrleansFiles))]
    public async Task Each_page_file_is_its_resource_with_its_content_type_and_only_with_credentials(string path, string resource, string type)
    {
        using var response = await SendAsync(HttpMethod.Get, path, accept: "*/*", auth: Bearer(Token));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(type, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(ResourceBytes(resource), await response.Content.ReadAsByteArrayAsync());
        Assert.Contains("'unsafe-inline'", Csp(response), StringComparison.Ordinal);

        using var anonymous = await SendAsync(HttpMethod.Get, path, accept: "*/*");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("Bearer", anonymous.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Theory]
    [InlineData("/orleans/fonts/fa-missing.woff2")]
    [InlineData("/orleans/img/missing.png")]
    [InlineData("/orleans/img/fonts/fa-solid-900.woff2")]
    [InlineData("/orleans/index.min.js.map")]
    public async Task A_file_it_does_not_have_is_404(string path)
    {
        using var response = await SendAsync(HttpMethod.Get, path, accept: "*/*", auth: Bearer(Token));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Its_path_without_the_slash_redirects_to_the_page_keeping_the_query()
    {
        using var response = await SendAsync(HttpMethod.Get, "/orleans?tab=grains", accept: "text/html", auth: Bearer(Token));
        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal("/orleans/?tab=grains", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_file_the_browser_keeps_is_revalidated_by_its_etag_and_answers_304()
    {
        using var first = await SendAsync(HttpMethod.Get, "/orleans/index.css", accept: "*/*", auth: Bearer(Token));
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        Assert.False(etag.IsWeak);
        Assert.True(first.Headers.CacheControl is { Private: true, NoCache: true, NoStore: false }, $"Cache-Control: {first.Headers.CacheControl}");

        using var request = new HttpRequestMessage(HttpMethod.Get, host.Url("/orleans/index.css"));
        request.Headers.Authorization = Bearer(Token);
        request.Headers.IfNoneMatch.Add(etag);
        using var again = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Empty(await again.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Orleans_asset_provider_never_loads_the_files()
    {
        foreach (var path in OrleansFiles.Select(row => (string)row[0]))
        {
            using var response = await SendAsync(HttpMethod.Get, path, accept: "*/*", auth: Bearer(Token));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        // Orleans' provider keeps every file (plain and gzipped) in this field, filled by its constructor.
        var providerType = OrleansDashboardAssembly.GetType("Orleans.Dashboard.EmbeddedAssetProvider", throwOnError: true)!;
        var cache = providerType.GetField("_resourceCache", BindingFlags.Instance | BindingFlags.NonPublic);
        Assert.True(cache is not null, "Orleans' EmbeddedAssetProvider keeps its files in _resourceCache (10.4.2); see OrleansAssetProviderStandIn");
        var provider = host.Silo.App.Services.GetService(providerType);
        Assert.NotNull(provider);
        Assert.Null(cache.GetValue(provider));
    }

    private static byte[] ResourceBytes(string name)
    {
        using var stream = OrleansDashboardAssembly.GetManifestResourceStream("Orleans.Dashboard.wwwroot." + name)!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}

using Ccm.Sandbox.Tests.Kube.Support;
using Ccm.TestSupport;

namespace Ccm.Sandbox.Tests.Kube;

public sealed class KubeCommandTests
{
    [Fact]
    public async Task Standalone_emulator_prints_its_address_first_serves_and_stops_cleanly_on_sigterm()
    {
        await using var emulator = await StandaloneKubeEmulator.StartAsync();
        using var http = new KubeHttp(emulator.CreateHttpClient());

        var version = await http.GetAsync("/version");
        var nodes = await http.GetAsync("/api/v1/nodes");
        var kubeconfig = await File.ReadAllTextAsync(emulator.Kubeconfig);

        Assert.Equal("https", emulator.BaseAddress.Scheme);
        Assert.Equal("33", (string?)version.Object["minor"]);
        Assert.Equal(4, nodes.Object["items"]!.AsArray().Count);
        Assert.Contains($"server: {emulator.BaseAddress.GetLeftPart(UriPartial.Authority)}", kubeconfig);
        Assert.Contains("certificate-authority-data: ", kubeconfig);
        Assert.Contains("token: ", kubeconfig);
        Assert.Equal(0, await emulator.StopAsync());
    }

    [Fact]
    public async Task With_plain_http_it_serves_http_without_authentication_for_debugging()
    {
        await using var emulator = await StandaloneKubeEmulator.StartAsync("empty", "--plain-http");
        using var http = new HttpClient { BaseAddress = emulator.BaseAddress };

        using var namespaces = await http.GetAsync("/api/v1/namespaces");
        var kubeconfig = await File.ReadAllTextAsync(emulator.Kubeconfig);

        Assert.Equal("http", emulator.BaseAddress.Scheme);
        Assert.Equal(200, (int)namespaces.StatusCode);
        Assert.Contains("user: {}", kubeconfig);
    }

    [Fact]
    public async Task The_help_names_the_plain_http_flag()
    {
        var result = await ProcessRunner.RunAsync("dotnet", [RepoPaths.BuiltAssembly("Sandbox", "Ccm.Sandbox.dll"), "kube", "--help"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("--plain-http", result.StandardOutput);
    }

    [Fact]
    public async Task Empty_seed_has_no_nodes()
    {
        await using var emulator = await StandaloneKubeEmulator.StartAsync("empty");
        using var http = new KubeHttp(emulator.CreateHttpClient());

        var nodes = await http.GetAsync("/api/v1/nodes");

        Assert.Empty(nodes.Object["items"]!.AsArray());
    }

    [Theory]
    [InlineData("0.0.0.0:0")]
    [InlineData("192.168.1.10:6443")]
    public async Task Non_loopback_listen_is_refused_with_exit_code_2(string listen)
    {
        var result = await ProcessRunner.RunAsync("dotnet",
            [RepoPaths.BuiltAssembly("Sandbox", "Ccm.Sandbox.dll"), "kube", "--listen", listen, "--seed", "demo"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("loopback", result.StandardError);
        Assert.Equal("", result.StandardOutput);
    }

    [Theory]
    [InlineData("--seed", "lots")]
    [InlineData("--bogus", "1")]
    public async Task Bad_arguments_exit_with_code_2(string flag, string value)
    {
        var result = await ProcessRunner.RunAsync("dotnet", [RepoPaths.BuiltAssembly("Sandbox", "Ccm.Sandbox.dll"), "kube", flag, value]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("usage", result.StandardError);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("kube", "--help")]
    [InlineData("aliyun", "-h")]
    public async Task Help_prints_the_usage_and_exits_0(params string[] arguments)
    {
        var result = await ProcessRunner.RunAsync("dotnet", [RepoPaths.BuiltAssembly("Sandbox", "Ccm.Sandbox.dll"), .. arguments]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("usage: Sandbox", result.StandardOutput);
    }
}

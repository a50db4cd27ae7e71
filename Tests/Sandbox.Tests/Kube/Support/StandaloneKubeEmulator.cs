using System.Text.RegularExpressions;
using Ccm.Sandbox.Kube;
using Ccm.TestSupport;
using k8s;

namespace Ccm.Sandbox.Tests.Kube.Support;

/// <summary>
/// The emulator as other tooling runs it: the built <c>Ccm.Sandbox.dll</c> with the standalone command line, port 0,
/// the address parsed from the first stdout line, and a kubeconfig written by the emulator itself (the only place its
/// CA and token are to be had, as for any API server a user is handed).
/// </summary>
public sealed partial class StandaloneKubeEmulator : IAsyncDisposable
{
    private readonly BackgroundProcess process;
    private readonly string directory;

    private StandaloneKubeEmulator(BackgroundProcess process, string directory, Uri baseAddress)
    {
        this.process = process;
        this.directory = directory;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public string Kubeconfig => Path.Combine(directory, "kubeconfig");

    public string Directory => directory;

    public string Transcript => process.Transcript;

    public static async Task<StandaloneKubeEmulator> StartAsync(string seed = "demo", params string[] extraArguments)
    {
        var directory = Path.Combine(Path.GetTempPath(), "kube-emulator-" + Guid.NewGuid().ToString("N")[..8]);
        System.IO.Directory.CreateDirectory(directory);
        var process = BackgroundProcess.Start("dotnet",
        [
            RepoPaths.BuiltAssembly("Sandbox", "Ccm.Sandbox.dll"), "kube",
            "--listen", "127.0.0.1:0", "--kubeconfig-out", Path.Combine(directory, "kubeconfig"), "--seed", seed, .. extraArguments,
        ]);
        var first = await process.WaitForLineAsync(_ => true, TimeSpan.FromSeconds(60));
        var match = FirstLine().Match(first);
        if (!match.Success)
        {
            await process.DisposeAsync();
            throw new InvalidOperationException($"unexpected first line \"{first}\":\n{process.Transcript}");
        }

        return new StandaloneKubeEmulator(process, directory, new Uri(match.Groups[1].Value));
    }

    /// <summary>A client with the CA and token of the kubeconfig the emulator wrote (read by the official client's loader).</summary>
    public HttpClient CreateHttpClient()
    {
        var config = KubernetesClientConfiguration.BuildConfigFromConfigFile(Kubeconfig);
        var authority = config.SslCaCerts is { Count: > 0 } roots ? roots[0] : null;
        return new HttpClient(KubeEmulator.CreateHttpHandler(authority, config.AccessToken)) { BaseAddress = BaseAddress };
    }

    /// <summary>Stops with SIGTERM, as a user's Ctrl-C or a supervisor would, and returns the exit code.</summary>
    public Task<int> StopAsync() => process.StopAsync(TimeSpan.FromSeconds(30));

    public async ValueTask DisposeAsync()
    {
        await process.DisposeAsync();
        try
        {
            System.IO.Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [GeneratedRegex(@"^kube emulator listening on (https?://127\.0\.0\.1:\d+)$")]
    private static partial Regex FirstLine();
}

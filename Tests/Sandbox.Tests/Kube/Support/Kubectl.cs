using System.Text.Json.Nodes;
using Ccm.TestSupport;

namespace Ccm.Sandbox.Tests.Kube.Support;

/// <summary>
/// The real kubectl against an emulator: the standalone one the test script installs (<c>.tools/bin</c>) or the
/// machine's gcloud dispatcher (<c>/usr/bin/kubectl</c>), which picks its kubectl by the server's minor version.
/// Each instance has its own discovery cache so runs never see another emulator's.
/// </summary>
public sealed class Kubectl(string executable, string kubeconfig, string cacheDirectory)
{
    public const string Dispatcher = "/usr/bin/kubectl";

    /// <summary>The kubectl binaries to run the acceptance tests with: the installed one, and the dispatcher where present.</summary>
    public static IEnumerable<string> Available()
    {
        yield return RepoPaths.Tool("kubectl");
        if (File.Exists(Dispatcher))
        {
            yield return Dispatcher;
        }
    }

    public string Executable => executable;

    public async Task<ProcessResult> RunAsync(params string[] arguments)
    {
        var result = await ProcessRunner.RunAsync(executable, Arguments(arguments), timeout: TimeSpan.FromSeconds(90));
        return result;
    }

    /// <summary>Runs and requires exit code 0; returns stdout.</summary>
    public async Task<string> OkAsync(params string[] arguments)
    {
        var result = await RunAsync(arguments);
        Assert.True(result.ExitCode == 0, $"kubectl {string.Join(' ', arguments)}\n{result}");
        return result.StandardOutput;
    }

    public async Task<JsonObject> JsonAsync(params string[] arguments) =>
        JsonNode.Parse(await OkAsync([.. arguments, "-o", "json"]))!.AsObject();

    /// <summary>A long-running kubectl (e.g. <c>get -w</c>), killed on dispose.</summary>
    public BackgroundProcess Start(params string[] arguments) => BackgroundProcess.Start(executable, Arguments(arguments));

    private string[] Arguments(string[] arguments) => ["--kubeconfig", kubeconfig, "--cache-dir", cacheDirectory, .. arguments];
}

using Ccm.TestSupport;

namespace Ccm.Chart.Tests;

/// <summary>
/// The real helm binary (<c>.tools/bin/helm</c>, installed by scripts/install-test-deps.sh), isolated from the
/// machine: its config, cache and data homes are a temporary folder of this test run, and KUBECONFIG points at a
/// file that does not exist, so no command can reach a cluster.
/// </summary>
public static class Helm
{
    private static readonly Lazy<IReadOnlyDictionary<string, string>> Environment = new(CreateEnvironment);

    public static string Chart => Path.Combine(RepoPaths.Root, "helm", "ccm");

    public static Task<ProcessResult> RunAsync(IEnumerable<string> arguments) =>
        ProcessRunner.RunAsync(RepoPaths.Tool("helm"), arguments, Environment.Value, timeout: TimeSpan.FromMinutes(2));

    private static IReadOnlyDictionary<string, string> CreateEnvironment()
    {
        var home = Directory.CreateTempSubdirectory("ccm-chart-tests-helm-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(home, recursive: true);
            }
            catch (IOException)
            {
                // A helm child killed on timeout may still hold a file; the folder is under the temp directory.
            }
        };
        return new Dictionary<string, string>
        {
            ["HELM_CONFIG_HOME"] = Path.Combine(home, "config"),
            ["HELM_CACHE_HOME"] = Path.Combine(home, "cache"),
            ["HELM_DATA_HOME"] = Path.Combine(home, "data"),
            ["KUBECONFIG"] = Path.Combine(home, "no-kubeconfig"),
        };
    }
}

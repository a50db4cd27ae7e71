using Ccm.TestSupport;

namespace Ccm.EndToEnd.Tests;

/// <summary>The real <c>kubectl</c> (<c>.tools/bin</c>, installed by the test script) pointed at a sandbox's kubeconfig.</summary>
public sealed class Kubectl(string kubeconfig)
{
    public string KubeconfigPath { get; } = kubeconfig;

    /// <summary>Runs <c>kubectl --kubeconfig ... args</c>; a non-zero exit is returned, not thrown.</summary>
    public Task<ProcessResult> RunAsync(params string[] args) => RunAsync(args, standardInput: null);

    public Task<ProcessResult> RunAsync(IEnumerable<string> args, string? standardInput) =>
        ProcessRunner.RunAsync(RepoPaths.Tool("kubectl"), ["--kubeconfig", KubeconfigPath, .. args], timeout: TimeSpan.FromSeconds(60), standardInput: standardInput);

    /// <summary>Runs and fails the test on a non-zero exit, returning standard output.</summary>
    public async Task<string> CheckedAsync(params string[] args)
    {
        var result = await RunAsync(args);
        Assert.True(result.ExitCode == 0, $"kubectl {string.Join(' ', args)}: {result}");
        return result.StandardOutput;
    }

    /// <summary><c>kubectl apply -f -</c> with <paramref name="manifest"/> on standard input.</summary>
    public async Task<string> ApplyAsync(string manifest)
    {
        var result = await RunAsync(["apply", "-f", "-"], manifest);
        Assert.True(result.ExitCode == 0, $"kubectl apply: {result}");
        return result.StandardOutput;
    }
}

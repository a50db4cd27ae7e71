using Ccm.Silo.Options;

namespace Ccm.Silo.Tests.Support;

/// <summary>Options parsed through the real command line, with every listener on 127.0.0.1 (the tests' rule).</summary>
public static class SiloTestOptions
{
    public static readonly string[] LoopbackListeners =
        ["--health-probe-bind-addr=127.0.0.1:0", "--metrics-bind-addr=127.0.0.1:0", "--dashboard-bind-addr=127.0.0.1:0"];

    /// <summary>Parses <paramref name="extra"/> after a valid cloud-config, no routes, loopback listeners and a silo name.</summary>
    public static SiloOptions Parse(TestFiles files, params string[] extra)
    {
        var cloudConfig = files.Write("cloud-config.json", TestFiles.ValidCloudConfig);
        string[] args = [$"--cloud-config={cloudConfig}", "--configure-cloud-routes=false", "--silo-name=test-silo", .. LoopbackListeners, .. extra];
        var result = CommandLine.Parse(args, TestEnvironment.Empty);
        Assert.True(result.Action == CommandLineAction.Run, string.Join("\n", result.Errors));
        return result.Options!;
    }
}

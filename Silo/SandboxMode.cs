using Ccm.Silo.Options;

namespace Ccm.Silo;

/// <summary>
/// <c>--sandbox</c>: the in-process emulators and a silo run against them. The entry point the sandbox mode plugs
/// into; until it lands the flag is accepted and explains itself.
/// </summary>
internal static class SandboxMode
{
    public static Task<int> RunAsync(SiloOptions options, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        stderr.WriteLine("error: --sandbox is not available yet in this build. Run the silo against a cluster with --cloud-config=FILE and --kubeconfig=FILE instead.");
        return Task.FromResult(SiloApp.ExitFailure);
    }
}

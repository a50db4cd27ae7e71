using System.Globalization;
using System.Text.RegularExpressions;
using Ccm.TestSupport;

namespace Ccm.EndToEnd.Tests;

/// <summary>
/// The real executable (<c>dotnet Ccm.Silo.dll ...</c>) as a child process, for the tests that must prove the
/// program itself: its flags, its environment, its standard output, its signals. Killed with its tree on dispose.
/// </summary>
public sealed partial class SiloProcess : IAsyncDisposable
{
    private int disposed;

    private SiloProcess(BackgroundProcess process) => Process = process;

    public BackgroundProcess Process { get; }

    /// <summary>Standard output and error so far (logs are on standard error, the sandbox's banner on standard output).</summary>
    public string Transcript => Process.Transcript;

    public static string Assembly => RepoPaths.BuiltAssembly("Silo", "Ccm.Silo.dll");

    /// <summary>Starts <c>dotnet Ccm.Silo.dll args</c> with these environment variables added.</summary>
    public static SiloProcess Start(IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null) =>
        new(BackgroundProcess.Start("dotnet", [Assembly, .. args], environment));

    /// <summary>The URL of the listener serving <paramref name="role"/> (<c>Health</c>, <c>Metrics</c>, <c>Dashboard</c>), from the "Serving" log lines.</summary>
    public async Task<Uri> ListenerAsync(string role, TimeSpan? timeout = null)
    {
        var match = await LineAsync(
            l => ServingLine().Match(l) is { Success: true } m && m.Groups["roles"].Value.Contains(role, StringComparison.Ordinal) ? m : null,
            $"a listener serving {role}",
            timeout);
        return new Uri(match.Groups["url"].Value);
    }

    /// <summary>The value of a <c>--sandbox</c> banner line, e.g. <c>kubeconfig</c>, <c>dashboard</c>, <c>env</c>.</summary>
    public Task<string> BannerValueAsync(string key, TimeSpan? timeout = null)
    {
        var prefix = "  " + key + " ";
        return LineAsync(l => l.StartsWith(prefix, StringComparison.Ordinal) ? l[prefix.Length..].Trim() : null, $"the banner line {key}", timeout);
    }

    /// <summary>The first line of the transcript (so far or to come) that <paramref name="parse"/> accepts; lines can be asked for in any order.</summary>
    public async Task<T> LineAsync<T>(Func<string, T?> parse, string what, TimeSpan? timeout = null)
        where T : class
    {
        T? found = null;
        await Eventually.TrueAsync(
            () => Process.HasExited || (found = Transcript.Split('\n').Select(l => parse(l.TrimEnd('\r'))).FirstOrDefault(v => v is not null)) is not null,
            what,
            timeout ?? TestTimings.Generous);
        return found ?? throw new Xunit.Sdk.XunitException($"the silo exited before printing {what}:\n{Transcript}");
    }

    /// <summary>Ctrl-C: SIGINT, then the exit code.</summary>
    public Task<int> InterruptAsync(TimeSpan timeout) => SignalAsync("-INT", timeout);

    /// <summary>SIGTERM (what the kubelet sends), then the exit code.</summary>
    public Task<int> TerminateAsync(TimeSpan timeout) => Process.StopAsync(timeout);

    /// <summary><c>kill -9</c>: the silo gets no chance to leave the cluster, release anything or flush; waits until it is gone.</summary>
    public async Task KillAsync()
    {
        if (!Process.HasExited)
        {
            using var kill = System.Diagnostics.Process.Start("kill", ["-KILL", Process.Id.ToString(CultureInfo.InvariantCulture)]);
            await kill.WaitForExitAsync();
        }

        await Eventually.TrueAsync(() => Process.HasExited, "the silo is gone after SIGKILL", TestTimings.Generous);
    }

    /// <summary>Kills the process tree if it still runs; safe to call twice (the test and its world both may).</summary>
    public ValueTask DisposeAsync() => Interlocked.Exchange(ref disposed, 1) == 0 ? Process.DisposeAsync() : ValueTask.CompletedTask;

    private async Task<int> SignalAsync(string signal, TimeSpan timeout)
    {
        if (!Process.HasExited)
        {
            using var kill = System.Diagnostics.Process.Start("kill", [signal, Process.Id.ToString(CultureInfo.InvariantCulture)]);
            await kill.WaitForExitAsync();
        }

        await Eventually.TrueAsync(() => Process.HasExited, $"the silo exits after SIGINT{System.Environment.NewLine}{Transcript}", timeout);
        return await Process.StopAsync(timeout); // exited already: this only reads the exit code
    }

    [GeneratedRegex(@"Serving (?<roles>[A-Za-z, ]+) on (?<url>http://127\.0\.0\.1:\d+/)")]
    private static partial Regex ServingLine();
}

using System.Diagnostics;
using System.Text;
using System.Threading.Channels;

namespace Ccm.TestSupport;

/// <summary>
/// A long-running child process (an emulator, a silo) whose output lines can be awaited; killed with its tree on dispose.
/// </summary>
public sealed class BackgroundProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly Channel<string> lines = Channel.CreateUnbounded<string>();
    private readonly StringBuilder transcript = new();

    private BackgroundProcess(Process process) => this.process = process;

    public int Id => process.Id;

    public bool HasExited => process.HasExited;

    /// <summary>Everything printed so far on stdout and stderr, for failure messages.</summary>
    public string Transcript { get { lock (transcript) { return transcript.ToString(); } } }

    public static BackgroundProcess Start(
        string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null, string? workingDirectory = null)
    {
        var process = new Process { StartInfo = ProcessRunner.StartInfo(fileName, arguments, environment, workingDirectory) };
        var background = new BackgroundProcess(process);
        process.OutputDataReceived += (_, e) => background.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => background.OnLine(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return background;
    }

    /// <summary>Waits for the first output line that satisfies <paramref name="predicate"/> and returns it.</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> predicate, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await foreach (var line in lines.Reader.ReadAllAsync(cts.Token))
            {
                if (predicate(line))
                {
                    return line;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }

        throw new TimeoutException($"no matching line within {timeout}; exited={process.HasExited}; output:\n{Transcript}");
    }

    /// <summary>Sends SIGTERM (a graceful stop) and waits for the exit code.</summary>
    public async Task<int> StopAsync(TimeSpan timeout)
    {
        if (!process.HasExited)
        {
            using var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await kill.WaitForExitAsync();
        }

        using var cts = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(cts.Token);
        return process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (transcript)
        {
            transcript.AppendLine(line);
        }

        lines.Writer.TryWrite(line);
    }
}

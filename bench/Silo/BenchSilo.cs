using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Ccm.Bench.Silo;

/// <summary>
/// A real silo process (<c>dotnet Ccm.Silo.dll</c>, the copy built next to the bench) with its output kept, its
/// listeners read from its "Serving" lines, and its resident memory read from <c>/proc</c>.
/// </summary>
internal sealed partial class BenchSilo : IAsyncDisposable
{
    private readonly Process process;
    private readonly List<(TimeSpan At, string Line)> lines = [];
    private readonly Stopwatch clock;

    private BenchSilo(Process process, Stopwatch clock)
    {
        this.process = process;
        this.clock = clock;
    }

    /// <summary>Time since the process was started.</summary>
    public TimeSpan Elapsed => clock.Elapsed;

    public int Id => process.Id;

    public bool HasExited => process.HasExited;

    public static BenchSilo Start(IEnumerable<string> args, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Ccm.Silo.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var clock = Stopwatch.StartNew();
        var silo = new BenchSilo(new Process { StartInfo = start }, clock);
        silo.process.OutputDataReceived += (_, e) => silo.Add(e.Data);
        silo.process.ErrorDataReceived += (_, e) => silo.Add(e.Data);
        silo.process.Start();
        silo.process.BeginOutputReadLine();
        silo.process.BeginErrorReadLine();
        return silo;
    }

    /// <summary>When (since start) the first output line containing <paramref name="text"/> was printed, or null.</summary>
    public TimeSpan? LineAt(string text)
    {
        lock (lines)
        {
            return lines.FirstOrDefault(l => l.Line.Contains(text, StringComparison.Ordinal)) is { Line: not null } found ? found.At : null;
        }
    }

    /// <summary>Everything the process printed so far, one line each.</summary>
    public string Transcript
    {
        get
        {
            lock (lines)
            {
                return string.Join('\n', lines.Select(l => l.Line));
            }
        }
    }

    /// <summary>The last output lines, for a failure message.</summary>
    public string Tail(int count = 30)
    {
        lock (lines)
        {
            return string.Join('\n', lines.TakeLast(count).Select(l => l.Line));
        }
    }

    /// <summary>The base URL of the listener serving <paramref name="role"/> (Health, Metrics, Dashboard).</summary>
    public async Task<Uri> ListenerAsync(string role, CancellationToken cancellationToken)
    {
        while (true)
        {
            lock (lines)
            {
                if (lines.Select(l => ServingLine().Match(l.Line)).FirstOrDefault(m => m.Success && m.Groups["roles"].Value.Contains(role, StringComparison.Ordinal)) is { } match)
                {
                    return new Uri(match.Groups["url"].Value);
                }
            }

            ThrowIfExited();
            await Task.Delay(50, cancellationToken);
        }
    }

    /// <summary>Waits until <c>/readyz</c> answers 200; returns the time since start at that moment.</summary>
    public async Task<TimeSpan> ReadyAsync(HttpClient http, CancellationToken cancellationToken)
    {
        var readyz = new Uri(await ListenerAsync("Health", cancellationToken), "readyz");
        while (true)
        {
            try
            {
                using var response = await http.GetAsync(readyz, cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return clock.Elapsed;
                }
            }
            catch (HttpRequestException)
            {
            }

            ThrowIfExited();
            await Task.Delay(50, cancellationToken);
        }
    }

    /// <summary>One metric family of the silo's scrape, by label text (<c>grain_type="node"</c>).</summary>
    public async Task<IReadOnlyDictionary<string, double>> MetricAsync(HttpClient http, string family, CancellationToken cancellationToken)
    {
        var text = await http.GetStringAsync(new Uri(await ListenerAsync("Metrics", cancellationToken), "metrics"), cancellationToken);
        var samples = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n'))
        {
            if (line.StartsWith(family, StringComparison.Ordinal) && line.Length > family.Length && line[family.Length] is '{' or ' ')
            {
                var labels = line[family.Length] == '{' ? line[(family.Length + 1)..line.IndexOf('}', StringComparison.Ordinal)] : "";
                samples[labels] = double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture);
            }
        }

        return samples;
    }

    /// <summary>Resident set size now (<c>VmRSS</c>), in bytes.</summary>
    public long Rss() => Status("VmRSS");

    /// <summary>
    /// A size from <c>/proc/PID/status</c>, in bytes: <c>VmRSS</c> is the sum of <c>RssAnon</c> (heaps, stacks, the
    /// runtime's own memory), <c>RssFile</c> (code and data mapped from files: the runtime, the assemblies) and
    /// <c>RssShmem</c> (the JIT's double-mapped code).
    /// </summary>
    public long Status(string field)
    {
        var line = File.ReadLines($"/proc/{process.Id}/status").First(l => l.StartsWith(field + ":", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }

    /// <summary>SIGKILL: no goodbye to the cluster, no release of anything.</summary>
    public async Task KillAsync()
    {
        process.Kill();
        await process.WaitForExitAsync();
    }

    /// <summary>SIGTERM, as the kubelet stops a pod; waits for the exit.</summary>
    public async Task<int> StopAsync(TimeSpan timeout)
    {
        if (!process.HasExited)
        {
            using var term = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]);
            await term.WaitForExitAsync();
        }

        using var cts = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(cts.Token);
        return process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    private void ThrowIfExited()
    {
        if (process.HasExited)
        {
            throw new InvalidOperationException($"the silo exited ({process.ExitCode}):\n{Tail()}");
        }
    }

    private void Add(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (lines)
        {
            lines.Add((clock.Elapsed, line));
        }
    }

    [GeneratedRegex(@"Serving (?<roles>[A-Za-z, ]+) on (?<url>http://127\.0\.0\.1:\d+/)")]
    private static partial Regex ServingLine();
}

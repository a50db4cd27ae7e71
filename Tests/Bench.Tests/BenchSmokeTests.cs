using System.Diagnostics;
using Ccm.TestSupport;
using Xunit.Abstractions;

namespace Ccm.Bench.Tests;

/// <summary>
/// Every benchmark, run as users run it (bench's own executable) at its reduced size (<see cref="IBenchmark.SmokeArgs"/>):
/// it must exit 0 (or <see cref="IBenchmark.TargetMissed"/>: timings mean nothing at this size) and print its report. A scenario that no longer starts, hangs or throws fails here rather than on the
/// day someone measures with it. Its numbers are printed to the test log and never judged.
/// </summary>
public sealed class BenchSmokeTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(4);

    public static TheoryData<string> Scenarios() =>
        [.. typeof(IBenchmark).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IBenchmark).IsAssignableFrom(t))
            .Select(t => ((IBenchmark)Activator.CreateInstance(t)!).Name)
            .Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task Completes_and_reports_at_its_reduced_size(string scenario)
    {
        var start = new ProcessStartInfo(RepoPaths.BuiltAssembly("bench", "Ccm.Bench"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepoPaths.Root,
        };
        start.ArgumentList.Add("smoke");
        start.ArgumentList.Add(scenario);

        using var bench = Process.Start(start)!;
        var stdout = bench.StandardOutput.ReadToEndAsync();
        var stderr = bench.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(Limit);
        try
        {
            await bench.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            bench.Kill(entireProcessTree: true);
            await bench.WaitForExitAsync();
        }

        var report = await stdout;
        output.WriteLine(report);
        output.WriteLine(await stderr);
        Assert.True(
            bench.ExitCode is 0 or IBenchmark.TargetMissed,
            $"bench smoke {scenario} exited {bench.ExitCode} (killed after {Limit} if it ran that long)");
        Assert.False(string.IsNullOrWhiteSpace(report), $"bench smoke {scenario} printed no report");
    }
}

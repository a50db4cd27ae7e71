using System.Text.RegularExpressions;
using Ccm.TestSupport;

namespace Ccm.Sandbox.Tests.Aliyun;

/// <summary>The built <c>Ccm.Sandbox.dll</c> run as <c>Sandbox aliyun …</c> on port 0, its address read from its first line.</summary>
public sealed partial class StandaloneEmulator : IAsyncDisposable
{
    private StandaloneEmulator(BackgroundProcess process, Uri baseAddress, string firstLine)
    {
        Process = process;
        BaseAddress = baseAddress;
        FirstLine = firstLine;
    }

    public BackgroundProcess Process { get; }

    public Uri BaseAddress { get; }

    public string FirstLine { get; }

    public static string[] Arguments(params string[] extra) =>
    [
        RepoPaths.BuiltAssembly("Sandbox", "Ccm.Sandbox.dll"), "aliyun", "--listen", "127.0.0.1:0",
        "--access-key-id", EmulatorFixture.AccessKeyId, "--access-key-secret", EmulatorFixture.AccessKeySecret, "--seed", "demo", .. extra,
    ];

    public static async Task<StandaloneEmulator> StartAsync(params string[] extra)
    {
        var process = BackgroundProcess.Start("dotnet", Arguments(extra));
        try
        {
            var first = await process.WaitForLineAsync(_ => true, TimeSpan.FromSeconds(60));
            var match = ListeningLine().Match(first);
            Assert.True(match.Success, $"unexpected first line: {first}\n{process.Transcript}");
            return new StandaloneEmulator(process, new Uri(match.Groups[1].Value), first);
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync() => Process.DisposeAsync();

    [GeneratedRegex(@"^aliyun emulator listening on (http://127\.0\.0\.1:\d+)$")]
    private static partial Regex ListeningLine();
}

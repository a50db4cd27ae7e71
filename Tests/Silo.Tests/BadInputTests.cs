using Ccm.Silo.CloudConfiguration;
using Ccm.Silo.Tests.Support;

namespace Ccm.Silo.Tests;

public sealed class BadInputTests : IDisposable
{
    private readonly TestFiles files = new();

    public void Dispose() => files.Dispose();

    [Theory]
    [MemberData(nameof(BadInputCatalogue.Names), MemberType = typeof(BadInputCatalogue))]
    public async Task Stops_with_exit_code_2_and_a_message_naming_the_problem(string name)
    {
        var input = BadInputCatalogue.Named(name);
        var (exitCode, stdout, stderr) = await RunAsync(input);

        Assert.Equal(2, exitCode);
        Assert.Contains(input.Expected, stderr, StringComparison.Ordinal);
        Assert.StartsWith("error: ", stderr, StringComparison.Ordinal);
        Assert.Empty(stdout);
        Assert.All(TestFiles.SecretForms, secret => Assert.DoesNotContain(secret, stderr, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Each_catalogued_input_has_its_own_message()
    {
        var messages = new List<string>();
        foreach (var input in BadInputCatalogue.All)
        {
            var (_, _, stderr) = await RunAsync(input);
            messages.Add(stderr.Split('\n')[0]);
        }

        Assert.True(messages.Count >= 20);
        Assert.Equal(messages.Count, messages.Distinct().Count());
    }

    /// <summary>Runs the program in this process; listeners are on loopback first so a case that wrongly passes cannot bind elsewhere.</summary>
    private async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(BadInput input)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        using var safety = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        string[] args = [.. SiloTestOptions.LoopbackListeners, .. BadInputCatalogue.Arguments(input, files)];
        var environment = TestEnvironment.With(input.Environment ?? []);
        var exitCode = await SiloApp.RunAsync(args, environment, new UnavailableInstanceMetadata(), stdout, stderr, safety.Token);
        return (exitCode, stdout.ToString(), stderr.ToString());
    }
}

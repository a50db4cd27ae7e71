using Ccm.Silo.Hosting;
using Ccm.Silo.Tests.Support;
using Microsoft.Extensions.Logging;

namespace Ccm.Silo.Tests.Hosting;

public sealed class SiloLoggingTests : IDisposable
{
    private readonly TestFiles files = new();

    public void Dispose() => files.Dispose();

    [Theory]
    [InlineData(0, LogLevel.Information)]
    [InlineData(1, LogLevel.Information)]
    [InlineData(2, LogLevel.Debug)]
    [InlineData(3, LogLevel.Debug)]
    [InlineData(4, LogLevel.Trace)]
    [InlineData(10, LogLevel.Trace)]
    public void Klog_verbosity_maps_onto_levels(int verbosity, LogLevel expected)
    {
        Assert.Equal(expected, SiloLogging.MinimumLevel(verbosity));
    }

    [Theory]
    [InlineData("--v=1", false)]
    [InlineData("--v=2", true)]
    public async Task Debug_lines_appear_from_verbosity_2(string verbosity, bool expected)
    {
        var silo = await TestSilo.StartAsync(SiloTestOptions.Parse(files, verbosity));
        silo.Service<ShutdownCoordinator>().Register("watcher", ShutdownPhase.StopIntake, _ => Task.CompletedTask);
        await silo.DisposeAsync();
        Assert.Equal(expected, silo.Logs.Entries.Any(e => e.Level == LogLevel.Debug && e.Message.StartsWith("Shutdown step watcher (StopIntake) done", StringComparison.Ordinal)));
    }
}

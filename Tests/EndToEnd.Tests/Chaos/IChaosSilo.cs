namespace Ccm.EndToEnd.Tests.Chaos;

/// <summary>
/// A silo process the soak can kill: the test runs it as <c>SiloProcess</c>, the bench as its own process
/// wrapper. Its output is every log line it wrote (the console logger provider's, exceptions included), which the
/// soak scans for secrets.
/// </summary>
public interface IChaosSilo : IAsyncDisposable
{
    /// <summary>Standard output and error so far.</summary>
    string Output { get; }

    /// <summary>The base URL of the listener serving <paramref name="role"/> (Health, Metrics, Dashboard).</summary>
    Task<Uri> ListenerAsync(string role, CancellationToken cancellationToken);

    /// <summary>SIGKILL: no graceful stop, nothing released.</summary>
    Task KillAsync();
}

/// <summary>Starts <c>Ccm.Silo</c> with <paramref name="args"/> and the emulators' endpoint variables.</summary>
public delegate IChaosSilo ChaosSiloStarter(IReadOnlyList<string> args, IReadOnlyDictionary<string, string> environment);

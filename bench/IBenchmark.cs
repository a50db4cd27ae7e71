namespace Ccm.Bench;

/// <summary>One benchmark command: <c>dotnet run -c Release --project bench -- NAME [args]</c>.</summary>
public interface IBenchmark
{
    /// <summary>The command name, e.g. <c>aliyun-throughput</c>.</summary>
    string Name { get; }

    /// <summary>What it measures and the target it is judged against, one line.</summary>
    string Description { get; }

    /// <summary>Runs and prints its results; returns the process exit code.</summary>
    Task<int> RunAsync(string[] args, CancellationToken cancellationToken);
}

namespace Ccm.Bench;

/// <summary>One benchmark command: <c>dotnet run -c Release --project bench -- NAME [args]</c>.</summary>
public interface IBenchmark
{
    /// <summary>The command name, e.g. <c>aliyun-throughput</c>.</summary>
    string Name { get; }

    /// <summary>What it measures and the target it is judged against, one line.</summary>
    string Description { get; }

    /// <summary>
    /// Arguments for a reduced-size run (<c>smoke NAME</c>) that the test suite makes of every scenario: it must complete
    /// and report in seconds; its numbers mean nothing and nothing is asserted on them.
    /// </summary>
    IReadOnlyList<string> SmokeArgs { get; }

    /// <summary>
    /// The exit code of a run that completed and reported but missed a timed target (the report says which); a smoke run
    /// accepts it, since timings mean nothing at that size. Any other non-zero code is a failure to run or converge.
    /// </summary>
    const int TargetMissed = 3;

    /// <summary>Runs and prints its results; returns the process exit code (0, <see cref="TargetMissed"/>, or a failure).</summary>
    Task<int> RunAsync(string[] args, CancellationToken cancellationToken);
}

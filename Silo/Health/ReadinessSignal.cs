namespace Ccm.Silo.Health;

/// <summary>
/// A readiness check that a component sets rather than computes: not ready until <see cref="MarkReady"/>, and back to
/// not ready with <see cref="MarkNotReady"/> (e.g. the watcher after its first list, and again when a watch is lost).
/// </summary>
public sealed class ReadinessSignal : IReadinessCheck
{
    private volatile ReadinessResult state;

    public ReadinessSignal(string name, string initialDetail = "not started")
    {
        Name = name;
        state = ReadinessResult.Fail(initialDetail);
    }

    public string Name { get; }

    public void MarkReady(string detail = "ok") => state = ReadinessResult.Pass(detail);

    public void MarkNotReady(string detail) => state = ReadinessResult.Fail(detail);

    public Task<ReadinessResult> CheckAsync(CancellationToken cancellationToken) => Task.FromResult(state);
}

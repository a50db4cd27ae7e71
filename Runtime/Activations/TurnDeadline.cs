namespace Ccm.Runtime;

/// <summary>A token that fires when <c>token</c> does or after a delay measured on the runtime's clock.</summary>
internal sealed class TurnDeadline : IDisposable
{
    private readonly CancellationTokenSource timeout;
    private readonly CancellationTokenSource linked;

    public TurnDeadline(TimeProvider time, TimeSpan after, CancellationToken token)
    {
        timeout = new CancellationTokenSource(after, time);
        linked = CancellationTokenSource.CreateLinkedTokenSource(token, timeout.Token);
    }

    public CancellationToken Token => linked.Token;

    public void Dispose()
    {
        linked.Dispose();
        timeout.Dispose();
    }
}

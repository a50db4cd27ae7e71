namespace Ccm.Grains.Reconcile;

/// <summary>
/// Thrown from <see cref="ReconcilerGrain.ReconcileAsync"/> when retrying cannot help until something changes (an
/// invalid annotation, a missing permission): the failure is logged once and no retry is scheduled; the next signal
/// runs a turn again (controller-runtime's <c>TerminalError</c>). Found also when wrapped as an inner exception.
/// </summary>
public class TerminalException : Exception
{
    public TerminalException()
    {
    }

    public TerminalException(string message)
        : base(message)
    {
    }

    public TerminalException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Whether <paramref name="exception"/> is, or wraps, a <see cref="TerminalException"/>.</summary>
    public static bool IsTerminal(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is TerminalException)
            {
                return true;
            }

            if (e is AggregateException aggregate && aggregate.InnerExceptions.Any(IsTerminal))
            {
                return true;
            }
        }

        return false;
    }
}

namespace Ccm.Sandbox.Aliyun.Faults;

/// <summary>
/// Faults spread by chance over every OpenAPI call (fractions 0..1, drawn independently per call, in this order):
/// <see cref="ThrottleRate"/> answered <c>Throttling.User</c>; <see cref="ErrorRate"/> answered 503 or 500 with
/// nothing changed; <see cref="TimeoutRate"/> held unanswered for <see cref="TimeoutHold"/> (or until the client gives
/// up) with nothing changed, then answered 503 if anyone still listens; and <see cref="DropRate"/> of the calls that
/// succeed applied and then dropped without an answer, so the client cannot tell whether the change was made.
/// </summary>
public sealed record RandomFaults
{
    public static readonly RandomFaults None = new();

    public double ThrottleRate { get; init; }

    public double ErrorRate { get; init; }

    public double TimeoutRate { get; init; }

    /// <summary>How long a timed-out call is held: longer than the client's own timeout, so the client gives up first.</summary>
    public TimeSpan TimeoutHold { get; init; } = TimeSpan.FromSeconds(30);

    public double DropRate { get; init; }

    internal void Validate()
    {
        foreach (var (name, rate) in new[] { (nameof(ThrottleRate), ThrottleRate), (nameof(ErrorRate), ErrorRate), (nameof(TimeoutRate), TimeoutRate), (nameof(DropRate), DropRate) })
        {
            if (rate is < 0 or > 1)
            {
                throw new ArgumentOutOfRangeException(name, rate, $"{name} is a fraction of calls between 0 and 1");
            }
        }
    }
}

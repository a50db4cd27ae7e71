namespace Ccm.Silo.Health;

/// <summary>
/// One named condition the silo needs before it does useful work, e.g. <c>watches synced</c>, <c>shards renewing</c>,
/// <c>cloud credentials usable</c>. <c>/readyz</c> is the conjunction of every registered check. Register through DI
/// (<c>services.AddSingleton&lt;IReadinessCheck, MyCheck&gt;()</c>) or at run time with <see cref="ReadinessRegistry.Register"/>.
/// </summary>
public interface IReadinessCheck
{
    /// <summary>Shown on <c>/readyz</c>; unique among registered checks.</summary>
    string Name { get; }

    /// <summary>Answers quickly from state the component already keeps; it runs on every probe, under a timeout.</summary>
    Task<ReadinessResult> CheckAsync(CancellationToken cancellationToken);
}

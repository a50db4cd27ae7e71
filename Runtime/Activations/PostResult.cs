namespace Ccm.Runtime;

/// <summary>What happened to an item offered to an activation's mailbox.</summary>
internal enum PostResult
{
    /// <summary>Queued (or, for a signal, coalesced with one already queued).</summary>
    Accepted,

    /// <summary>The shard does not run here now, or the activation is stopping with it.</summary>
    NotRunnable,

    /// <summary>The activation has ended; the catalog creates a fresh one.</summary>
    Retired,
}

namespace Ccm.Silo.Memory;

/// <summary>The process's heaps as <see cref="HeapTrimmer"/> sees them: how much the GC's holds, and a way to shrink both it and the C heap.</summary>
public interface IProcessHeap
{
    /// <summary>Bytes the garbage-collected heap holds now: live objects plus garbage not collected yet.</summary>
    long HeldBytes { get; }

    /// <summary>Collects every generation, compacts, and returns the space freed, the C heap's included, to the system.</summary>
    HeapTrim Trim();
}

/// <param name="HeldBefore">Bytes the garbage-collected heap held before the collection.</param>
/// <param name="HeldAfter">Bytes it held after: what was live.</param>
/// <param name="Pause">How long the collection stopped the process.</param>
public readonly record struct HeapTrim(long HeldBefore, long HeldAfter, TimeSpan Pause);

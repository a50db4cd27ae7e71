namespace Ccm.Runtime;

/// <summary>What a turn was for.</summary>
public enum TurnKind
{
    /// <summary>A method call through a grain reference.</summary>
    Call,

    /// <summary>A reconcile (signal, retry or requeue).</summary>
    Reconcile,

    /// <summary>A grain timer callback.</summary>
    Timer,

    /// <summary>A reminder tick.</summary>
    Reminder,
}

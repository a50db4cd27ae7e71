using System.Collections.Immutable;

namespace Ccm.Runtime;

/// <summary>
/// The chain of activations whose turns are waiting on the current one, flowing with the async call (an
/// <see cref="AsyncLocal{T}"/>: per logical flow, never shared between silos or turns). A call into any activation
/// of the chain would wait for itself, since turns are non-reentrant, so it is refused at once.
/// </summary>
internal static class TurnContext
{
    private static readonly AsyncLocal<ImmutableArray<Activation>> Ambient = new();

    /// <summary>Outermost caller first; the last element is the activation running the current turn. Empty outside turns.</summary>
    public static ImmutableArray<Activation> CurrentChain => Ambient.Value.IsDefault ? [] : Ambient.Value;

    /// <summary>Sets the chain for the rest of the calling async method (restored when it returns).</summary>
    public static void Enter(ImmutableArray<Activation> chain) => Ambient.Value = chain;
}

namespace Ccm.Runtime;

/// <summary>The grain could not be activated (its constructor or <see cref="Grain.OnActivateAsync"/> threw).</summary>
public sealed class GrainActivationException : Exception
{
    public GrainActivationException(GrainId grainId, Exception innerException)
        : base($"grain {grainId} failed to activate: {innerException.Message}", innerException)
    {
        GrainId = grainId;
    }

    public GrainActivationException()
    {
    }

    public GrainActivationException(string message)
        : base(message)
    {
    }

    public GrainActivationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public GrainId GrainId { get; }
}

namespace Ccm.Sandbox.Kube.Patch;

/// <summary>A patch that cannot be applied: malformed (400) or failing against the object (422).</summary>
internal sealed class PatchException : Exception
{
    public PatchException(string message, bool malformed = false)
        : base(message) => Malformed = malformed;

    public PatchException()
    {
    }

    public PatchException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>True when the patch document itself is wrong (400) rather than inapplicable (422).</summary>
    public bool Malformed { get; }
}

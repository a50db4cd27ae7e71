namespace Ccm.Kube.Api;

/// <summary>Query parameters of a PATCH.</summary>
public sealed record PatchOptions
{
    /// <summary>Who owns the fields this patch sets (managedFields). Required for server-side apply.</summary>
    public string? FieldManager { get; init; }

    /// <summary>Server-side apply only: take over fields another manager owns instead of failing with 409.</summary>
    public bool? Force { get; init; }

    /// <summary>Validate and answer without persisting (<c>dryRun=All</c>).</summary>
    public bool DryRun { get; init; }

    internal IEnumerable<(string Name, string? Value)> QueryParameters(string defaultFieldManager)
    {
        yield return ("fieldManager", FieldManager ?? defaultFieldManager);
        yield return ("force", Force is { } force ? (force ? "true" : "false") : null);
        yield return ("dryRun", DryRun ? "All" : null);
    }
}

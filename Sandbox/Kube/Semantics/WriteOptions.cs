namespace Ccm.Sandbox.Kube.Semantics;

/// <summary>The query options of a write: <c>dryRun=All</c>, <c>fieldManager</c>, <c>force</c>.</summary>
internal sealed record WriteOptions
{
    public static readonly WriteOptions Default = new();

    public bool DryRun { get; init; }

    public string? FieldManager { get; init; }

    public bool Force { get; init; }
}

/// <summary>DeleteOptions: preconditions (uid, resourceVersion) and dry run.</summary>
internal sealed record DeleteOptions
{
    public static readonly DeleteOptions Default = new();

    public string? PreconditionUid { get; init; }

    public string? PreconditionResourceVersion { get; init; }

    public bool DryRun { get; init; }
}

/// <summary>The four patch content types.</summary>
internal enum PatchType
{
    JsonPatch,
    MergePatch,
    StrategicMergePatch,
    Apply,
}

/// <summary>The outcome of a write that may create (server-side apply) or may only mark (DELETE with finalizers).</summary>
internal sealed record WriteResult(Storage.StoredObject Object, bool Created = false, bool Removed = false);

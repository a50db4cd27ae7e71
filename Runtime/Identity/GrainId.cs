namespace Ccm.Runtime;

/// <summary>
/// The identity of a grain: its type name (see <see cref="GrainTypeAttribute"/>) and its key. Two references with
/// equal ids reach the same activation; the id is what shards, reminders and statistics are keyed by.
/// </summary>
public readonly record struct GrainId
{
    public GrainId(string type, string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(type);
        ArgumentNullException.ThrowIfNull(key);
        Type = type;
        Key = key;
    }

    /// <summary>The grain type name, e.g. <c>IServiceGrain</c>.</summary>
    public string Type { get; }

    /// <summary>The string key, e.g. <c>default/nginx</c>.</summary>
    public string Key { get; }

    /// <summary><c>type/key</c>: the form used in logs and on the dashboard.</summary>
    public override string ToString() => $"{Type}/{Key}";
}

namespace Ccm.Silo.CloudConfiguration;

/// <summary>A node of the cloud-config document with its position, so every error can point at the text.</summary>
internal abstract record ConfigNode(int Line, int Column)
{
    /// <summary>How a user would call this kind of value in an error message.</summary>
    public abstract string Kind { get; }
}

/// <summary>A scalar; <see cref="Quoted"/> tells <c>"true"</c> from <c>true</c>, and a plain empty or <c>null</c> value means unset.</summary>
internal sealed record ConfigScalar(string Value, bool Quoted, int Line, int Column) : ConfigNode(Line, Column)
{
    public bool IsNull => !Quoted && (Value.Length == 0 || Value is "~" or "null" or "Null" or "NULL");

    public override string Kind => "a text value";
}

internal sealed record ConfigMapping(IReadOnlyList<KeyValuePair<ConfigScalar, ConfigNode>> Entries, int Line, int Column) : ConfigNode(Line, Column)
{
    public override string Kind => "a mapping";
}

internal sealed record ConfigSequence(IReadOnlyList<ConfigNode> Items, int Line, int Column) : ConfigNode(Line, Column)
{
    public override string Kind => "a list";
}

using Ccm.Silo.Options;

namespace Ccm.Silo.Flags;

/// <summary>Where a flag comes from, which is also how <c>--help</c> groups them.</summary>
public enum FlagGroup
{
    /// <summary>Same name and meaning as the upstream CCM.</summary>
    Upstream,

    /// <summary>Accepted so upstream manifests start unchanged, logged once and otherwise ignored.</summary>
    Ignored,

    /// <summary>Flags of this CCM only.</summary>
    Ours,
}

/// <summary>The outcome of applying one flag value: the options with the value set, or why the value is wrong.</summary>
public readonly record struct FlagResult(SiloOptions? Options, string? Error)
{
    public static FlagResult Ok(SiloOptions options) => new(options, null);

    public static FlagResult Fail(string error) => new(null, error);
}

/// <summary>One row of the flag table: everything the parser, the validator and <c>--help</c> know about a flag.</summary>
public sealed record FlagDefinition
{
    /// <summary>The name without dashes, e.g. <c>cluster-cidr</c>.</summary>
    public required string Name { get; init; }

    /// <summary>The value's type as <c>--help</c> shows it: <c>duration</c>, <c>string</c>, <c>list</c>...</summary>
    public required string ValueName { get; init; }

    public required string Help { get; init; }

    public FlagGroup Group { get; init; }

    /// <summary>The default as a user would type it; parsed exactly like user input, so help and behaviour agree.</summary>
    public string? Default { get; init; }

    /// <summary>How <c>--help</c> describes a default that is computed rather than written (e.g. from the pod).</summary>
    public string? DefaultNote { get; init; }

    /// <summary>An environment variable that, when set, replaces <see cref="Default"/>.</summary>
    public string? EnvironmentVariable { get; init; }

    /// <summary>Booleans may be given bare (<c>--leader-elect</c>) and never take the next argument as their value.</summary>
    public bool IsBoolean { get; init; }

    /// <summary>Lists accumulate across repeated flags, like pflag's string slices.</summary>
    public bool IsList { get; init; }

    /// <summary>Non-null for flags accepted for compatibility and ignored: why they have no meaning here.</summary>
    public string? IgnoredReason { get; init; }

    /// <summary>Parses and validates a raw value and returns the options with it applied.</summary>
    public required Func<string, SiloOptions, FlagResult> Apply { get; init; }

    public string Display => "--" + Name;
}

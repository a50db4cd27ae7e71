using System.Collections.Immutable;
using System.Globalization;
using System.Net;
using Ccm.Silo.Options;

namespace Ccm.Silo.Flags;

/// <summary>Typed constructors for rows of the flag table: each pairs a parser with a setter and an optional check.</summary>
internal static class Flag
{
    public static FlagDefinition Bool(string name, bool @default, string help, Func<SiloOptions, bool, SiloOptions> set) => new()
    {
        Name = name,
        ValueName = "bool",
        Help = help,
        Default = @default ? "true" : "false",
        IsBoolean = true,
        Apply = (raw, options) => FlagValue.TryParseBool(raw, out var value, out var error) ? FlagResult.Ok(set(options, value)) : FlagResult.Fail(error),
    };

    public static FlagDefinition String(string name, string? @default, string help, Func<SiloOptions, string, SiloOptions> set, Func<string, string?>? check = null) => new()
    {
        Name = name,
        ValueName = "string",
        Help = help,
        Default = @default,
        Apply = (raw, options) => Checked(raw, check, () => set(options, raw)),
    };

    /// <summary>A path; existence is checked by <see cref="Options.SiloOptionsValidator"/>, which knows which paths matter.</summary>
    public static FlagDefinition Path(string name, string valueName, string help, Func<SiloOptions, string, SiloOptions> set) =>
        String(name, null, help, set, value => value.Trim().Length == 0 ? "an empty path is not allowed" : null) with { ValueName = valueName };

    public static FlagDefinition Int(string name, int @default, string help, Func<SiloOptions, int, SiloOptions> set, Func<int, string?>? check = null) => new()
    {
        Name = name,
        ValueName = "int",
        Help = help,
        Default = @default.ToString(CultureInfo.InvariantCulture),
        Apply = (raw, options) => FlagValue.TryParseInt(raw, out var value, out var error)
            ? Checked(value, check, () => set(options, value))
            : FlagResult.Fail(error),
    };

    public static FlagDefinition Float(string name, double @default, string help, Func<SiloOptions, double, SiloOptions> set, Func<double, string?>? check = null) => new()
    {
        Name = name,
        ValueName = "float",
        Help = help,
        Default = @default.ToString(CultureInfo.InvariantCulture),
        Apply = (raw, options) => FlagValue.TryParseFloat(raw, out var value, out var error)
            ? Checked(value, check, () => set(options, value))
            : FlagResult.Fail(error),
    };

    public static FlagDefinition Duration(string name, string @default, string help, Func<SiloOptions, TimeSpan, SiloOptions> set, Func<TimeSpan, string?>? check = null) => new()
    {
        Name = name,
        ValueName = "duration",
        Help = help,
        Default = @default,
        Apply = (raw, options) => GoDuration.TryParse(raw, out var value, out var error)
            ? Checked(value, check, () => set(options, value))
            : FlagResult.Fail(error),
    };

    public static FlagDefinition Choice(string name, string? @default, IReadOnlyList<string> allowed, string help, Func<SiloOptions, string, SiloOptions> set) => new()
    {
        Name = name,
        ValueName = string.Join("|", allowed),
        Help = help,
        Default = @default,
        Apply = (raw, options) => FlagValue.TryParseChoice(raw, allowed, out var value, out var error) ? FlagResult.Ok(set(options, value)) : FlagResult.Fail(error),
    };

    public static FlagDefinition List(string name, string? @default, string help, Func<SiloOptions, ImmutableArray<string>, SiloOptions> set, Func<string, string?>? checkItem = null) => new()
    {
        Name = name,
        ValueName = "list",
        Help = help,
        Default = @default,
        IsList = true,
        Apply = (raw, options) =>
        {
            var items = FlagValue.ParseList(raw);
            var error = checkItem is null ? null : items.Select(checkItem).FirstOrDefault(e => e is not null);
            return error is null ? FlagResult.Ok(set(options, items)) : FlagResult.Fail(error);
        },
    };

    public static FlagDefinition Address(string name, string @default, string help, Func<SiloOptions, BindAddress?, SiloOptions> set) => new()
    {
        Name = name,
        ValueName = "address",
        Help = help,
        Default = @default,
        Apply = (raw, options) => BindAddress.TryParse(raw, out var value, out var error) ? FlagResult.Ok(set(options, value)) : FlagResult.Fail(error),
    };

    public static FlagDefinition Cidr(string name, string help, Func<SiloOptions, IPNetwork, SiloOptions> set) => new()
    {
        Name = name,
        ValueName = "cidr",
        Help = help,
        Apply = (raw, options) => Ipv4Cidr.TryParse(raw, out var value, out var error) ? FlagResult.Ok(set(options, value)) : FlagResult.Fail(error),
    };

    /// <summary>
    /// A flag upstream declares but that means nothing here. Its value is still type-checked, because upstream (pflag)
    /// rejects a malformed value too and a silent typo would hide a real mistake.
    /// </summary>
    public static FlagDefinition Ignored(string name, string valueName, string reason)
    {
        Func<string, string?> check = valueName switch
        {
            "bool" => raw => FlagValue.TryParseBool(raw, out _, out var e) ? null : e,
            "int" => raw => FlagValue.TryParseInt(raw, out _, out var e) ? null : e,
            "duration" => raw => GoDuration.TryParse(raw, out _, out var e) ? null : e,
            _ => _ => null,
        };
        return new()
        {
            Name = name,
            ValueName = valueName,
            Help = reason,
            IsBoolean = valueName == "bool",
            IgnoredReason = reason,
            Apply = (raw, options) => check(raw) is { } error
                ? FlagResult.Fail(error)
                : FlagResult.Ok(options with { IgnoredFlags = options.IgnoredFlags.Add(new IgnoredFlag("--" + name, raw, reason)) }),
        };
    }

    private static FlagResult Checked<T>(T value, Func<T, string?>? check, Func<SiloOptions> apply) =>
        check?.Invoke(value) is { } error ? FlagResult.Fail(error) : FlagResult.Ok(apply());
}

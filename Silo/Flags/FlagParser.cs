using System.Collections.Immutable;
using Ccm.Grains;

namespace Ccm.Silo.Flags;

/// <summary>One flag as the user gave it.</summary>
public sealed record FlagOccurrence(FlagDefinition Flag, string Value);

/// <summary>The command line split into flag occurrences, with every mistake found on the way.</summary>
public sealed record TokenizedArguments(
    ImmutableArray<FlagOccurrence> Occurrences, ImmutableArray<string> Errors, bool HelpRequested, bool VersionRequested);

/// <summary>
/// Splits arguments as pflag does: <c>--flag=value</c> and <c>--flag value</c>; booleans bare or <c>=true|false</c>
/// (a boolean never takes the next argument); <c>-v</c> as klog's shorthand. Unlike upstream, stray positional
/// arguments are errors: upstream passes <c>os.Args</c> itself to pflag, so they were silently dropped.
/// </summary>
public static class FlagParser
{
    public static TokenizedArguments Tokenize(IReadOnlyList<string> args)
    {
        var occurrences = ImmutableArray.CreateBuilder<FlagOccurrence>();
        var errors = ImmutableArray.CreateBuilder<string>();
        bool help = false, version = false;
        FlagDefinition? previousBareBoolean = null;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            var bareBoolean = previousBareBoolean;
            previousBareBoolean = null;
            if (arg is "-h" or "--help" or "-help")
            {
                help = true;
                continue;
            }

            if (arg == "--version")
            {
                version = true;
                continue;
            }

            if (arg.Length < 2 || arg[0] != '-' || arg == "--")
            {
                errors.Add(Unexpected(arg, bareBoolean));
                continue;
            }

            var doubleDash = arg.StartsWith("--", StringComparison.Ordinal);
            var body = arg[(doubleDash ? 2 : 1)..];
            var equals = body.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? body : body[..equals];
            var inline = equals < 0 ? null : body[(equals + 1)..];
            // pflag's word-separator normalisation: --log-dir and --log_dir name the same flag.
            var flag = FlagTable.Find(name) ?? FlagTable.Find(name.Replace('_', '-')) ?? FlagTable.Find(name.Replace('-', '_'));
            if (flag is null || (!doubleDash && name != "v"))
            {
                errors.Add(Unknown(arg, name, doubleDash, flag));
                continue;
            }

            string value;
            if (flag.IsBoolean)
            {
                value = inline ?? "true";
                previousBareBoolean = inline is null ? flag : null;
            }
            else if (inline is not null)
            {
                value = inline;
            }
            else if (i + 1 < args.Count && !LooksLikeFlag(args[i + 1]))
            {
                value = args[++i];
            }
            else
            {
                errors.Add($"{flag.Display}: missing value (expected {Article(flag.ValueName)} {flag.ValueName}{Example(flag)})");
                continue;
            }

            occurrences.Add(new FlagOccurrence(flag, value));
        }

        return new TokenizedArguments(occurrences.ToImmutable(), errors.ToImmutable(), help, version);
    }

    private static bool LooksLikeFlag(string arg) => arg.Length > 2 && arg.StartsWith("--", StringComparison.Ordinal);

    private static string Unexpected(string arg, FlagDefinition? bareBoolean) =>
        bareBoolean is not null && FlagValue.TryParseBool(arg, out _, out _)
            ? $"unexpected argument \"{arg}\": a boolean flag takes its value after '=' (write {bareBoolean.Display}={arg})"
            : $"unexpected argument \"{arg}\": every setting is a flag such as --cloud-config=FILE";

    private static string Unknown(string arg, string name, bool doubleDash, FlagDefinition? flag)
    {
        if (flag is not null)
        {
            return $"{arg}: flags start with two dashes (write --{arg.TrimStart('-')})";
        }

        var suggestion = EditDistance.Closest(name, FlagTable.All.Select(f => f.Name));
        var hint = suggestion is null ? "" : $"; did you mean --{suggestion}?";
        return $"unknown flag {(doubleDash ? "--" : "-")}{name}{hint} (run with --help for the list of flags)";
    }

    private static string Article(string valueName) => "aeiou".Contains(valueName[0], StringComparison.Ordinal) ? "an" : "a";

    private static string Example(FlagDefinition flag) => flag.ValueName switch
    {
        "duration" => ", e.g. 5m",
        "cidr" => ", e.g. 172.20.0.0/16",
        "address" => ", e.g. :10258",
        _ => flag.Default is { Length: > 0 } d ? $", e.g. {d}" : "",
    };
}

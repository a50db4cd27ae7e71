using System.Collections.Immutable;
using Ccm.Silo.Flags;

namespace Ccm.Silo.Options;

/// <summary>What the command line asks for.</summary>
public enum CommandLineAction
{
    Run,
    Help,
    Version,

    /// <summary>Bad input: print <see cref="CommandLineResult.Errors"/> and exit with code 2.</summary>
    Error,
}

public sealed record CommandLineResult(CommandLineAction Action, SiloOptions? Options, ImmutableArray<string> Errors);

/// <summary>
/// Turns arguments and environment into a validated <see cref="SiloOptions"/>: defaults (or their environment
/// variables), then the flags in order (the last of a repeated flag wins; lists accumulate), then the environment
/// the silo reads, then the cross-field rules. Every problem is collected so the user fixes them in one go.
/// </summary>
public static class CommandLine
{
    /// <param name="args">The process arguments, without the program name.</param>
    /// <param name="environment">Reads an environment variable (a seam for tests); null or empty means unset.</param>
    public static CommandLineResult Parse(IReadOnlyList<string> args, Func<string, string?> environment)
    {
        var tokens = FlagParser.Tokenize(args);
        if (tokens.HelpRequested)
        {
            return new CommandLineResult(CommandLineAction.Help, null, []);
        }

        if (tokens.VersionRequested && tokens.Errors.IsEmpty)
        {
            return new CommandLineResult(CommandLineAction.Version, null, []);
        }

        var errors = tokens.Errors.ToBuilder();
        var options = ApplyDefaults(new SiloOptions(), environment, errors);
        foreach (var (flag, value) in Combine(tokens.Occurrences))
        {
            var result = flag.Apply(value, options);
            if (result.Error is not null)
            {
                errors.Add($"{flag.Display}: {result.Error}");
            }
            else
            {
                options = result.Options!;
            }
        }

        options = EnvironmentSettings.Apply(options, environment, errors);
        if (errors.Count > 0)
        {
            return new CommandLineResult(CommandLineAction.Error, null, errors.ToImmutable());
        }

        var given = tokens.Occurrences.Select(o => o.Flag.Name).ToHashSet(StringComparer.Ordinal);
        var validated = SiloOptionsValidator.Validate(options, given, File.Exists);
        return validated.Errors.IsEmpty
            ? new CommandLineResult(CommandLineAction.Run, validated.Options, [])
            : new CommandLineResult(CommandLineAction.Error, null, validated.Errors);
    }

    private static SiloOptions ApplyDefaults(SiloOptions options, Func<string, string?> environment, ImmutableArray<string>.Builder errors)
    {
        foreach (var flag in FlagTable.All)
        {
            var fromEnvironment = flag.EnvironmentVariable is { } variable && environment(variable) is { Length: > 0 } ? environment(variable) : null;
            var raw = fromEnvironment ?? flag.Default;
            if (raw is null)
            {
                continue;
            }

            var result = flag.Apply(raw, options);
            if (result.Error is not null)
            {
                // A written default that fails its own parser is a bug in the table, not user input.
                errors.Add(fromEnvironment is not null
                    ? $"${flag.EnvironmentVariable} (the default of {flag.Display}): {result.Error}"
                    : throw new InvalidOperationException($"default of {flag.Display} is invalid: {result.Error}"));
                continue;
            }

            options = result.Options!;
        }

        return options;
    }

    /// <summary>Repeated list flags become one comma-joined value, so user values replace the default once and then accumulate.</summary>
    private static IEnumerable<(FlagDefinition Flag, string Value)> Combine(ImmutableArray<FlagOccurrence> occurrences)
    {
        foreach (var group in occurrences.GroupBy(o => o.Flag.Name, StringComparer.Ordinal).Where(g => g.First().Flag.IsList))
        {
            yield return (group.First().Flag, string.Join(",", group.Select(o => o.Value)));
        }

        foreach (var occurrence in occurrences.Where(o => !o.Flag.IsList))
        {
            yield return (occurrence.Flag, occurrence.Value);
        }
    }
}

using System.Collections.Immutable;
using Ccm.Silo.Options;

namespace Ccm.Silo.CloudConfiguration;

/// <summary>A cloud-config as read from its file, with what deserved a word to the operator.</summary>
public sealed record LoadedCloudConfig(CloudConfig Config, ImmutableArray<StartupWarning> Warnings);

/// <summary>
/// Reads the upstream cloud-config. As upstream: names match case-insensitively, unknown keys and top-level keys
/// other than <c>Global</c> are ignored, numbers and booleans may stand where text is expected. Beyond upstream:
/// every value is checked at start and each problem is reported with its line, column, field and fix, and unknown
/// keys are reported (with the closest known name) instead of silently dropped.
/// </summary>
public static class CloudConfigReader
{
    public static LoadedCloudConfig Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CloudConfigException(path, $"cannot be read ({e.Message})");
        }

        return Parse(text, path);
    }

    /// <param name="text">The file's content.</param>
    /// <param name="path">Where the text came from, for messages.</param>
    public static LoadedCloudConfig Parse(string text, string path)
    {
        var root = ConfigDocumentParser.Parse(text, path);
        var warnings = ImmutableArray.CreateBuilder<StartupWarning>();
        if (root is null || root is ConfigScalar { IsNull: true })
        {
            warnings.Add(new StartupWarning("cloud-config", $"{path} is empty; every setting comes from defaults and the instance metadata service"));
            return new LoadedCloudConfig(new CloudConfig(), warnings.ToImmutable());
        }

        if (root is not ConfigMapping mapping)
        {
            throw Single(path, root, "(top level)", $"the file holds {root.Kind}", "It must be a mapping with a Global section: {\"Global\": {\"region\": \"...\"}}");
        }

        var global = mapping.Entries.LastOrDefault(e => e.Key.Value.Equals("Global", StringComparison.OrdinalIgnoreCase));
        if (global.Key is null)
        {
            var misplaced = mapping.Entries.Where(e => GlobalFields.Find(e.Key.Value) is not null).Select(e => e.Key).ToList();
            if (misplaced.Count > 0)
            {
                throw Single(path, misplaced[0], misplaced[0].Value,
                    $"{string.Join(", ", misplaced.Select(k => k.Value))} {(misplaced.Count == 1 ? "is" : "are")} at the top level, where upstream ignores {(misplaced.Count == 1 ? "it" : "them")}",
                    "Put the fields inside a Global section: {\"Global\": {...}}");
            }

            warnings.Add(new StartupWarning("cloud-config", $"{path} has no Global section; every setting comes from defaults and the instance metadata service"));
            return new LoadedCloudConfig(new CloudConfig(), warnings.ToImmutable());
        }

        var reader = new FieldReader();
        var config = GlobalFields.Read(global.Key, global.Value, reader);
        if (reader.Errors.Count > 0)
        {
            throw new CloudConfigException(path, reader.Errors);
        }

        warnings.AddRange(reader.Notes.Select(n => new StartupWarning("cloud-config", n.Format(path))));
        return new LoadedCloudConfig(config, warnings.ToImmutable());
    }

    private static CloudConfigException Single(string path, ConfigNode at, string field, string problem, string fix) =>
        new(path, [new CloudConfigError(at.Line, at.Column, field, problem, fix)]);
}

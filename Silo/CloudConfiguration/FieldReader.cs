using System.Globalization;
using System.Text;

namespace Ccm.Silo.CloudConfiguration;

/// <summary>
/// Converts cloud-config values to their types, collecting an error (position, field, problem, fix) instead of
/// throwing, so one run reports every problem in the file. Values are never echoed for secret fields.
/// </summary>
internal sealed class FieldReader
{
    private readonly List<CloudConfigError> errors = [];
    private readonly List<CloudConfigError> notes = [];

    public IReadOnlyList<CloudConfigError> Errors => errors;

    /// <summary>Accepted but worth a word (e.g. an unknown key, a decoded secret ending with a newline).</summary>
    public IReadOnlyList<CloudConfigError> Notes => notes;

    public void Fail(ConfigNode at, string field, string problem, string fix) =>
        errors.Add(new CloudConfigError(at.Line, at.Column, field, problem, fix));

    public void Note(ConfigNode at, string field, string problem, string fix) =>
        notes.Add(new CloudConfigError(at.Line, at.Column, field, problem, fix));

    /// <summary>A scalar's text; numbers and booleans become text as upstream's YAML-to-JSON step does. Null when unset.</summary>
    public string? Text(ConfigNode node, string field)
    {
        if (node is ConfigScalar scalar)
        {
            return scalar.IsNull ? null : scalar.Value.Trim();
        }

        Fail(node, field, $"expected a text value, found {node.Kind}", $"Write it as \"{field.Split('.')[^1]}\": \"...\"");
        return null;
    }

    /// <summary>YAML 1.1 booleans, which upstream's YAML library accepts (true/false, yes/no, on/off), quoted or not.</summary>
    public bool? Bool(ConfigNode node, string field)
    {
        var text = Text(node, field);
        switch (text?.ToLowerInvariant())
        {
            case null:
                return null;
            case "true" or "yes" or "on" or "y":
                return true;
            case "false" or "no" or "off" or "n":
                return false;
            default:
                Fail(node, field, $"\"{text}\" is not a boolean", "Write true or false");
                return null;
        }
    }

    public int? Int(ConfigNode node, string field, int min, int max)
    {
        var text = Text(node, field);
        if (text is null)
        {
            return null;
        }

        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            Fail(node, field, $"\"{text}\" is not a whole number from {min} to {max}", $"Write a number such as {min}");
            return null;
        }

        return value;
    }

    /// <summary>
    /// Decodes a base64 credential. The value itself never appears in a message: it may be the secret, or the secret
    /// pasted in plain text by mistake.
    /// </summary>
    public string? Base64(ConfigNode node, string field, string what)
    {
        var text = Text(node, field);
        if (text is null)
        {
            return null;
        }

        var compact = string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
        var padded = compact.PadRight(compact.Length + ((4 - (compact.Length % 4)) % 4), '=');
        var fix = $"The cloud-config holds the {what} base64-encoded: write the output of  echo -n \"$VALUE\" | base64";
        var buffer = new byte[padded.Length];
        if (!Convert.TryFromBase64String(padded, buffer, out var length))
        {
            Fail(node, field, "the value is not valid base64", fix);
            return null;
        }

        string decoded;
        try
        {
            decoded = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(buffer, 0, length);
        }
        catch (DecoderFallbackException)
        {
            decoded = "\0";
        }

        var trimmed = decoded.TrimEnd('\r', '\n', ' ');
        if (trimmed.Length == 0 || trimmed.Any(char.IsControl))
        {
            var plain = compact.StartsWith("LTAI", StringComparison.Ordinal) ? " (it starts with LTAI, like a plain AccessKey ID)" : "";
            Fail(node, field, $"the value decodes to bytes that are not text, so it is probably the {what} itself rather than its base64 encoding{plain}", fix);
            return null;
        }

        if (trimmed.Length != decoded.Length)
        {
            Note(node, field, "the decoded value ends with a newline or spaces, which were removed", "Encode with echo -n so no newline is included");
        }

        return trimmed;
    }
}

namespace Ccm.CloudClients.Transport;

/// <summary>
/// Makes a service error message safe to log and throw. <c>SignatureDoesNotMatch</c> echoes the server's
/// string-to-sign after <c>server string to sign is:</c>; in V2 that contains the AccessKeyId and the STS
/// <c>SecurityToken</c>, so everything from the marker on is cut. Then any known credential value is masked, as a
/// second net for messages we do not know the shape of.
/// </summary>
public static class ServerMessage
{
    public const string StringToSignMarker = "server string to sign is:";

    public static string Sanitize(string? message, IEnumerable<string> sensitiveValues)
    {
        var text = message ?? "";
        var marker = text.IndexOf(StringToSignMarker, StringComparison.OrdinalIgnoreCase);
        if (marker >= 0)
        {
            text = text[..marker].TrimEnd() + " (server string-to-sign omitted)";
        }

        foreach (var value in sensitiveValues)
        {
            // Short values would mask ordinary words; real ids, secrets and tokens are long.
            if (value.Length >= 8)
            {
                text = text.Replace(value, "***", StringComparison.Ordinal);
                var encoded = Signing.PercentEncoding.Encode(value);
                text = encoded == value ? text : text.Replace(encoded, "***", StringComparison.Ordinal);
            }
        }

        return text;
    }
}

namespace Ccm.Silo.Options;

/// <summary><c>--log-format</c>: one line per entry, as readable text or as JSON for log collectors.</summary>
public enum LogFormat
{
    Text,
    Json,
}

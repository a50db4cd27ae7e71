namespace Ccm.Silo.CloudConfiguration;

/// <summary>
/// A cloud-config that cannot be used. The message lists every problem as <c>file:line:column: field: problem. fix</c>
/// and never contains a credential's value.
/// </summary>
public sealed class CloudConfigException : Exception
{
    public CloudConfigException(string path, IReadOnlyList<CloudConfigError> errors)
        : base(string.Join(Environment.NewLine, errors.Select(e => "cloud-config " + e.Format(path))))
    {
        Path = path;
        Errors = errors;
    }

    public CloudConfigException(string path, string message)
        : base($"cloud-config {path}: {message}")
    {
        Path = path;
        Errors = [];
    }

    public string Path { get; }

    public IReadOnlyList<CloudConfigError> Errors { get; }
}

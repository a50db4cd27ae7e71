using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ccm.Kube.Config;

/// <summary>
/// A token read from a file and re-read once its copy is older than <see cref="RefreshInterval"/>: projected
/// service-account tokens are rotated by the kubelet (at 80% of a ~1 h life), and client-go re-reads the file every
/// minute (transport/token_source.go) so a rotated token is picked up before the old one expires. If a re-read
/// fails, the previous token is kept (it is probably still valid) and the failure logged.
/// </summary>
public sealed class FileTokenSource : IBearerTokenSource
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromMinutes(1);

    private readonly string path;
    private readonly IKubeEnvironment environment;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly Lock gate = new();
    private string? token;
    private DateTimeOffset readAt;

    public FileTokenSource(string path, IKubeEnvironment environment, TimeProvider? time = null, ILogger? logger = null)
    {
        this.path = path;
        this.environment = environment;
        this.time = time ?? TimeProvider.System;
        this.logger = logger ?? NullLogger.Instance;
    }

    public string Path => path;

    public ValueTask<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        lock (gate)
        {
            var now = time.GetUtcNow();
            if (token is null || now - readAt >= RefreshInterval)
            {
                try
                {
                    token = Read();
                    readAt = now;
                }
                catch (Exception ex) when (token is not null && ex is IOException or UnauthorizedAccessException or KubeconfigException)
                {
                    logger.LogWarning(ex, "Could not re-read the token file {TokenFile}; keeping the previous token", path);
                    readAt = now;
                }
            }

            return ValueTask.FromResult(token);
        }
    }

    /// <summary>Reads the token now; throws <see cref="KubeconfigException"/> naming the file when it cannot.</summary>
    internal string Read()
    {
        string text;
        try
        {
            text = System.Text.Encoding.UTF8.GetString(environment.ReadAllBytes(path)).Trim();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new KubeconfigException($"cannot read token file {path}: {ex.Message}", ex);
        }

        return text.Length > 0 ? text : throw new KubeconfigException($"token file {path} is empty");
    }

    public override string ToString() => $"bearer token from {path}";
}

using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;

namespace Ccm.Silo.Dashboard.Auth;

/// <summary>
/// A credential held in a file (a mounted Secret): re-read at most once per <c>refresh</c>, so a rotated Secret takes
/// effect without a restart whatever way the kubelet swaps the file. Only a SHA-256 of the value is kept, and neither
/// the value nor its hash is ever logged. A file that turns unreadable keeps the last good value (a rotation in
/// progress); one that was never readable leaves the credential unconfigured.
/// </summary>
internal sealed class CredentialFile(string path, Func<string, string?> validate, TimeProvider time, TimeSpan refresh, ILogger logger)
{
    private readonly Lock gate = new();
    private byte[]? hash;
    private DateTimeOffset? readAt;
    private string? reportedProblem;

    public string Path => path;

    /// <summary>The SHA-256 of the current value, or null when the file never held a usable one.</summary>
    public byte[]? CurrentHash()
    {
        var now = time.GetUtcNow();
        lock (gate)
        {
            if (readAt is null || now - readAt >= refresh)
            {
                readAt = now;
                Reload();
            }

            return hash;
        }
    }

    /// <summary>Why the file is unusable right now, or null when it is fine.</summary>
    public string? Problem
    {
        get
        {
            CurrentHash();
            lock (gate)
            {
                return reportedProblem;
            }
        }
    }

    private void Reload()
    {
        string? value = null;
        string? problem;
        try
        {
            value = File.ReadAllText(path).Trim();
            problem = validate(value);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problem = $"cannot read {path}: {e.Message}";
        }

        if (problem is not null)
        {
            if (problem != reportedProblem)
            {
                logger.LogWarning("Dashboard credentials file {Path} is not usable ({Problem}); {Consequence}",
                    path, problem, hash is null ? "every dashboard request is refused" : "the previous credentials stay in force");
            }

            reportedProblem = problem;
            return;
        }

        var fresh = SHA256.HashData(Encoding.UTF8.GetBytes(value!));
        if (hash is not null && !CryptographicOperations.FixedTimeEquals(hash, fresh))
        {
            logger.LogInformation("Dashboard credentials reloaded from {Path}", path);
        }

        hash = fresh;
        reportedProblem = null;
    }
}

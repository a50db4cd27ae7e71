using System.Net.Http.Headers;
using k8s.Authentication;
using k8s.Exceptions;

namespace Ccm.Kube.Client;

/// <summary>
/// A bearer token read from the projected service-account file, re-read as soon as the kubelet rotates it (the file's
/// write time changes; looked at no more than once a second) and at least every minute, as client-go does. A failed
/// re-read keeps the previous token: the old one stays valid for a while after rotation.
/// </summary>
public sealed class ServiceAccountToken(string path, TimeProvider? time = null) : ITokenProvider
{
    private static readonly TimeSpan StatInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);

    private readonly TimeProvider clock = time ?? TimeProvider.System;
    private readonly Lock gate = new();
    private string? token;
    private DateTime writtenAt;
    private DateTimeOffset readAt;
    private DateTimeOffset checkedAt;

    public string Path => path;

    public Task<AuthenticationHeaderValue> GetAuthenticationHeaderAsync(CancellationToken cancellationToken)
    {
        lock (gate)
        {
            var now = clock.GetUtcNow();
            if (token is null || now - readAt >= MaxAge || (now - checkedAt >= StatInterval && Changed(now)))
            {
                try
                {
                    Read();
                }
                catch (KubeConfigException) when (token is not null)
                {
                    readAt = now;
                }
            }

            return Task.FromResult(new AuthenticationHeaderValue("Bearer", token));
        }
    }

    /// <summary>Reads the file now; an unreadable or empty file is a <see cref="KubeConfigException"/> naming it.</summary>
    public string Read()
    {
        lock (gate)
        {
            try
            {
                var written = WriteTime(path);
                var text = File.ReadAllText(path).Trim();
                token = text.Length > 0 ? text : throw new KubeConfigException($"token file {path} is empty");
                writtenAt = written;
                readAt = checkedAt = clock.GetUtcNow();
                return token;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new KubeConfigException($"cannot read token file {path}: {e.Message}", e);
            }
        }
    }

    public override string ToString() => $"bearer token from {path}";

    /// <summary>
    /// The write time of the file the path finally leads to. The kubelet's projected volume links <c>token</c> to
    /// <c>..data/token</c> and rotates by pointing <c>..data</c> at a new folder; the link's own time never changes.
    /// </summary>
    private static DateTime WriteTime(string path)
    {
        try
        {
            return (File.ResolveLinkTarget(path, returnFinalTarget: true) ?? new FileInfo(path)).LastWriteTimeUtc;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return DateTime.MinValue; // gone for now: a change; the read that follows keeps the old token
        }
    }

    private bool Changed(DateTimeOffset now)
    {
        checkedAt = now;
        return WriteTime(path) != writtenAt;
    }
}

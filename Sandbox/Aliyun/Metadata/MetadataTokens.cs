using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Ccm.Sandbox.Aliyun.Metadata;

/// <summary>IMDSv2 session tokens: issued by <c>PUT /latest/api/token</c> for 1..21600 seconds.</summary>
internal sealed class MetadataTokens(TimeProvider clock)
{
    public const int MaxTtlSeconds = 21600;

    private readonly ConcurrentDictionary<string, DateTimeOffset> tokens = new(StringComparer.Ordinal);

    public string Issue(int ttlSeconds)
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(42));
        var now = clock.GetUtcNow();
        foreach (var (expired, _) in tokens.Where(t => t.Value <= now))
        {
            tokens.TryRemove(expired, out _);
        }

        tokens[token] = now.AddSeconds(ttlSeconds);
        return token;
    }

    public bool IsValid(string token) => tokens.TryGetValue(token, out var expiry) && clock.GetUtcNow() < expiry;
}

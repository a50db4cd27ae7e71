using System.Collections.Concurrent;
using Ccm.Silo.CloudConfiguration;

namespace Ccm.Silo.Tests.Support;

/// <summary>An instance metadata service answering from a dictionary and recording what was asked.</summary>
public sealed class FakeInstanceMetadata(IReadOnlyDictionary<string, string> items) : IInstanceMetadata
{
    private readonly ConcurrentQueue<string> asked = new();

    public static FakeInstanceMetadata Demo { get; } = new(new Dictionary<string, string>
    {
        ["region-id"] = "cn-hangzhou",
        ["zone-id"] = "cn-hangzhou-k",
        ["vpc-id"] = "vpc-bp1meta",
        ["vswitch-id"] = "vsw-bp1meta",
    });

    public IReadOnlyList<string> Asked => [.. asked];

    public IReadOnlyDictionary<string, string> AsDictionary() => items;

    public Task<string?> GetAsync(string item, CancellationToken cancellationToken)
    {
        asked.Enqueue(item);
        return Task.FromResult(items.GetValueOrDefault(item));
    }
}

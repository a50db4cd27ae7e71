using System.Collections.Immutable;
using Ccm.CloudClients;
using k8s.Models;

namespace Ccm.Grains.Services;

/// <summary>
/// What we added to the cloud for a Service that its annotations alone cannot tell later, kept as two annotations on the
/// Service itself (read from the cache for free, kept across restarts and silos):
/// <list type="bullet">
/// <item><see cref="AddedTagsAnnotation"/>: the <c>additional-resource-tags</c> we put on the load balancer. A tag that
/// leaves the annotation is removed only if it is in this record and still carries the value we gave it, so a user's own
/// tag (never recorded) or one the user has since changed is never taken away. Upstream instead removes every tag the
/// annotation does not name, the user's included.</item>
/// <item><see cref="EipAnnotation"/>: an EIP may be ours (<c>external-ip-type: eip</c>). Written before the
/// allocation, removed once no EIP of ours is left, so an EIP can never be paid for unnoticed: while it is set, our EIPs
/// are looked up (by tag) and released when no longer wanted; while it is not, EIPs cost no call at all.</item>
/// </list>
/// </summary>
public sealed record ServiceRecords(ImmutableArray<Tag> AddedTags, bool EipAllocated)
{
    public const string AddedTagsAnnotation = "service.k8s.alibaba/added-resource-tags";
    public const string EipAnnotation = "service.k8s.alibaba/eip";

    public static ServiceRecords None { get; } = new([], false);

    /// <summary>The bookkeeping annotations, the only ones whose change is never a reason for another turn.</summary>
    public static readonly IReadOnlyList<string> Annotations = [AddedTagsAnnotation, EipAnnotation];

    public static ServiceRecords Of(V1Service service)
    {
        var annotations = service.Metadata.Annotations;
        var tags = annotations?.TryGetValue(AddedTagsAnnotation, out var text) == true ? ParseTags(text) : [];
        return new ServiceRecords(tags, annotations?.TryGetValue(EipAnnotation, out var eip) == true && eip == "true");
    }

    /// <summary>Both records at once, for a write that must cover what is there and what is about to be added.</summary>
    public ServiceRecords Union(ServiceRecords other) =>
        new([.. AddedTags, .. other.AddedTags.Where(t => !AddedTags.Contains(t))], EipAllocated || other.EipAllocated);

    /// <summary>The annotation values that turn <paramref name="current"/> into this record (null removes); empty when equal.</summary>
    public IReadOnlyDictionary<string, string?> ChangesFrom(ServiceRecords current)
    {
        var changes = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (!AddedTags.ToHashSet().SetEquals(current.AddedTags))
        {
            changes[AddedTagsAnnotation] = AddedTags.IsEmpty ? null : string.Join(",", AddedTags.Select(t => $"{t.Key}={t.Value}"));
        }

        if (EipAllocated != current.EipAllocated)
        {
            changes[EipAnnotation] = EipAllocated ? "true" : null;
        }

        return changes;
    }

    /// <summary><c>k=v,k2=</c>, read without the annotation's limits: a record may hold more than the 10 tags one annotation may name.</summary>
    private static ImmutableArray<Tag> ParseTags(string text) =>
        [.. text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(item => item.IndexOf('=', StringComparison.Ordinal) is var equals and >= 0
                ? new Tag(item[..equals].Trim(), item[(equals + 1)..].Trim())
                : new Tag(item, ""))
            .Where(t => t.Key.Length > 0)
            .Distinct()];

    public bool Equals(ServiceRecords? other) =>
        other is not null && AddedTags.ToHashSet().SetEquals(other.AddedTags) && EipAllocated == other.EipAllocated;

    public override int GetHashCode() => HashCode.Combine(AddedTags.Length, EipAllocated);
}

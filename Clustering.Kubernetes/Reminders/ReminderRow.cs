using System.Globalization;
using System.Text.Json.Serialization;
using Orleans;
using Orleans.Runtime;

namespace Ccm.Clustering.Kubernetes.Reminders;

/// <summary>
/// One reminder as a bucket ConfigMap stores it (JSON, one data key per reminder). <see cref="ETag"/> is the row's own
/// etag, new on every upsert, so writes of other reminders in the same bucket leave it valid.
/// </summary>
internal sealed record ReminderRow
{
    public const string KeyKind = "reminder";

    public required string GrainId { get; init; }

    public required string Name { get; init; }

    public DateTime StartAt { get; init; }

    public TimeSpan Period { get; init; }

    public required string ETag { get; init; }

    [JsonIgnore]
    public GrainId ParsedGrainId => Orleans.Runtime.GrainId.Parse(GrainId, CultureInfo.InvariantCulture);

    public static ReminderRow From(ReminderEntry entry, string etag) => new()
    {
        GrainId = entry.GrainId.ToString(),
        Name = entry.ReminderName,
        StartAt = entry.StartAt,
        Period = entry.Period,
        ETag = etag,
    };

    public ReminderEntry ToEntry() => new()
    {
        GrainId = ParsedGrainId,
        ReminderName = Name,
        StartAt = StartAt,
        Period = Period,
        ETag = ETag,
    };

    /// <summary>
    /// The data key of a reminder: readable as <c>grain.name</c>, unique by a hash over both with the grain id's length
    /// first, so no grain id and name can pose as another pair.
    /// </summary>
    public static string KeyOf(GrainId grainId, string name)
    {
        var grain = grainId.ToString();
        return Objects.DataKey.For(KeyKind, $"{grain}.{name}", $"{grain.Length.ToString(CultureInfo.InvariantCulture)}:{grain}{name}");
    }
}

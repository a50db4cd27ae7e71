using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ccm.Runtime.Kubernetes;

/// <summary>
/// One reminder as a ConfigMap value: the full identity (the data key may be a hash), the first tick and the
/// period. No last-tick field: ticks are recomputed from these two, so a tick costs no write.
/// </summary>
internal sealed record StoredReminder
{
    public required string GrainType { get; init; }

    public required string GrainKey { get; init; }

    public required string Name { get; init; }

    public required DateTimeOffset FirstTick { get; init; }

    public required TimeSpan Period { get; init; }

    public static StoredReminder From(ReminderEntry entry) => new()
    {
        GrainType = entry.GrainId.Type,
        GrainKey = entry.GrainId.Key,
        Name = entry.ReminderName,
        FirstTick = entry.FirstTickTime,
        Period = entry.Period,
    };

    public ReminderEntry ToEntry() => new()
    {
        GrainId = new GrainId(GrainType, GrainKey),
        ReminderName = Name,
        FirstTickTime = FirstTick,
        Period = Period,
    };
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(StoredReminder))]
internal sealed partial class ReminderJsonContext : JsonSerializerContext;

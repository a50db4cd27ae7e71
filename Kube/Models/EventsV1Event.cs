using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Ccm.Kube.Models;

/// <summary>
/// events.k8s.io/v1 Event (kind <c>Event</c>): the newer shape with <see cref="Regarding"/>, <see cref="Note"/>
/// and the required <see cref="EventTime"/>, <see cref="ReportingController"/> and <see cref="ReportingInstance"/>.
/// </summary>
public sealed record EventsV1Event : IKubeObject<EventsV1Event>
{
    public string? ApiVersion { get; init; } = "events.k8s.io/v1";

    public string? Kind { get; init; } = "Event";

    public ObjectMeta Metadata { get; init; } = new();

    [JsonConverter(typeof(KubeMicroTimeConverter))]
    public DateTimeOffset? EventTime { get; init; }

    public EventSeries? Series { get; init; }

    public string? ReportingController { get; init; }

    public string? ReportingInstance { get; init; }

    public string? Action { get; init; }

    public string? Reason { get; init; }

    public ObjectReference? Regarding { get; init; }

    public ObjectReference? Related { get; init; }

    public string? Note { get; init; }

    /// <summary><c>Normal</c> or <c>Warning</c>.</summary>
    public string? Type { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }

    public static KubeResource Resource { get; } = new("events.k8s.io", "v1", "events", "Event", Namespaced: true);

    public static JsonTypeInfo<EventsV1Event> JsonTypeInfo => KubeJsonContext.Default.EventsV1Event;

    public static JsonTypeInfo<KubeList<EventsV1Event>> ListJsonTypeInfo => KubeJsonContext.Default.KubeListEventsV1Event;

    public static JsonTypeInfo<WatchEventWire<EventsV1Event>> WatchEventJsonTypeInfo => KubeJsonContext.Default.WatchEventWireEventsV1Event;
}

/// <summary>events.k8s.io/v1 EventSeries: how often an isomorphic event recurred.</summary>
public sealed record EventSeries
{
    public int? Count { get; init; }

    [JsonConverter(typeof(KubeMicroTimeConverter))]
    public DateTimeOffset? LastObservedTime { get; init; }
}

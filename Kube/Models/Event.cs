using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Ccm.Kube.Models;

/// <summary>
/// core/v1 Event, what <c>kubectl describe</c> shows under "Events". Delivery is best effort and the server keeps
/// them for <c>--event-ttl</c> (1 h by default). See <see cref="EventsV1Event"/> for the events.k8s.io/v1 shape.
/// </summary>
public sealed record Event : IKubeObject<Event>
{
    public string? ApiVersion { get; init; } = "v1";

    public string? Kind { get; init; } = "Event";

    public ObjectMeta Metadata { get; init; } = new();

    public ObjectReference? InvolvedObject { get; init; }

    /// <summary>UpperCamelCase, machine readable, e.g. <c>EnsuredLoadBalancer</c>.</summary>
    public string? Reason { get; init; }

    public string? Message { get; init; }

    /// <summary><c>Normal</c> or <c>Warning</c>.</summary>
    public string? Type { get; init; }

    public EventSource? Source { get; init; }

    [JsonConverter(typeof(KubeTimeConverter))]
    public DateTimeOffset? FirstTimestamp { get; init; }

    [JsonConverter(typeof(KubeTimeConverter))]
    public DateTimeOffset? LastTimestamp { get; init; }

    public int? Count { get; init; }

    [JsonConverter(typeof(KubeMicroTimeConverter))]
    public DateTimeOffset? EventTime { get; init; }

    public string? Action { get; init; }

    public string? ReportingComponent { get; init; }

    public string? ReportingInstance { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }

    public static KubeResource Resource { get; } = new("", "v1", "events", "Event", Namespaced: true);

    public static JsonTypeInfo<Event> JsonTypeInfo => KubeJsonContext.Default.Event;

    public static JsonTypeInfo<KubeList<Event>> ListJsonTypeInfo => KubeJsonContext.Default.KubeListEvent;

    public static JsonTypeInfo<WatchEventWire<Event>> WatchEventJsonTypeInfo => KubeJsonContext.Default.WatchEventWireEvent;
}

/// <summary>core/v1 EventSource: which component (and host) reported the event.</summary>
public sealed record EventSource
{
    public string? Component { get; init; }

    public string? Host { get; init; }
}

/// <summary>The values of an event's <c>type</c>.</summary>
public static class EventTypes
{
    public const string Normal = "Normal";
    public const string Warning = "Warning";
}

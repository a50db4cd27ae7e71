using System.Text.Json.Serialization;

namespace Ccm.Kube.Models;

/// <summary>
/// Source-generated JSON metadata for every wire type. camelCase names as the API uses; nulls are never written,
/// so a partially filled model serializes to exactly the fields that were set (what a merge patch needs).
/// Every model keeps unknown fields in an <c>ExtensionData</c> dictionary; it has a setter (not <c>init</c>) only
/// because the generator cannot fill extension data through init-only members. Treat it as read-only.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    GenerationMode = JsonSourceGenerationMode.Default)]
[JsonSerializable(typeof(Service))]
[JsonSerializable(typeof(KubeList<Service>))]
[JsonSerializable(typeof(WatchEventWire<Service>))]
[JsonSerializable(typeof(Node))]
[JsonSerializable(typeof(KubeList<Node>))]
[JsonSerializable(typeof(WatchEventWire<Node>))]
[JsonSerializable(typeof(Namespace))]
[JsonSerializable(typeof(KubeList<Namespace>))]
[JsonSerializable(typeof(WatchEventWire<Namespace>))]
[JsonSerializable(typeof(ConfigMap))]
[JsonSerializable(typeof(KubeList<ConfigMap>))]
[JsonSerializable(typeof(WatchEventWire<ConfigMap>))]
[JsonSerializable(typeof(Secret))]
[JsonSerializable(typeof(KubeList<Secret>))]
[JsonSerializable(typeof(WatchEventWire<Secret>))]
[JsonSerializable(typeof(Pod))]
[JsonSerializable(typeof(KubeList<Pod>))]
[JsonSerializable(typeof(WatchEventWire<Pod>))]
[JsonSerializable(typeof(EndpointSlice))]
[JsonSerializable(typeof(KubeList<EndpointSlice>))]
[JsonSerializable(typeof(WatchEventWire<EndpointSlice>))]
[JsonSerializable(typeof(Lease))]
[JsonSerializable(typeof(KubeList<Lease>))]
[JsonSerializable(typeof(WatchEventWire<Lease>))]
[JsonSerializable(typeof(Event))]
[JsonSerializable(typeof(KubeList<Event>))]
[JsonSerializable(typeof(WatchEventWire<Event>))]
[JsonSerializable(typeof(EventsV1Event))]
[JsonSerializable(typeof(KubeList<EventsV1Event>))]
[JsonSerializable(typeof(WatchEventWire<EventsV1Event>))]
[JsonSerializable(typeof(Status))]
[JsonSerializable(typeof(WatchEventWire<Status>))]
[JsonSerializable(typeof(DeleteOptions))]
public sealed partial class KubeJsonContext : JsonSerializerContext;

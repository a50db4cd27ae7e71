using System.Text.Json.Nodes;
using Ccm.Sandbox.Kube.Selectors;
using Ccm.Sandbox.Kube.Semantics;
using Ccm.Sandbox.Kube.Storage;

namespace Ccm.Sandbox.Kube.Controllers;

/// <summary>
/// Keeps one EndpointSlice per Service with a selector, in step with the Service, its pods and their nodes; removes
/// the slices when the Service goes or loses its selector. The stand-in writes a single slice per Service (upstream
/// splits at 100 endpoints).
/// </summary>
internal sealed class EndpointSliceController(ControllerApi api) : IController
{
    // Selectors by namespace and Service name: a pod event only concerns the Services that select it.
    private readonly Dictionary<string, Dictionary<string, LabelSelector>> selectors = new(StringComparer.Ordinal);

    public string Name => "endpointslice";

    public IEnumerable<string> KeysFor(StoreEvent e)
    {
        var obj = e.Object;
        if (ReferenceEquals(obj.Type, api.Services))
        {
            Index(obj, e.Type == StoreEventType.Deleted ? null : obj.ToJsonObject());
            return [obj.Key];
        }

        if (ReferenceEquals(obj.Type, api.Pods))
        {
            return ServicesSelecting(obj.Namespace, obj.Labels, e.Previous?.Labels);
        }

        if (ReferenceEquals(obj.Type, api.EndpointSlices)
            && obj.Labels.GetValueOrDefault(EndpointSliceBuilder.ManagedByLabel) == EndpointSliceBuilder.ManagedBy
            && obj.Labels.TryGetValue(EndpointSliceBuilder.ServiceNameLabel, out var service))
        {
            return [ObjectKey.Of(obj.Namespace, service)];
        }

        // Zones come from nodes; node changes are rare, so every selecting Service takes a look.
        return ReferenceEquals(obj.Type, api.Nodes)
            ? selectors.SelectMany(ns => ns.Value.Keys.Select(name => ObjectKey.Of(ns.Key, name))).ToList()
            : [];
    }

    public IEnumerable<string> Resync(StoreSnapshot snapshot)
    {
        selectors.Clear();
        var services = snapshot.List(api.Services).ToList();
        services.ForEach(s => Index(s, s.ToJsonObject()));
        return services.Select(s => s.Key);
    }

    public void Reconcile(string key)
    {
        var (ns, name) = ControllerApi.Split(key);
        var snapshot = api.Snapshot;
        var live = snapshot.List(api.EndpointSlices, ns)
            .Where(s => s.Labels.GetValueOrDefault(EndpointSliceBuilder.ServiceNameLabel) == name
                && s.Labels.GetValueOrDefault(EndpointSliceBuilder.ManagedByLabel) == EndpointSliceBuilder.ManagedBy)
            .OrderBy(s => s.Name, StringComparer.Ordinal)
            .ToList();
        var stored = snapshot.Get(api.Services, ns, name);
        var service = stored?.ToJsonObject();
        var selector = service is null || stored!.Terminating ? null : LabelSelectors.FromMap(service["spec"]?["selector"]);
        if (selector is null)
        {
            live.ForEach(s => api.Delete(api.EndpointSlices, ns, s.Name));
            return;
        }

        var pods = snapshot.List(api.Pods, ns).Where(p => !p.Terminating && selector.Matches(p.Labels)).Select(p => p.ToJsonObject()).ToList();
        var desired = EndpointSliceBuilder.Desired(service!, pods, node => ZoneOf(snapshot, node));
        live.Skip(1).ToList().ForEach(s => api.Delete(api.EndpointSlices, ns, s.Name));
        if (live.Count == 0)
        {
            StampTriggerTime(desired);
            api.Create(api.EndpointSlices, ns, desired);
            return;
        }

        var current = live[0].ToJsonObject();
        if (!EndpointSliceBuilder.Matches(current, desired))
        {
            foreach (var field in (string[])["addressType", "endpoints", "ports"])
            {
                current[field] = desired[field]!.DeepClone();
            }

            Meta.Metadata(current)["labels"] = desired["metadata"]!["labels"]!.DeepClone();
            StampTriggerTime(current);
            api.Update(api.EndpointSlices, live[0], current);
        }
    }

    // Upstream's controller writes the time of the pod or Service change behind each rewrite (kube-proxy and CCMs read
    // it); this one runs right after that change, so its own clock stands in for the change's time.
    private void StampTriggerTime(JsonObject slice)
    {
        var metadata = Meta.Metadata(slice);
        var annotations = metadata["annotations"] as JsonObject ?? [];
        annotations[EndpointSliceBuilder.TriggerTimeAnnotation] = api.NowPrecise;
        metadata["annotations"] = annotations;
    }

    private void Index(StoredObject service, JsonObject? obj)
    {
        if (!selectors.TryGetValue(service.Namespace, out var byName))
        {
            selectors[service.Namespace] = byName = new Dictionary<string, LabelSelector>(StringComparer.Ordinal);
        }

        if (obj is not null && LabelSelectors.FromMap(obj["spec"]?["selector"]) is { } selector)
        {
            byName[service.Name] = selector;
        }
        else
        {
            byName.Remove(service.Name);
        }
    }

    private List<string> ServicesSelecting(string ns, IReadOnlyDictionary<string, string> labels, IReadOnlyDictionary<string, string>? previous) =>
        selectors.TryGetValue(ns, out var byName)
            ? [.. byName.Where(s => s.Value.Matches(labels) || (previous is not null && s.Value.Matches(previous))).Select(s => ObjectKey.Of(ns, s.Key))]
            : [];

    private string? ZoneOf(StoreSnapshot snapshot, string node) =>
        snapshot.Get(api.Nodes, null, node)?.Labels.GetValueOrDefault("topology.kubernetes.io/zone");
}

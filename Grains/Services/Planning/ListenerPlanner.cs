using System.Collections.Immutable;
using System.Globalization;
using Ccm.CloudClients.Slb;

namespace Ccm.Grains.Services;

/// <summary>
/// Listeners: one per Service port, matched to what exists by port and protocol. Ours (description = our key) are
/// created, started, corrected when their settings or group drift, and deleted when their port goes; a listener we did
/// not create is never touched, even on a port we want (upstream #372): that port is skipped with a note.
/// </summary>
public static class ListenerPlanner
{
    public sealed record Result(ImmutableArray<ServiceOperation> Operations, ImmutableArray<string> Notes, ImmutableHashSet<string> GroupsStillUsed);

    public static Result Plan(DesiredService desired, ActualLoadBalancer? actual, IReadOnlyDictionary<string, string> groupIdsByKey)
    {
        var lbId = actual?.LoadBalancerId;
        var found = actual?.Listeners ?? [];
        var ours = found.Where(l => desired.Identity.Owns(l.Description)).ToList();
        var deletes = new List<ServiceOperation>();
        var changes = new List<ServiceOperation>();
        var notes = new List<string>();

        // Ours whose port/protocol is no longer wanted, or whose forwarding changed (the API cannot change it in place).
        foreach (var listener in ours)
        {
            var want = desired.Listeners.FirstOrDefault(l => l.Port == listener.ListenerPort && l.Protocol == listener.ListenerProtocol);
            if (want is null || want.ForwardPort != ListenerSettings.ForwardPort(listener))
            {
                deletes.Add(new DeleteListenerOperation(lbId!, listener.ListenerPort, listener.ListenerProtocol));
            }
        }

        var deleted = deletes.Cast<DeleteListenerOperation>().Select(d => (d.Port, d.Protocol)).ToHashSet();
        foreach (var want in desired.Listeners)
        {
            var same = found.FirstOrDefault(l => l.ListenerPort == want.Port && l.ListenerProtocol == want.Protocol);
            var blocking = found.FirstOrDefault(l => l.ListenerPort == want.Port && Conflicts(l.ListenerProtocol, want.Protocol)
                && !(desired.Identity.Owns(l.Description) && deleted.Contains((l.ListenerPort, l.ListenerProtocol))));
            if (blocking is not null && !desired.Identity.Owns(blocking.Description))
            {
                notes.Add(string.Create(CultureInfo.InvariantCulture,
                    $"port {want.Port}: the load balancer has a {blocking.ListenerProtocol} listener we did not create (\"{blocking.Description}\"); it is left untouched and this port gets no listener"));
                continue;
            }

            if (same is null || deleted.Contains((want.Port, want.Protocol)))
            {
                // Upstream adds a new HTTPS listener's domains before starting it, so it never serves without them.
                changes.Add(new CreateListenerOperation(lbId, want));
                changes.AddRange((want.DomainExtensions ?? ImmutableSortedDictionary<string, string>.Empty)
                    .Select(d => new CreateDomainExtensionOperation(lbId, want.Port, d.Key, d.Value)));
                changes.Add(new StartListenerOperation(lbId, want.Port, want.Protocol));
                continue;
            }

            var drift = ListenerSettings.Drift(want.Settings, ListenerSettings.Of(same));
            var groupMoved = groupIdsByKey.GetValueOrDefault(want.VServerGroupKey) is not { } groupId || groupId != same.VServerGroupId;
            var renamed = same.Description != want.Description;
            if (!drift.IsEmpty || groupMoved || renamed)
            {
                changes.Add(new SetListenerAttributeOperation(lbId!, want.Port, want.Protocol, drift, groupMoved ? want.VServerGroupKey : null, renamed ? want.Description : null));
            }

            if (same.Status == "stopped")
            {
                changes.Add(new StartListenerOperation(lbId, want.Port, want.Protocol));
            }

            if (want.DomainExtensions is { } domains && actual!.DomainExtensions.TryGetValue(want.Port, out var extensions))
            {
                changes.AddRange(DomainExtensions(lbId!, want.Port, domains, extensions));
            }
        }

        // Groups that stay in use after this plan: those of listeners we leave alone.
        var stillUsed = found
            .Where(l => !desired.Identity.Owns(l.Description) && l.VServerGroupId is not null)
            .Select(l => l.VServerGroupId!)
            .ToImmutableHashSet(StringComparer.Ordinal);
        return new Result([.. deletes, .. changes], [.. notes], stillUsed);
    }

    /// <summary>
    /// An HTTPS listener's SNI domains made to match <c>domain-extensions</c>: missing ones created, ones with another
    /// certificate given the annotated one, ones the annotation no longer names deleted (domains compared without case).
    /// </summary>
    public static IEnumerable<ServiceOperation> DomainExtensions(
        string lbId, int port, ImmutableSortedDictionary<string, string> wanted, ImmutableArray<DomainExtension> found)
    {
        foreach (var extension in found.Where(f => !wanted.Keys.Any(w => SameDomain(w, f.Domain))))
        {
            yield return new DeleteDomainExtensionOperation(lbId, port, extension.DomainExtensionId, extension.Domain);
        }

        foreach (var (domain, certificate) in wanted)
        {
            var have = found.FirstOrDefault(f => SameDomain(f.Domain, domain));
            if (have is null)
            {
                yield return new CreateDomainExtensionOperation(lbId, port, domain, certificate);
            }
            else if (have.ServerCertificateId != certificate)
            {
                yield return new SetDomainExtensionOperation(lbId, port, have.DomainExtensionId, domain, certificate);
            }
        }
    }

    /// <summary>A TCP and a UDP listener may share a port; any other pair on one port cannot.</summary>
    public static bool Conflicts(string existing, string wanted) => existing == wanted || (existing != "udp" && wanted != "udp");

    private static bool SameDomain(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}

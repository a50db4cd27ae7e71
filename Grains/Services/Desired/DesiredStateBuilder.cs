using System.Collections.Immutable;
using System.Globalization;
using Ccm.CloudClients;
using k8s;
using k8s.Models;

namespace Ccm.Grains.Services;

/// <summary>
/// What a Service asks of the cloud, from the Service, its EndpointSlices and the Nodes (pure). Every annotation and
/// field that cannot be used is reported at once; then there is no desired state and nothing may be written.
/// </summary>
public static class DesiredStateBuilder
{
    /// <summary>Listeners one Classic Load Balancer holds (reference §4.1 quotas).</summary>
    public const int ListenerQuota = 50;

    /// <param name="admittedPods">UIDs of pods whose unready endpoints count as ready (<see cref="ReadinessGate"/>).</param>
    public static (DesiredService? Desired, IReadOnlyList<AnnotationError> Errors) Build(
        V1Service service, IReadOnlyList<V1Node> nodes, IReadOnlyList<V1EndpointSlice> slices, CcmOptions options, IReadOnlySet<string>? admittedPods = null)
    {
        var (annotations, errors) = ServiceAnnotations.Parse(service);
        var identity = IdentityOf(service, options);
        var adopted = annotations.Get(AnnotationCatalog.LoadBalancerId);
        var ports = service.Spec?.Ports ?? [];
        var protocols = ListenerProtocols(ports, annotations);
        var errorList = errors.ToList();
        CheckListeners(ports, protocols, annotations, errorList);
        errorList.AddRange(AnnotationContradictions.Find(annotations, adopted is not null));
        if (adopted is null && options.DisablePublicSlb && (annotations.Get(AnnotationCatalog.AddressType) ?? "internet") == "internet")
        {
            errorList.Add(new AnnotationError(AnnotationCatalog.AddressType.Name, annotations.Get(AnnotationCatalog.AddressType) ?? "(unset: internet)",
                "intranet (cloud-config disablePublicSLB forbids internet load balancers)"));
        }

        if (errorList.Count > 0)
        {
            return (null, errorList);
        }

        var ipv6Backends = Ipv6Backends(annotations, options);
        var endpoints = ReadyEndpoint.From(slices, ipv6Backends, admittedPods);
        var listeners = new List<DesiredListener>();
        var groups = new List<DesiredVServerGroup>();
        var forward = annotations.Get(AnnotationCatalog.ForwardPort) is { } f ? AnnotationValues.ForwardPorts(f)! : new Dictionary<int, int>();
        var domains = annotations.Get(AnnotationCatalog.DomainExtensions) is { } d ? AnnotationValues.DomainExtensions(d)!.ToImmutableSortedDictionary(StringComparer.Ordinal) : null;

        // Upstream reads vgroup-port and weight only for a reused load balancer: our own has no user groups to join.
        var reused = adopted is not null && annotations.Get(AnnotationCatalog.VServerGroupPort) is { } v ? AnnotationValues.VServerGroupPorts(v)! : null;
        var totalWeight = reused is null ? null : annotations.GetInt(AnnotationCatalog.Weight);
        var keepWeights = annotations.GetSwitch(AnnotationCatalog.IgnoreWeightUpdate) == true;
        for (var i = 0; i < ports.Count; i++)
        {
            var (port, protocol, number) = (ports[i], protocols[i], ports[i].Port);
            if (listeners.Any(l => l.Port == number && l.Protocol == protocol))
            {
                continue;
            }

            var (keyPort, backends) = BackendPolicy.For(service, port, annotations, nodes, endpoints, options.DefaultEniBackends, totalWeight);
            var groupKey = identity.Key(keyPort);
            if (!groups.Any(g => g.Key == groupKey))
            {
                groups.Add(new DesiredVServerGroup(groupKey, [.. backends], reused?.GetValueOrDefault(number), keepWeights));
            }

            listeners.Add(new DesiredListener(number, protocol, identity.Key(number), groupKey,
                ListenerSettings.For(protocol, annotations), protocol == "http" && forward.TryGetValue(number, out var to) ? to : null)
            {
                DomainExtensions = protocol == "https" ? domains : null,
            });
        }

        return (new DesiredService
        {
            Identity = identity,
            Annotations = annotations,
            AdoptedLoadBalancerId = adopted,
            ForceOverrideListeners = annotations.Get(AnnotationCatalog.ForceOverrideListeners) == "true",
            PreserveOnDelete = annotations.Get(AnnotationCatalog.PreserveOnDelete) is { } preserve && preserve is not ("false" or "off"),
            Hostname = annotations.Get(AnnotationCatalog.Hostname),
            LoadBalancer = LoadBalancer(identity, annotations, options),
            WantsEip = annotations.Get(AnnotationCatalog.ExternalIpType) == "eip",
            Ipv6Backends = ipv6Backends,
            Records = ServiceRecords.Of(service),
            ShownIngress = [.. (service.Status?.LoadBalancer?.Ingress ?? []).Select(i => new ShownIngress(i.Ip, i.Hostname))],
            // A listener that redirects must find its HTTPS target already there.
            Listeners = [.. listeners.OrderBy(l => l.ForwardPort is null ? 0 : 1)],
            VServerGroups = [.. groups],
        }, []);
    }

    /// <summary>
    /// The desired state without node members, reporting the same errors as <see cref="Build"/>: all a turn needs to
    /// find and read the load balancer (identity, group keys, reused groups, SNI ports), none of which depends on the
    /// nodes. Only pod members (ENI mode) are in it, from the Service's own EndpointSlices.
    /// </summary>
    public static (DesiredService? Outline, IReadOnlyList<AnnotationError> Errors) Outline(
        V1Service service, IReadOnlyList<V1EndpointSlice> slices, CcmOptions options, IReadOnlySet<string>? admittedPods = null) =>
        Build(service, [], slices, options, admittedPods);

    public static ServiceIdentity IdentityOf(V1Service service, CcmOptions options) => new(
        service.Metadata.NamespaceProperty ?? "default", service.Metadata.Name ?? "", service.Metadata.Uid ?? "", options.ClusterId, service.Metadata.Generation ?? 1);

    /// <summary>What cleanup needs, read leniently: a Service being deleted must be cleaned up even if an annotation is broken.</summary>
    public static DeletionPlanner.Intent DeletionIntentOf(V1Service service, CcmOptions options)
    {
        var id = ServicePredicates.LoadBalancerAnnotation(service, AnnotationCatalog.LoadBalancerId.Key)?.Trim();
        var preserve = ServicePredicates.LoadBalancerAnnotation(service, AnnotationCatalog.PreserveOnDelete.Key)?.Trim();
        var records = ServiceRecords.Of(service);
        var annotated = ServicePredicates.LoadBalancerAnnotation(service, AnnotationCatalog.AdditionalTags.Key) is { } text && AnnotationValues.Tags(text) is { } parsed
            ? parsed.Select(t => new Tag(t.Key, t.Value))
            : [];
        var reused = !string.IsNullOrEmpty(id) && ServicePredicates.LoadBalancerAnnotation(service, AnnotationCatalog.VServerGroupPort.Key) is { } ports
            && AnnotationValues.VServerGroupPorts(ports.Trim()) is { } parsedPorts
            ? parsedPorts.Values.Distinct().ToImmutableArray()
            : [];
        var eip = ServicePredicates.LoadBalancerAnnotation(service, AnnotationCatalog.ExternalIpType.Key)?.Trim() == "eip";
        return new DeletionPlanner.Intent(IdentityOf(service, options), string.IsNullOrEmpty(id) ? null : id,
            !string.IsNullOrEmpty(preserve) && preserve is not ("false" or "off"), [.. annotated.Union(records.AddedTags)], reused, eip || records.EipAllocated);
    }

    private static DesiredLoadBalancer LoadBalancer(ServiceIdentity identity, ServiceAnnotations a, CcmOptions options)
    {
        var addressType = a.Get(AnnotationCatalog.AddressType) ?? "internet";
        var intranet = addressType == "intranet";

        // A classic-network intranet CLB lives outside any VPC: CreateLoadBalancer without a vSwitch makes one.
        var inVpc = intranet && a.Get(AnnotationCatalog.NetworkType) != "classic";
        var chargeType = a.Get(AnnotationCatalog.InstanceChargeType) ?? (a.IsSet(AnnotationCatalog.Spec) ? "PayBySpec" : "PayByCLCU");
        return new DesiredLoadBalancer
        {
            ClientToken = identity.ClientToken,
            Name = a.Get(AnnotationCatalog.Name) ?? identity.DefaultLoadBalancerName,
            AddressType = addressType,
            VpcId = inVpc ? options.VpcId : null,
            VSwitchId = inVpc ? a.Get(AnnotationCatalog.VSwitchId) ?? PickVSwitch(identity, options) : null,
            NetworkType = a.Get(AnnotationCatalog.NetworkType),
            InstanceChargeType = chargeType,
            Spec = chargeType == "PayBySpec" ? a.Get(AnnotationCatalog.Spec) ?? "slb.s1.small" : null,
            InternetChargeType = intranet ? null : a.Get(AnnotationCatalog.ChargeType),
            Bandwidth = intranet ? null : a.GetInt(AnnotationCatalog.Bandwidth),
            MasterZoneId = a.Get(AnnotationCatalog.MasterZoneId),
            SlaveZoneId = a.Get(AnnotationCatalog.SlaveZoneId),
            AddressIPVersion = a.Get(AnnotationCatalog.IpVersion),
            Address = a.Get(AnnotationCatalog.Address),
            ResourceGroupId = a.Get(AnnotationCatalog.ResourceGroupId) ?? options.ResourceGroupId,
            DeleteProtection = a.Get(AnnotationCatalog.DeleteProtection) ?? DesiredLoadBalancer.DeleteProtectionOn,
            ModificationProtection = a.Get(AnnotationCatalog.ModificationProtection) ?? "ConsoleProtection",
            OwnershipTags =
            [
                new Tag(DesiredLoadBalancer.OwnerTagKey, identity.DefaultLoadBalancerName),
                new Tag(DesiredLoadBalancer.ClusterTagKey, identity.ClusterId),
            ],
            AdditionalTags = a.Get(AnnotationCatalog.AdditionalTags) is { } tags
                ? [.. AnnotationValues.Tags(tags)!.Select(t => new Tag(t.Key, t.Value))]
                : [],
        };
    }

    /// <summary>
    /// IPv6 backends need all three, as upstream decides (<c>setAddressIpVersion</c>): the annotation, the
    /// <c>IPv6DualStack</c> gate, and an IPv6 load balancer; otherwise backends stay IPv4 (and a notice says why).
    /// </summary>
    public static bool Ipv6Backends(ServiceAnnotations a, CcmOptions options) =>
        a.Get(AnnotationCatalog.BackendIpVersion) == "ipv6" && options.Gate("IPv6DualStack") && a.Get(AnnotationCatalog.IpVersion) == "ipv6";

    /// <summary>
    /// Upstream picks a configured vSwitch at random; we pick by the Service UID so every attempt (and every silo)
    /// asks for the same one, which keeps the create a true retry of itself.
    /// </summary>
    private static string? PickVSwitch(ServiceIdentity identity, CcmOptions options)
    {
        if (options.VSwitches.IsDefaultOrEmpty)
        {
            return null;
        }

        var hash = identity.Uid.Aggregate(17u, (h, c) => unchecked((h * 31) + c));
        return options.VSwitches[(int)(hash % (uint)options.VSwitches.Length)].VSwitchId;
    }

    /// <summary>Each Service port's listener protocol, in port order: <c>protocol-port</c>, else the port's own (TCP or UDP).</summary>
    private static List<string> ListenerProtocols(IList<V1ServicePort> ports, ServiceAnnotations a)
    {
        var overrides = a.Get(AnnotationCatalog.ProtocolPort) is { } text ? AnnotationValues.ProtocolPorts(text)! : new Dictionary<int, string>();
        return [.. ports.Select(p => overrides.GetValueOrDefault(p.Port) ?? (p.Protocol ?? "TCP").ToLowerInvariant())];
    }

    private static void CheckListeners(IList<V1ServicePort> ports, List<string> protocols, ServiceAnnotations a, List<AnnotationError> errors)
    {
        var listenerCount = ports.Select((p, i) => (p.Port, protocols[i])).Distinct().Count();
        if (listenerCount > ListenerQuota)
        {
            // Refused whole: creating the first 50 and failing on the 51st would leave a half-served Service.
            errors.Add(new AnnotationError("spec.ports", string.Create(CultureInfo.InvariantCulture, $"{listenerCount} listeners"),
                string.Create(CultureInfo.InvariantCulture, $"a Classic Load Balancer holds at most {ListenerQuota} listeners (its quota); split the ports over several Services")));
        }

        for (var i = 0; i < ports.Count; i++)
        {
            var field = string.Create(CultureInfo.InvariantCulture, $"spec.ports[{i}]");
            if (ports[i].Port <= 0)
            {
                errors.Add(new AnnotationError(field + ".port", "(unset)", "a port number"));
            }
            else if (protocols[i] is not ("tcp" or "udp" or "http" or "https"))
            {
                errors.Add(new AnnotationError(field + ".protocol", ports[i].Protocol ?? "", "TCP, UDP (a Classic Load Balancer has no SCTP listener)"));
            }
            else if (protocols[i] == "https" && !a.IsSet(AnnotationCatalog.CertId))
            {
                errors.Add(new AnnotationError(AnnotationCatalog.CertId.Name, "(unset)",
                    string.Create(CultureInfo.InvariantCulture, $"a server certificate id, which the https listener on port {ports[i].Port} requires")));
            }
        }

        bool HasListener(int port, string protocol) => ports.Select((p, i) => (p.Port, protocols[i])).Contains((port, protocol));
        if (a.Get(AnnotationCatalog.ForwardPort) is { } text)
        {
            foreach (var (from, to) in AnnotationValues.ForwardPorts(text)!)
            {
                if (!HasListener(from, "http") || !HasListener(to, "https"))
                {
                    errors.Add(new AnnotationError(AnnotationCatalog.ForwardPort.Name, text,
                        string.Create(CultureInfo.InvariantCulture, $"pairs from an http listener port to an https listener port of this Service ({from}:{to} is not)")));
                }
            }
        }
    }
}

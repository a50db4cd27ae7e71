using Ccm.CloudClients;
using Ccm.CloudClients.Slb;
using Ccm.Grains.Services;
using Ccm.Grains.Tests.Support;
using Ccm.Sandbox.Demo;
using k8s.Models;
using static Ccm.Grains.Tests.Services.ServiceBuilders;

namespace Ccm.Grains.Tests.Services;

/// <summary>
/// One Service a user got wrong: how it is written (<see cref="Tweaks"/>, after <see cref="Arrange"/> prepared the
/// cloud and added its own), the texts its Warning Events must hold (the input by name, its value, the fix), and the
/// options of the cluster it runs in.
/// </summary>
public sealed record ServiceBadInput(string Name, Func<V1Service, V1Service>[] Tweaks, string[] Expected, CcmOptions? Options = null,
    Func<ServiceWorld, Task<Func<V1Service, V1Service>[]>>? Arrange = null)
{
    public override string ToString() => Name;
}

/// <summary>
/// The Service grain's catalogue of user mistakes: every annotation with a value it refuses, contradictory annotations,
/// Service fields a Classic Load Balancer cannot serve, and load balancer ids that must not be taken. Each must be a
/// Warning Event naming the input and the fix, before any cloud write, while other Services keep converging
/// (<see cref="ServiceBadInputTests"/>). Cloud-side trouble is in <see cref="MissingInstanceTests"/> (a Node without its
/// instance) and <see cref="MalformedAnswerTests"/> (truncated, wrong-typed and HTML answers).
/// </summary>
public static class ServiceBadInputCatalogue
{
    private const string Prefix = ServicePredicates.AnnotationPrefix;
    private const string VSwitch = "vsw-bp1sandboxzoneh0001";

    public static readonly ServiceBadInput[] All =
    [
        .. AnnotationValues(),

        // Annotations that are each valid and contradict each other.
        new("internet with a vSwitch", [Annotate("address-type", "internet"), Annotate("vswitch-id", VSwitch)],
            [$"{Prefix}vswitch-id \"{VSwitch}\" contradicts {Prefix}address-type \"internet\"", $"set {Prefix}address-type: intranet for a private load balancer"]),
        new("a vSwitch without an address type", [Annotate("vswitch-id", VSwitch)],
            [$"{Prefix}vswitch-id \"{VSwitch}\" contradicts {Prefix}address-type \"(unset, so internet)\"", $"or remove {Prefix}vswitch-id for a public one"]),
        new("internet with a private address", [Annotate("address-type", "internet"), Annotate("ip", "192.168.0.150")],
            [$"{Prefix}ip \"192.168.0.150\" contradicts {Prefix}address-type \"internet\"", "a private address belongs to a private (intranet) load balancer"]),
        new("a spec on pay-by-capacity-unit", [Annotate("instance-charge-type", "PayByCLCU"), Annotate("spec", "slb.s2.small")],
            [$"{Prefix}spec \"slb.s2.small\" contradicts {Prefix}instance-charge-type \"PayByCLCU\"", "set instance-charge-type to PayBySpec"]),
        new("the same primary and backup zone", [Annotate("master-zoneid", "cn-hangzhou-h"), Annotate("slave-zoneid", "cn-hangzhou-h")],
            [$"{Prefix}slave-zoneid \"cn-hangzhou-h\" contradicts {Prefix}master-zoneid", "the backup zone must differ from the primary zone"]),
        new("internet where cloud-config disables public load balancers", [],
            [$"{Prefix}address-type has invalid value \"(unset: internet)\"", "disablePublicSLB forbids internet load balancers"], Options(disablePublic: true)),
        new("forward-port to a port without an https listener", [Annotate("forward-port", "80:443")],
            [$"{Prefix}forward-port has invalid value \"80:443\"", "(80:443 is not)"]),

        // Service fields a Classic Load Balancer cannot serve.
        new("an https listener without a certificate", [Annotate("protocol-port", "https:80")],
            [$"{Prefix}cert-id has invalid value \"(unset)\"", "which the https listener on port 80 requires"]),
        new("an SCTP port", [s => s.Clone(c => c.Spec.Ports[0].Protocol = "SCTP")],
            ["spec.ports[0].protocol has invalid value \"SCTP\"", "a Classic Load Balancer has no SCTP listener"]),
        new("60 ports, over the listener quota", [ManyPorts(60)],
            ["spec.ports has invalid value \"60 listeners\"", "a Classic Load Balancer holds at most 50 listeners (its quota); split the ports over several Services"]),

        // Load balancer ids that must not be taken.
        new("the load balancer id of another cluster", [], [$"{Prefix}id has invalid value", "this one carries the CCM tag ack.aliyun.com=c-other-cluster"],
            Arrange: async w => [Annotate("id", await LoadBalancerAsync(w, [new Tag("ack.aliyun.com", "c-other-cluster"), new Tag("kubernetes.do.not.delete", "a1b2c3")]))]),
        new("a load balancer id that does not exist", [Annotate("id", "lb-bp1nosuchbalancer01")],
            [$"{Prefix}id has invalid value \"lb-bp1nosuchbalancer01\"", $"the id of an existing load balancer in region {DemoWorld.RegionId}"]),
        new("a vSwitch for a reused internet load balancer", [Annotate("vswitch-id", VSwitch)],
            [$"{Prefix}vswitch-id has invalid value \"{VSwitch}\"", "allowed: none (load balancer lb-", "has no vswitch-id) (fixed when the load balancer was created"],
            Arrange: async w => [Annotate("id", await LoadBalancerAsync(w, []))]),
    ];

    public static TheoryData<string> Names => [.. All.Select(c => c.Name)];

    public static ServiceBadInput Named(string name) => All.Single(c => c.Name == name);

    /// <summary>One row per annotation of the catalog, with a value it refuses (<see cref="AnnotationTests.Values"/>).</summary>
    private static IEnumerable<ServiceBadInput> AnnotationValues() =>
        AnnotationTests.Values
            .Select(row => ((string)row[0], (string)row[2]))
            .Where(row => row.Item2.Length > 0) // an empty value reads as unset: nothing to refuse
            .Select(row =>
            {
                var (key, invalid) = row;
                var spec = AnnotationCatalog.All.Single(s => s.Key == key);
                return new ServiceBadInput($"{key}: {(invalid.Length > 20 ? invalid[..20] + "..." : invalid)}", [Annotate(key, invalid)],
                    [$"{spec.Name} has invalid value \"{invalid}\"", $"allowed: {spec.Allowed}"]);
            });

    private static Func<V1Service, V1Service> ManyPorts(int count) => s => s.Clone(c => c.Spec.Ports =
        [.. Enumerable.Range(1, count).Select(i => new V1ServicePort { Name = $"p{i}", Protocol = "TCP", Port = 8000 + i, TargetPort = 8000 + i })]);

    /// <summary>A load balancer made outside this cluster's Services (an internet one, with these tags).</summary>
    private static async Task<string> LoadBalancerAsync(ServiceWorld world, Tag[] tags) =>
        (await world.Slb.CreateLoadBalancerAsync(new CreateLoadBalancerRequest
        {
            ClientToken = Guid.NewGuid().ToString("N"), LoadBalancerName = "made-elsewhere", AddressType = "internet", Tags = [.. tags],
        }, default)).LoadBalancerId;
}

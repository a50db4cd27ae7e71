using System.Collections.Immutable;
using Ccm.Grains.Services;
using Ccm.Grains.Tests.Support;
using k8s.Models;
using static Ccm.Grains.Tests.Services.ServiceBuilders;

namespace Ccm.Grains.Tests.Services;

/// <summary>The rules of upstream's pod readiness gate <c>service.readiness.alibabacloud.com/&lt;service&gt;</c> (pure).</summary>
public sealed class ReadinessGateTests
{
    private const string Gate = "service.readiness.alibabacloud.com/web";

    [Fact]
    public void The_gate_is_named_after_the_Service() =>
        Assert.Equal(Gate, ReadinessGate.ConditionType("web"));

    [Theory]
    [InlineData(false, false, false, null, true)] // not Ready: a gate may hold it
    [InlineData(true, true, false, null, false)] // serving: its pod is Ready, every gate is True
    [InlineData(false, false, true, null, false)] // terminating: never a member
    [InlineData(true, false, false, null, true)] // publishNotReadyAddresses: ready, yet the pod is not
    [InlineData(null, null, false, null, false)] // nothing said: ready, as the API reads it
    [InlineData(false, false, false, "Node", false)] // not a pod
    public void Only_pods_behind_endpoints_that_are_not_serving_are_read(bool? ready, bool? serving, bool terminating, string? kind, bool read)
    {
        var slice = PodSlice(("10.0.0.1", "uid-1", ready, serving, terminating, kind ?? "Pod"));

        Assert.Equal(read, ReadinessGate.Unconfirmed([slice]).Count == 1);
    }

    [Fact]
    public void A_dual_stack_pod_is_read_once_with_both_addresses()
    {
        var v4 = PodSlice(("192.168.40.1", "uid-1", false, false, false, "Pod"));
        var v6 = PodSlice(("2408::1", "uid-1", false, false, false, "Pod")).Clone(s => s.AddressType = "IPv6");

        var pod = Assert.Single(ReadinessGate.Unconfirmed([v4, v6]));

        Assert.Equal(["192.168.40.1", "2408::1"], pod.Ips.ToList());
        Assert.Equal(("default", "pod-uid-1", "uid-1"), (pod.Namespace, pod.Name, pod.Uid));
    }

    [Theory]
    [InlineData(null, "True", false, GateVerdict.NotGated)]
    [InlineData("service.readiness.alibabacloud.com/other", "True", false, GateVerdict.NotGated)] // another Service's gate
    [InlineData(Gate, "True", false, GateVerdict.Admitted)]
    [InlineData(Gate, "False", false, GateVerdict.Waiting)] // containers still starting: upstream looks again in 10 s
    [InlineData(Gate, null, false, GateVerdict.Waiting)]
    [InlineData(Gate, "False", true, GateVerdict.Admitted)] // the endpoint is ready anyway (publishNotReadyAddresses)
    [InlineData(Gate, "False", false, GateVerdict.Passed, "True")] // a member whose container restarts: its Ready changes the slice
    public void A_gated_pod_is_admitted_once_its_containers_are_ready(string? gate, string? containersReady, bool endpointReady, GateVerdict verdict, string? gateStatus = null)
    {
        var pod = Pod(gate, containersReady, gateStatus);
        var endpoint = new PodEndpoint("default", "pod-1", "uid-1", ["192.168.40.1"], endpointReady);

        Assert.Equal(verdict, ReadinessGate.Judge(pod, endpoint, "web"));
    }

    public static TheoryData<string?, string?, string, string?, bool> WriteCases => new()
    {
        // gate as shown, its reason, where the IP is, the write (status) or none, and whether it is a transition
        { null, null, "member", "True", true },
        { "True", ReadinessGate.RegisteredReason, "member", null, false }, // already set: not written again
        { "False", ReadinessGate.InvalidReason, "member", "True", true },
        { "True", "SetByHand", "member", "True", false }, // upstream rewrites reason and message, not the transition time
        { null, null, "no ENI", "False", true }, // in the VPC but held by no ENI: upstream's invalid backend
        { "False", ReadinessGate.InvalidReason, "no ENI", null, false },
        { null, null, "outside the VPC", null, false }, // skipped, as upstream skips the member
    };

    [Theory]
    [MemberData(nameof(WriteCases))]
    public void Members_get_their_gate_set_once(string? shown, string? reason, string place, string? written, bool transition)
    {
        var condition = shown is null ? null : new V1PodCondition
        {
            Type = Gate, Status = shown, Reason = reason,
            Message = reason == ReadinessGate.InvalidReason ? ReadinessGate.InvalidMessage : reason == ReadinessGate.RegisteredReason ? ReadinessGate.RegisteredMessage : null,
        };
        var pod = new GatedPod("default", "pod-1", "uid-1", ["192.168.40.1"], condition);
        HashSet<string> here = ["192.168.40.1"];

        var writes = ReadinessGate.Writes([pod], place == "outside the VPC" ? here : [], place == "no ENI" ? here : []);

        Assert.Equal(written, writes.SingleOrDefault()?.Status);
        Assert.Equal(transition, writes.SingleOrDefault()?.Transition ?? false);
    }

    [Fact]
    public void An_admitted_pod_s_unready_endpoint_counts_as_ready()
    {
        var slice = PodSlice(("192.168.40.1", "uid-1", false, false, false, "Pod"), ("192.168.40.2", "uid-2", false, false, false, "Pod"));

        Assert.Equal(["192.168.40.1"], ReadyEndpoint.From([slice], admittedPods: new HashSet<string> { "uid-1" }).Select(e => e.Ip));
        Assert.Empty(ReadyEndpoint.From([slice]));
    }

    [Fact]
    public void Eni_members_include_the_admitted_pods()
    {
        var service = Svc("web", tweaks: Annotate("service.beta.kubernetes.io/backend-type", "eni"));
        var slice = PodSlice(("192.168.40.1", "uid-1", false, false, false, "Pod"), ("192.168.40.2", "uid-2", true, true, false, "Pod"));

        var (desired, _) = DesiredStateBuilder.Build(service, DemoNodes(), [slice], Options(), new HashSet<string> { "uid-1" });

        Assert.Equal(["192.168.40.1", "192.168.40.2"], desired!.UnresolvedPodIps.Order());
    }

    private static V1Pod Pod(string? gate, string? containersReady, string? gateStatus) => new()
    {
        Metadata = new V1ObjectMeta { Name = "pod-1", NamespaceProperty = "default", Uid = "uid-1" },
        Spec = new V1PodSpec { ReadinessGates = gate is null ? null : [new V1PodReadinessGate { ConditionType = gate }] },
        Status = new V1PodStatus
        {
            Conditions =
            [
                .. containersReady is null ? [] : new[] { new V1PodCondition { Type = "ContainersReady", Status = containersReady } },
                .. gateStatus is null ? [] : new[] { new V1PodCondition { Type = Gate, Status = gateStatus } },
            ],
        },
    };

    private static V1EndpointSlice PodSlice(params (string Ip, string Uid, bool? Ready, bool? Serving, bool Terminating, string Kind)[] endpoints) => new()
    {
        Metadata = new V1ObjectMeta { Name = "web-1", NamespaceProperty = "default" },
        AddressType = "IPv4",
        Ports = [new Discoveryv1EndpointPort { Name = "http", Port = 8080, Protocol = "TCP" }],
        Endpoints = [.. endpoints.Select(e => new V1Endpoint
        {
            Addresses = [e.Ip],
            NodeName = "demo-node-1",
            Conditions = new V1EndpointConditions { Ready = e.Ready, Serving = e.Serving, Terminating = e.Terminating },
            TargetRef = new V1ObjectReference { Kind = e.Kind, NamespaceProperty = "default", Name = "pod-" + e.Uid, Uid = e.Uid },
        })],
    };
}

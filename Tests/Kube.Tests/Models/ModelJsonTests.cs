using System.Text.Json;
using System.Text.Json.Nodes;
using Ccm.Kube.Models;

namespace Ccm.Kube.Tests.Models;

public class ModelJsonTests
{
    private const string ServiceJson = """
        {"apiVersion":"v1","kind":"Service",
         "metadata":{"name":"web","namespace":"default","uid":"u1","resourceVersion":"42","generation":3,
                     "creationTimestamp":"2024-05-01T10:00:00Z","deletionTimestamp":"2024-05-01T11:00:00Z",
                     "labels":{"app":"web"},"annotations":{"a":"b"},"finalizers":["service.kubernetes.io/load-balancer-cleanup"],
                     "ownerReferences":[{"apiVersion":"apps/v1","kind":"Deployment","name":"d","uid":"u0","controller":true}],
                     "managedFields":[{"manager":"kubectl"}]},
         "spec":{"type":"LoadBalancer","clusterIP":"10.0.0.5","clusterIPs":["10.0.0.5"],"ipFamilies":["IPv4"],
                 "ipFamilyPolicy":"SingleStack","externalTrafficPolicy":"Local","healthCheckNodePort":31000,
                 "loadBalancerClass":"x/y","selector":{"app":"web"},
                 "ports":[{"name":"http","protocol":"TCP","port":80,"targetPort":"http","nodePort":30080},
                          {"port":443,"targetPort":8443}],
                 "someFutureField":{"nested":[1,2]}},
         "status":{"loadBalancer":{"ingress":[{"ip":"1.2.3.4","ipMode":"VIP"}]}}}
        """;

    [Fact]
    public void Service_reads_every_modelled_field()
    {
        var service = JsonSerializer.Deserialize(ServiceJson, Service.JsonTypeInfo)!;

        Assert.Equal("42", service.Metadata.ResourceVersion);
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 11, 0, 0, TimeSpan.Zero), service.Metadata.DeletionTimestamp);
        Assert.Equal(["service.kubernetes.io/load-balancer-cleanup"], service.Metadata.Finalizers!);
        Assert.True(service.Metadata.OwnerReferences![0].Controller);
        Assert.Equal("LoadBalancer", service.Spec!.Type);
        Assert.Equal(["IPv4"], service.Spec.IpFamilies!);
        Assert.Equal("10.0.0.5", service.Spec.ClusterIP);
        Assert.Equal("x/y", service.Spec.LoadBalancerClass);
        Assert.Equal("Local", service.Spec.ExternalTrafficPolicy);
        Assert.Equal("http", service.Spec.Ports![0].TargetPort!.Value.Name);
        Assert.Equal(8443, service.Spec.Ports[1].TargetPort!.Value.Number);
        Assert.Equal(30080, service.Spec.Ports[0].NodePort);
        Assert.Equal("1.2.3.4", service.Status!.LoadBalancer!.Ingress![0].Ip);
    }

    [Fact]
    public void Unknown_fields_survive_a_round_trip()
    {
        var service = JsonSerializer.Deserialize(ServiceJson, Service.JsonTypeInfo)!;

        var written = JsonNode.Parse(JsonSerializer.Serialize(service, Service.JsonTypeInfo))!;

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(ServiceJson), written), written.ToJsonString());
    }

    [Fact]
    public void Nulls_are_not_written_so_a_partial_model_is_a_merge_patch()
    {
        var partial = new Service { Metadata = new() { Labels = new Dictionary<string, string> { ["a"] = "b" } } };

        var json = JsonSerializer.Serialize(partial, Service.JsonTypeInfo);

        Assert.Equal("""{"apiVersion":"v1","kind":"Service","metadata":{"labels":{"a":"b"}}}""", json);
    }

    [Fact]
    public void Node_fields_keep_the_api_spelling()
    {
        var node = new Node
        {
            Spec = new() { ProviderID = "cn-hangzhou.i-1", PodCIDR = "172.20.0.0/24", PodCIDRs = ["172.20.0.0/24"] },
            Status = new() { NodeInfo = new() { MachineID = "m", SystemUUID = "s" } },
        };

        var json = JsonSerializer.Serialize(node, Node.JsonTypeInfo);

        Assert.Contains("\"providerID\":\"cn-hangzhou.i-1\"", json);
        Assert.Contains("\"podCIDR\":\"172.20.0.0/24\"", json);
        Assert.Contains("\"podCIDRs\":[", json);
        Assert.Contains("\"machineID\":\"m\"", json);
        Assert.Contains("\"systemUUID\":\"s\"", json);
    }

    [Fact]
    public void Pod_reads_the_fields_a_readiness_gate_needs()
    {
        var pod = JsonSerializer.Deserialize("""
            {"metadata":{"name":"p"},"spec":{"nodeName":"n1","readinessGates":[{"conditionType":"x/ready"}],"containers":[{"name":"c"}]},
             "status":{"podIP":"172.20.1.5","podIPs":[{"ip":"172.20.1.5"}],"hostIP":"10.0.0.1",
                       "conditions":[{"type":"Ready","status":"True"}],"containerStatuses":[{"name":"c","ready":true,"restartCount":0}]}}
            """, Pod.JsonTypeInfo)!;

        Assert.Equal("n1", pod.Spec!.NodeName);
        Assert.Equal("x/ready", pod.Spec.ReadinessGates![0].ConditionType);
        Assert.Equal("172.20.1.5", pod.Status!.PodIPs![0].Ip);
        Assert.Equal("True", pod.Status.Conditions![0].Status);
        Assert.True(pod.Status.ContainerStatuses![0].Ready);
        Assert.True(pod.Spec.ExtensionData!.ContainsKey("containers"));
    }

    [Fact]
    public void Lease_times_are_written_with_exactly_six_fractional_digits()
    {
        var lease = new Lease { Spec = new() { RenewTime = new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero).AddTicks(1234567) } };

        var json = JsonSerializer.Serialize(lease, Lease.JsonTypeInfo);

        // The API server parses MicroTime with Go's layout 2006-01-02T15:04:05.000000Z07:00.
        Assert.Contains("\"renewTime\":\"2024-01-02T03:04:05.123456Z\"", json);
    }

    [Fact]
    public void Object_times_are_written_as_whole_seconds_in_utc()
    {
        var meta = new ObjectMeta { CreationTimestamp = new DateTimeOffset(2024, 1, 2, 5, 4, 5, TimeSpan.FromHours(2)).AddMilliseconds(300) };

        var json = JsonSerializer.Serialize(new ConfigMap { Metadata = meta }, ConfigMap.JsonTypeInfo);

        Assert.Contains("\"creationTimestamp\":\"2024-01-02T03:04:05Z\"", json);
    }

    [Fact]
    public void Secret_ToString_shows_keys_but_never_values()
    {
        var secret = new Secret
        {
            Metadata = new() { Name = "s", Namespace = "ns" },
            Data = new Dictionary<string, byte[]> { ["password"] = "hunter2"u8.ToArray() },
        };

        var text = secret.ToString();

        Assert.Contains("password", text);
        Assert.DoesNotContain("hunter2", text);
        Assert.DoesNotContain(Convert.ToBase64String("hunter2"u8.ToArray()), text);
    }

    [Fact]
    public void EndpointSlice_reads_conditions_and_target_refs()
    {
        var slice = JsonSerializer.Deserialize("""
            {"apiVersion":"discovery.k8s.io/v1","kind":"EndpointSlice","addressType":"IPv4",
             "metadata":{"name":"web-abc","namespace":"default","labels":{"kubernetes.io/service-name":"web"}},
             "endpoints":[{"addresses":["172.20.1.5"],"conditions":{"ready":true,"serving":true,"terminating":false},
                           "nodeName":"n1","targetRef":{"kind":"Pod","name":"web-1","namespace":"default"}}],
             "ports":[{"name":"http","port":8080,"protocol":"TCP"}]}
            """, EndpointSlice.JsonTypeInfo)!;

        Assert.Equal("web", slice.Metadata.Labels![EndpointSlice.ServiceNameLabel]);
        Assert.True(slice.Endpoints![0].Conditions!.Ready);
        Assert.False(slice.Endpoints[0].Conditions!.Terminating);
        Assert.Equal("web-1", slice.Endpoints[0].TargetRef!.Name);
        Assert.Equal(8080, slice.Ports![0].Port);
    }
}

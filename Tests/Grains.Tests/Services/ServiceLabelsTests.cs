using Ccm.Grains.Services;
using Ccm.Grains.Tests.Support;
using k8s.Models;
using static Ccm.Grains.Tests.Services.ServiceBuilders;

namespace Ccm.Grains.Tests.Services;

/// <summary>Upstream's hash label: which Service fields move it and which do not, and when the labels are (re)written.</summary>
public sealed class ServiceLabelsTests
{
    /// <summary>Each of upstream's inputs, changed alone, gives a new hash.</summary>
    public static TheoryData<string, Func<V1Service, V1Service>> Inputs => new()
    {
        { "a port", Port("https", "TCP", 443, 30443) },
        { "the type", s => s.Clone(c => c.Spec.Type = "NodePort") },
        { "the external traffic policy", Policy("Local") },
        { "the load balancer class", s => s.Clone(c => c.Spec.LoadBalancerClass = "example.com/lb") },
        { "an annotation of ours", Annotate("scheduler", "wrr") },
        { "any other annotation", s => s.Clone(c => c.Metadata.Annotations = new Dictionary<string, string> { ["team"] = "a" }) },
        { "the deletion timestamp", s => s.Clone(c => c.Metadata.DeletionTimestamp = DateTime.UnixEpoch) },
        { "source ranges", s => s.Clone(c => c.Spec.LoadBalancerSourceRanges = ["10.0.0.0/8"]) },
    };

    /// <summary>Fields outside upstream's inputs leave the hash alone.</summary>
    public static TheoryData<string, Func<V1Service, V1Service>> NotInputs => new()
    {
        { "a label (ours included)", s => s.Clone(c => c.Metadata.Labels = new Dictionary<string, string> { [ServiceLabels.Hash] = "x", ["team"] = "a" }) },
        { "the status", Status("10.0.0.1") },
        { "the resourceVersion", s => s.Clone(c => c.Metadata.ResourceVersion = "999") },
        { "a finalizer", s => s.Clone(c => c.Metadata.Finalizers = [ServicePredicates.Finalizer]) },
        { "the cluster IP", s => s.Clone(c => c.Spec.ClusterIP = "10.96.0.9") },
    };

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Each_upstream_input_moves_the_hash(string input, Func<V1Service, V1Service> change)
    {
        var service = Svc();

        Assert.True(ServiceLabels.HashOf(service) != ServiceLabels.HashOf(change(service)), input);
    }

    [Theory]
    [MemberData(nameof(NotInputs))]
    public void Other_fields_leave_the_hash_alone(string field, Func<V1Service, V1Service> change)
    {
        var service = Svc();

        Assert.True(ServiceLabels.HashOf(service) == ServiceLabels.HashOf(change(service)), field);
    }

    [Fact]
    public void The_hash_is_56_lower_case_hex_digits_and_ignores_annotation_order()
    {
        var ab = Svc(tweaks: s => s.Clone(c => c.Metadata.Annotations = new Dictionary<string, string> { ["a"] = "1", ["b"] = "2" }));
        var ba = Svc(tweaks: s => s.Clone(c => c.Metadata.Annotations = new Dictionary<string, string> { ["b"] = "2", ["a"] = "1" }));

        var hash = ServiceLabels.HashOf(ab);

        Assert.Matches("^[0-9a-f]{56}$", hash);
        Assert.Equal(hash, ServiceLabels.HashOf(ba));
    }

    [Fact]
    public void Labels_are_written_only_when_missing_or_different()
    {
        var service = Svc();
        var labelled = service.Clone(c => c.Metadata.Labels = new Dictionary<string, string>
        {
            [ServiceLabels.Hash] = ServiceLabels.HashOf(service),
            [ServiceLabels.LoadBalancerId] = "lb-1",
        });

        Assert.Equal(new Dictionary<string, string?> { [ServiceLabels.Hash] = ServiceLabels.HashOf(service), [ServiceLabels.LoadBalancerId] = "lb-1" },
            ServiceLabels.ToSet(service, "lb-1"));
        Assert.Null(ServiceLabels.ToSet(labelled, "lb-1"));
        Assert.Equal("lb-2", ServiceLabels.ToSet(labelled, "lb-2")![ServiceLabels.LoadBalancerId]);
    }

    [Fact]
    public void Labels_are_removed_only_when_present_and_then_both()
    {
        var service = Svc();
        var withHash = service.Clone(c => c.Metadata.Labels = new Dictionary<string, string> { [ServiceLabels.Hash] = "x", ["team"] = "a" });

        Assert.Null(ServiceLabels.ToRemove(service));
        var removal = ServiceLabels.ToRemove(withHash)!;
        Assert.Equal(ServiceLabels.Ours.Order(), removal.Keys.Order());
        Assert.All(removal.Values, Assert.Null);
    }
}

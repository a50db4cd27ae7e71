using Ccm.Kube.Cache;
using k8s;
using k8s.Models;

namespace Ccm.Kube.Tests.Cache;

/// <summary>The compact read-only map a cached object's labels, annotations and selector are kept in.</summary>
public class CachedDictionaryTests
{
    private static readonly Dictionary<string, string> Labels = new()
    {
        ["app"] = "web",
        ["tier"] = "frontend",
        ["app.kubernetes.io/managed-by"] = "kubectl",
        ["team"] = "",
    };

    [Fact]
    public void It_answers_every_read_as_the_dictionary_it_was_made_from()
    {
        var map = CachedDictionary.From(Labels, k => k, v => v);

        Assert.IsType<CachedDictionary>(map);
        Assert.Equal(4, map.Count);
        Assert.Equal(Labels.ToList(), map.ToList());
        Assert.Equal(Labels.Keys, map.Keys);
        Assert.Equal(Labels.Values, map.Values);
        Assert.Equal("frontend", map["tier"]);
        Assert.Equal("", map["team"]);
        Assert.True(map.TryGetValue("app.kubernetes.io/managed-by", out var manager));
        Assert.Equal("kubectl", manager);
        Assert.False(map.TryGetValue("App", out _));
        Assert.False(map.ContainsKey("missing"));
        Assert.Contains(new KeyValuePair<string, string>("app", "web"), map);
        Assert.DoesNotContain(new KeyValuePair<string, string>("app", "api"), map);
        var copy = new KeyValuePair<string, string>[5];
        map.CopyTo(copy, 1);
        Assert.Equal(Labels.ToList(), copy[1..]);
        Assert.Throws<KeyNotFoundException>(() => map["missing"]);
        Assert.Equal(Labels, new Dictionary<string, string>(map));
        Assert.Equal(Labels, ((IReadOnlyDictionary<string, string>)map).ToDictionary());
    }

    [Fact]
    public void Writing_to_it_throws_and_says_to_build_a_patch()
    {
        var map = CachedDictionary.From(Labels, k => k, v => v);

        Assert.True(map.IsReadOnly);
        var error = Assert.Throws<NotSupportedException>(() => map["app"] = "api");
        Assert.Contains("build a patch", error.Message, StringComparison.Ordinal);
        Assert.Throws<NotSupportedException>(() => map.Add("x", "y"));
        Assert.Throws<NotSupportedException>(() => map.Remove("app"));
        Assert.Throws<NotSupportedException>(map.Clear);
        Assert.Equal("web", map["app"]);
    }

    [Fact]
    public void Keys_and_values_go_through_the_sharing_functions()
    {
        var map = CachedDictionary.From(Labels, k => "k:" + k, v => "v:" + v);

        Assert.Equal("v:web", map["k:app"]);
        Assert.False(map.ContainsKey("app"));
    }

    [Fact]
    public void A_map_larger_than_a_scan_suits_stays_a_dictionary()
    {
        var large = Enumerable.Range(0, CachedDictionary.MaxEntries + 1).ToDictionary(i => $"key-{i}", i => $"value-{i}");

        var map = CachedDictionary.From(large, k => k, v => v);

        Assert.IsType<Dictionary<string, string>>(map);
        Assert.Equal(large, map);
        Assert.IsType<CachedDictionary>(CachedDictionary.From(large.Take(CachedDictionary.MaxEntries).ToDictionary(), k => k, v => v));
    }

    [Fact]
    public void An_object_holding_one_serializes_as_it_did_with_a_dictionary()
    {
        var meta = new V1ObjectMeta { Name = "web", Labels = new Dictionary<string, string>(Labels) };
        var expected = KubernetesJson.Serialize(meta);

        meta.Labels = CachedDictionary.From(Labels, k => k, v => v);

        Assert.Equal(expected, KubernetesJson.Serialize(meta));
    }

    [Fact]
    public void The_cache_keeps_labels_annotations_and_selectors_in_it()
    {
        var service = CacheTrim.Service(new V1Service
        {
            Metadata = new V1ObjectMeta
            {
                Name = "web",
                Labels = new Dictionary<string, string>(Labels),
                Annotations = new Dictionary<string, string> { ["service.beta.kubernetes.io/alibaba-cloud-loadbalancer-spec"] = "slb.s1.small" },
            },
            Spec = new V1ServiceSpec { Selector = new Dictionary<string, string> { ["app"] = "web" } },
        });

        Assert.IsType<CachedDictionary>(service.Metadata.Labels);
        Assert.IsType<CachedDictionary>(service.Metadata.Annotations);
        Assert.IsType<CachedDictionary>(service.Spec.Selector);
        Assert.Equal(Labels, service.Metadata.Labels);
    }
}

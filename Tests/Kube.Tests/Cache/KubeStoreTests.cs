using Ccm.Kube.Cache;
using Ccm.Kube.Tests.Support;
using k8s.Models;

namespace Ccm.Kube.Tests.Cache;

public class KubeStoreTests
{
    [Fact]
    public void Upsert_reports_added_then_modified_with_old_and_new()
    {
        var store = new KubeStore<V1Service>();
        var changes = new List<ObjectChange<V1Service>>();
        var v1 = Objects.Service("web", "1");
        var v2 = Objects.Service("web", "2");

        store.Upsert(v1, changes);
        store.Upsert(v2, changes);

        Assert.Equal([ChangeType.Added, ChangeType.Modified], changes.Select(c => c.Type));
        Assert.Same(v1, changes[1].Old);
        Assert.Same(v2, changes[1].New);
        Assert.Equal("default/web", changes[1].Key);
    }

    [Theory]
    [InlineData("5", "5")]
    [InlineData("5", "4")]
    [InlineData("10", "9")]
    public void A_replayed_or_older_version_changes_nothing(string cached, string incoming)
    {
        var store = new KubeStore<V1Service>();
        var changes = new List<ObjectChange<V1Service>>();
        store.Upsert(Objects.Service("web", cached), changes);
        changes.Clear();

        store.Upsert(Objects.Service("web", incoming), changes);

        Assert.Empty(changes);
        Assert.Equal(cached, store.Get("default", "web")!.Metadata.ResourceVersion);
    }

    [Fact]
    public void A_new_uid_under_the_same_name_is_a_delete_and_an_add()
    {
        var store = new KubeStore<V1Service>();
        var changes = new List<ObjectChange<V1Service>>();
        store.Upsert(Objects.Service("web", "5", uid: "a"), changes);
        changes.Clear();

        store.Upsert(Objects.Service("web", "3", uid: "b"), changes);

        Assert.Equal([ChangeType.Deleted, ChangeType.Added], changes.Select(c => c.Type));
        Assert.Equal("a", changes[0].Old!.Metadata.Uid);
        Assert.Equal("b", changes[1].New!.Metadata.Uid);
    }

    [Fact]
    public void Replace_emits_the_difference_only()
    {
        var store = new KubeStore<V1Service>();
        var changes = new List<ObjectChange<V1Service>>();
        store.Replace([Objects.Service("same", "1"), Objects.Service("changed", "2"), Objects.Service("gone", "3")], changes);
        changes.Clear();

        store.Replace([Objects.Service("same", "1"), Objects.Service("changed", "7"), Objects.Service("new", "8")], changes);

        Assert.Equal(
            ["Modified default/changed", "Added default/new", "Deleted default/gone"],
            changes.Select(c => $"{c.Type} {c.Key}"));
        Assert.Equal("3", changes[2].Old!.Metadata.ResourceVersion);
        Assert.Equal(3, store.Count);
    }

    [Fact]
    public void A_relist_is_the_truth_even_when_its_versions_are_lower_than_the_cached_ones()
    {
        var store = new KubeStore<V1Service>();
        var changes = new List<ObjectChange<V1Service>>();
        store.Replace([Objects.Service("web", "900")], changes);
        changes.Clear();

        // An API server that lost its state (restored etcd) counts again from a low version.
        store.Replace([Objects.Service("web", "12")], changes);

        Assert.Equal(["Modified default/web"], changes.Select(c => $"{c.Type} {c.Key}"));
        Assert.Equal("12", store.Get("default", "web")!.Metadata.ResourceVersion);
    }

    [Fact]
    public void Secondary_indexes_follow_label_changes_and_deletions()
    {
        var store = new KubeStore<V1EndpointSlice>(new Dictionary<string, Func<V1EndpointSlice, IEnumerable<string>>>
        {
            [KubeIndexes.EndpointSlicesByService] = KubeIndexes.EndpointSliceService,
        });
        var changes = new List<ObjectChange<V1EndpointSlice>>();

        store.Upsert(Objects.Slice("web-a", "web", "1"), changes);
        store.Upsert(Objects.Slice("web-b", "web", "2"), changes);
        store.Upsert(Objects.Slice("web-b", "api", "3"), changes);
        store.Remove(Objects.Slice("web-a", "web", "4"), changes);

        Assert.Empty(store.ByIndex(KubeIndexes.EndpointSlicesByService, "default/web"));
        Assert.Equal(["web-b"], store.ByIndex(KubeIndexes.EndpointSlicesByService, "default/api").Select(s => s.Metadata.Name));
        Assert.Equal(["default/api"], store.IndexValues(KubeIndexes.EndpointSlicesByService));
    }

    [Fact]
    public void Removing_what_is_not_cached_changes_nothing()
    {
        var store = new KubeStore<V1Service>();
        var changes = new List<ObjectChange<V1Service>>();

        store.Remove(Objects.Service("web", "3"), changes);

        Assert.Empty(changes);
    }

    [Fact]
    public void An_unknown_index_name_is_an_error()
    {
        var store = new KubeStore<V1Service>();

        Assert.Throws<ArgumentException>(() => store.ByIndex("nope", "x"));
    }
}

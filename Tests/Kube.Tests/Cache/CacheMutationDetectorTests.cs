using Ccm.Kube.Cache;
using Ccm.Kube.Tests.Support;
using k8s.Models;

namespace Ccm.Kube.Tests.Cache;

/// <summary>
/// KubernetesClient's models are mutable and the cache shares them with every reader: with the detector on, code that
/// changes a cached object in place is caught the next time the cache touches that object.
/// </summary>
public class CacheMutationDetectorTests
{
    private readonly KubeStore<V1Service> store = new(detectMutation: true);
    private readonly List<ObjectChange<V1Service>> changes = [];

    [Fact]
    public void A_cached_object_changed_in_place_fails_the_next_update_of_it()
    {
        store.Upsert(Objects.Service("web", "1"), changes);

        store.Get("default", "web")!.Metadata.Labels = new Dictionary<string, string> { ["sneaky"] = "edit" };

        var ex = Assert.Throws<CachedObjectMutatedException>(() => store.Upsert(Objects.Service("web", "2"), changes));
        Assert.Contains("default/web", ex.Message);
    }

    [Fact]
    public void A_cached_object_changed_in_place_fails_its_deletion_and_a_relist()
    {
        store.Upsert(Objects.Service("web", "1"), changes);
        store.Upsert(Objects.Service("api", "2"), changes);

        store.Get("default", "web")!.Spec = new V1ServiceSpec { Type = "LoadBalancer" };
        store.Get("default", "api")!.Metadata.Annotations = new Dictionary<string, string> { ["x"] = "y" };

        Assert.Throws<CachedObjectMutatedException>(() => store.Remove(Objects.Service("web", "3"), changes));
        Assert.Throws<CachedObjectMutatedException>(() => store.Replace([Objects.Service("web", "1")], changes));
    }

    [Fact]
    public void VerifyUnchanged_finds_a_change_nobody_has_touched_since()
    {
        store.Upsert(Objects.Service("web", "1"), changes);
        store.VerifyUnchanged();

        store.Get("default", "web")!.Metadata.ResourceVersion = "7";

        Assert.Throws<CachedObjectMutatedException>(store.VerifyUnchanged);
    }

    [Fact]
    public void Readers_that_only_read_and_a_newer_version_replacing_the_old_are_fine()
    {
        store.Upsert(Objects.Service("web", "1"), changes);
        _ = store.Get("default", "web")!.Metadata.Name;

        store.Upsert(Objects.Service("web", "2"), changes);
        store.Remove(Objects.Service("web", "3"), changes);

        Assert.Equal([ChangeType.Added, ChangeType.Modified, ChangeType.Deleted], changes.Select(c => c.Type));
    }

    [Fact]
    public void Without_the_detector_a_change_in_place_goes_unnoticed()
    {
        var plain = new KubeStore<V1Service>(detectMutation: false);
        plain.Upsert(Objects.Service("web", "1"), changes);

        plain.Get("default", "web")!.Metadata.Labels = new Dictionary<string, string> { ["sneaky"] = "edit" };

        plain.Upsert(Objects.Service("web", "2"), changes);
        plain.VerifyUnchanged();
    }
}

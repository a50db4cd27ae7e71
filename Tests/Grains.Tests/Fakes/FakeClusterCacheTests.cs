using Ccm.Grains.Tests.Support;
using Ccm.Kube.Cache;
using static Ccm.Grains.Tests.Services.ServiceBuilders;

namespace Ccm.Grains.Tests.Fakes;

/// <summary>
/// The fake cache catches what the informer's mutation detector catches: code that changes a shared, cached object in
/// place instead of building a patch or a copy. Every grain test relies on it, so it is tested on its own.
/// </summary>
public sealed class FakeClusterCacheTests
{
    [Fact]
    public void A_cached_object_changed_in_place_fails_the_check_and_names_the_object()
    {
        var cache = new FakeClusterCache().With(DemoNode(0));

        cache.ListNodes()[0].Spec.Unschedulable = true; // a planner that cordons the cached Node instead of patching it

        var failure = Assert.Throws<CachedObjectMutatedException>(cache.VerifyUnchanged);
        Assert.Contains($"nodes {DemoNode(0).Metadata.Name}", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_change_deep_inside_a_cached_object_is_caught_too()
    {
        var cache = new FakeClusterCache().With(Slice("web", [("10.0.0.1", "demo-node-1")]));

        cache.GetEndpointSlices("default", "web")[0].Endpoints[0].Conditions.Ready = false;

        Assert.Throws<CachedObjectMutatedException>(cache.VerifyUnchanged);
    }

    [Fact]
    public void Replacing_an_object_that_was_changed_in_place_fails_as_the_informer_does()
    {
        var cache = new FakeClusterCache().With(Svc());
        cache.GetService("default", "web")!.Spec.Type = "ClusterIP";

        Assert.Throws<CachedObjectMutatedException>(() => cache.With(Svc()));
    }

    [Fact]
    public void Removing_an_object_that_was_changed_in_place_fails_too()
    {
        var cache = new FakeClusterCache().With(DemoNode(0));
        cache.GetNode(DemoNode(0).Metadata.Name)!.Metadata.Labels["team"] = "a";

        Assert.Throws<CachedObjectMutatedException>(() => cache.WithoutNode(DemoNode(0).Metadata.Name));
    }

    [Fact]
    public void A_changed_copy_put_back_is_not_a_mutation()
    {
        var cache = new FakeClusterCache().With(Svc());

        cache.With(cache.GetService("default", "web")!.Clone(s => s.Spec.Type = "ClusterIP"));

        cache.VerifyUnchanged();
        Assert.Equal("ClusterIP", cache.GetService("default", "web")!.Spec.Type);
    }
}

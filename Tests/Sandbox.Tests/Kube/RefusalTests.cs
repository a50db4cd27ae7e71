using Ccm.Sandbox.Kube;
using Ccm.Sandbox.Tests.Kube.Support;

namespace Ccm.Sandbox.Tests.Kube;

/// <summary><see cref="KubeFaults.Refuse"/>: chosen requests answered with a Status, as often as asked; the rest served.</summary>
public sealed class RefusalTests(KubeEmulatorFixture fixture) : IClassFixture<KubeEmulatorFixture>
{
    [Fact]
    public async Task A_refusal_answers_the_matching_requests_as_often_as_asked_then_they_are_served()
    {
        var ns = fixture.NewNamespace();
        await fixture.Http.PostAsync(Manifests.Path(ns, "configmaps"), Manifests.ConfigMap("a", ns));
        fixture.Emulator.Faults.Refuse((method, path) => method == "GET" && path.EndsWith($"/namespaces/{ns}/configmaps/a", StringComparison.Ordinal), 2,
            new KubeApiException(403, "Forbidden", "configmaps \"a\" is forbidden"));

        var first = await fixture.Http.GetAsync(Manifests.Path(ns, "configmaps", "a"));
        var other = await fixture.Http.GetAsync(Manifests.Path(ns, "configmaps"));
        var second = await fixture.Http.GetAsync(Manifests.Path(ns, "configmaps", "a"));
        var third = await fixture.Http.GetAsync(Manifests.Path(ns, "configmaps", "a"));

        Assert.Equal((403, "Status", "Forbidden"), (first.Status, (string?)first.Object["kind"], (string?)first.Object["reason"]));
        Assert.Equal(200, other.Status); // not matched: served
        Assert.Equal(403, second.Status);
        Assert.Equal((200, "a"), (third.Status, (string?)third.Object["metadata"]!["name"]));
    }
}

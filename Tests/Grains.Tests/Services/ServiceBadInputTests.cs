using Ccm.Grains.Reconcile;
using Ccm.Grains.Services;
using static Ccm.Grains.Tests.Services.ServiceBuilders;

namespace Ccm.Grains.Tests.Services;

/// <summary>Every entry of <see cref="ServiceBadInputCatalogue"/>, as a turn of the Service grain against both emulators.</summary>
public sealed class ServiceBadInputTests(ServiceWorld world) : IClassFixture<ServiceWorld>
{
    [Theory]
    [MemberData(nameof(ServiceBadInputCatalogue.Names), MemberType = typeof(ServiceBadInputCatalogue))]
    public async Task Is_refused_with_a_Warning_Event_naming_it_before_any_write_while_another_Service_converges(string name)
    {
        var input = ServiceBadInputCatalogue.Named(name);
        var h = world.NewHarness(input.Options);
        var key = "bad-" + Array.IndexOf(ServiceBadInputCatalogue.All, input);
        var arranged = input.Arrange is null ? [] : await input.Arrange(world);
        await h.CreateAsync(Svc(key, tweaks: [.. input.Tweaks, .. arranged]));
        var before = world.Cloud.Calls.Entries.Count;

        await Assert.ThrowsAsync<TerminalException>(() => h.TurnAsync(key));

        var writes = world.Cloud.Calls.Entries.Skip(before).Where(c => !c.Action.StartsWith("Describe", StringComparison.Ordinal)).Select(c => c.Action);
        Assert.Empty(writes);
        Assert.All(h.Events.Warnings, w => Assert.Equal(("Service", key, ServiceEvents.Failed), (w.Regarding.Kind, w.Regarding.Name, w.Reason)));
        var said = string.Join("\n", h.Events.Warnings.Select(w => w.Message));
        Assert.All(input.Expected, text => Assert.Contains(text, said, StringComparison.Ordinal));
        Assert.Null((await h.RefreshAsync(key))!.Metadata.Finalizers);

        var neighbour = await h.CreateAsync(Svc(key + "-neighbour", tweaks: Annotate("address-type", "intranet")));
        await h.TurnAsync(key + "-neighbour");
        Assert.NotNull(h.LoadBalancerOf(neighbour));
    }

    [Fact]
    public void The_catalogue_covers_every_annotation_and_sixty_inputs()
    {
        var named = ServiceBadInputCatalogue.All.SelectMany(c => c.Expected).ToList();
        var unnamed = AnnotationCatalog.All.Where(spec => !named.Any(text => text.StartsWith(spec.Name + " ", StringComparison.Ordinal))).Select(s => s.Name).ToList();

        Assert.True(unnamed.Count <= 1, "annotations without a refused value: " + string.Join(", ", unnamed)); // preserve-lb-on-delete takes any value
        Assert.True(ServiceBadInputCatalogue.All.Length >= 60, $"{ServiceBadInputCatalogue.All.Length} cases");
        Assert.Equal(ServiceBadInputCatalogue.All.Length, ServiceBadInputCatalogue.All.Select(c => c.Name).Distinct().Count());
    }
}

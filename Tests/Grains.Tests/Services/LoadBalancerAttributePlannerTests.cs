using Ccm.CloudClients;
using Ccm.Grains.Services;
using k8s.Models;
using static Ccm.Grains.Tests.Services.CloudStates;
using static Ccm.Grains.Tests.Services.ServiceBuilders;

namespace Ccm.Grains.Tests.Services;

/// <summary>
/// Changes to our own load balancer after it exists: the instance charge type (only when annotated, one direction),
/// the network type fixed at creation, and <c>additional-resource-tags</c>, whose removed tags go only if we added them.
/// </summary>
public class LoadBalancerAttributePlannerTests
{
    private const string Recorded = ServiceRecords.AddedTagsAnnotation;

    private static ServicePlan PlanFor(V1Service service, ActualLoadBalancer actual) => ServicePlanner.Plan(Desired(service), actual, new PlanOptions());

    private static ActualLoadBalancer Applied(Func<CloudClients.Slb.LoadBalancer, CloudClients.Slb.LoadBalancer> tweak) =>
        CloudStates.Applied() with { LoadBalancer = tweak(CloudStates.Applied().LoadBalancer) };

    private static ActualLoadBalancer WithTags(params Tag[] extra) =>
        Applied(l => l with { Tags = [.. l.Tags, .. extra] });

    [Theory]
    [InlineData("PayBySpec", "PayByCLCU", "ModifyLoadBalancerInstanceChargeType")]
    [InlineData("PayBySpec", null, null)]
    [InlineData("PayByCLCU", "PayByCLCU", null)]
    public void The_instance_charge_type_changes_only_when_annotated(string have, string? annotated, string? action)
    {
        var service = annotated is null ? Svc() : Svc(tweaks: Annotate("instance-charge-type", annotated));

        var plan = PlanFor(service, Applied(l => l with { InstanceChargeType = have, LoadBalancerSpec = have == "PayBySpec" ? "slb.s1.small" : null }));

        Assert.Empty(plan.Conflicts);
        Assert.Equal(action is null ? [] : [$"{action} {LbId}: PayByCLCU"], Render(plan.Operations));
    }

    [Fact]
    public void PayBySpec_on_a_PayByCLCU_load_balancer_is_refused() =>
        Assert.Contains(PlanFor(Svc(tweaks: Annotate("instance-charge-type", "PayBySpec")), CloudStates.Applied()).Conflicts,
            c => c.Annotation == ServicePredicates.AnnotationPrefix + "instance-charge-type");

    [Theory]
    [InlineData("intranet", "vpc", "classic", false)]
    [InlineData("intranet", "classic", "classic", true)]
    [InlineData("internet", "vpc", "classic", true)]
    public void The_network_type_of_an_intranet_load_balancer_is_fixed(string addressType, string annotated, string have, bool accepted)
    {
        var service = Svc(tweaks: [Annotate("network-type", annotated), Annotate("address-type", addressType)]);

        var plan = PlanFor(service, Applied(l => l with { AddressType = addressType, NetworkType = have }));

        Assert.Equal(accepted, plan.Conflicts.IsEmpty);
    }

    /// <summary>what we recorded adding, what is annotated now, the extra tag the load balancer carries, what the plan does.</summary>
    public static TheoryData<string, string, string, string> TagCases => new()
    {
        { "team=web", "", "team=web", $"RemoveTags {LbId}: team" },
        { "", "", "team=web", "" },
        { "team=web", "", "team=blue", "" },
        { "team=web", "team=web", "team=web", "" },
        { "team=web", "team=app", "team=web", $"AddTags {LbId}: team=app" },
        { "team=web,env=prod", "env=prod", "team=web", $"RemoveTags {LbId}: team" },
    };

    [Theory]
    [MemberData(nameof(TagCases))]
    public void A_tag_that_left_the_annotation_is_removed_only_if_we_added_it_and_it_is_unchanged(string recorded, string annotated, string carried, string expected)
    {
        var tweaks = new List<Func<V1Service, V1Service>>();
        if (recorded.Length > 0)
        {
            tweaks.Add(Annotate(Recorded, recorded));
        }

        if (annotated.Length > 0)
        {
            tweaks.Add(Annotate("additional-resource-tags", annotated));
        }

        var (key, value) = (carried.Split('=')[0], carried.Split('=')[1]);
        var plan = PlanFor(Svc(tweaks: [.. tweaks]), WithTags(new Tag(key, value), new Tag("env", "prod")));

        Assert.Equal(expected.Length == 0 ? [] : [expected], Render(plan.Operations));
    }

    [Theory]
    [InlineData("", false, "team=web")]
    [InlineData("", true, "")]
    [InlineData("team=web", true, "team=web")]
    public void We_record_the_tags_we_add_and_not_a_users_tag_that_was_already_there(string recorded, bool carried, string expected)
    {
        var service = recorded.Length > 0
            ? Svc(tweaks: [Annotate("additional-resource-tags", "team=web"), Annotate(Recorded, recorded)])
            : Svc(tweaks: Annotate("additional-resource-tags", "team=web"));

        var plan = PlanFor(service, carried ? WithTags(new Tag("team", "web")) : CloudStates.Applied());

        Assert.Equal(expected, string.Join(",", plan.AddedTags.Select(t => $"{t.Key}={t.Value}")));
    }

    [Fact]
    public void A_new_load_balancer_records_every_annotated_tag() =>
        Assert.Equal(["team=web", "env="],
            ServicePlanner.Plan(Desired(Svc(tweaks: Annotate("additional-resource-tags", "team=web,env"))), null, new PlanOptions()).AddedTags.Select(t => $"{t.Key}={t.Value}"));

    [Fact]
    public void Records_are_written_as_a_change_of_our_two_annotations_only()
    {
        var before = ServiceRecords.Of(Svc(tweaks: [Annotate(Recorded, "team=web"), Annotate(ServiceRecords.EipAnnotation, "true")]));

        Assert.Empty(before.ChangesFrom(before));
        Assert.Equal(new Dictionary<string, string?> { [Recorded] = null, [ServiceRecords.EipAnnotation] = null }, ServiceRecords.None.ChangesFrom(before));
        Assert.Equal("team=web,env=", new ServiceRecords([new Tag("team", "web"), new Tag("env", "")], false).ChangesFrom(ServiceRecords.None)[Recorded]);
    }
}

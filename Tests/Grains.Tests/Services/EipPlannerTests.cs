using Ccm.CloudClients;
using Ccm.CloudClients.Vpc;
using Ccm.Grains.Services;
using static Ccm.Grains.Tests.Services.CloudStates;
using static Ccm.Grains.Tests.Services.ServiceBuilders;

namespace Ccm.Grains.Tests.Services;

/// <summary>
/// <c>external-ip-type: eip</c>: an EIP is bound to the intranet load balancer (one of ours reused before another is
/// allocated), shown in the status, and released when no longer wanted; an EIP without our tags is never touched.
/// </summary>
public class EipPlannerTests
{
    private const string Token = "ccm-eip-token";
    private const string Turn = "t1";

    private static readonly DesiredService Wanting = Desired(Svc(tweaks: [Annotate("address-type", "intranet"), Annotate("external-ip-type", "eip")]));

    private static EipAddress Eip(string id, string status, string? boundTo = null, bool ours = true) => new()
    {
        AllocationId = id, IpAddress = "198.51.100." + id[^1], Status = status, InstanceId = boundTo, InstanceType = boundTo is null ? null : "SlbInstance",
        Tags = ours ? [.. EipState.OwnershipTags(Wanting.Identity)] : [new Tag("owner", "ops")],
    };

    private static IReadOnlyList<string> Render(EipPlan plan) => ServiceBuilders.Render(plan.Operations);

    [Fact]
    public void A_new_load_balancer_gets_a_new_EIP_tagged_as_ours_and_bound_to_it()
    {
        var plan = EipPlanner.Ensure(Wanting, wanted: true, null, EipState.NotRead, Token, Turn);

        Assert.Equal([$"AllocateEipAddress {DefaultName}: kubernetes.do.not.delete={DefaultName} ack.aliyun.com=c-sandbox",
            "AssociateEipAddress (new EIP) -> (new load balancer)"], Render(plan));
        Assert.True(plan.MayOwn);
        Assert.Equal(Token, Assert.IsType<AllocateEipOperation>(plan.Operations[0]).ClientToken);
    }

    [Fact]
    public void An_EIP_bound_already_is_shown_and_nothing_is_allocated()
    {
        var users = Eip("eip-1", "InUse", LbId, ours: false);

        var plan = EipPlanner.Ensure(Wanting, wanted: true, LbId, new EipState([users], null), Token, Turn);

        Assert.Empty(plan.Operations);
        Assert.Equal<string>(["198.51.100.1"], plan.Addresses);
        Assert.False(plan.MayOwn);
    }

    [Fact]
    public void An_available_EIP_of_ours_is_bound_before_another_is_allocated()
    {
        var plan = EipPlanner.Ensure(Wanting, wanted: true, LbId, new EipState([], [Eip("eip-2", "Available")]), Token, Turn);

        Assert.Equal([$"AssociateEipAddress eip-2 -> {LbId}"], Render(plan));
        Assert.Equal<string>(["198.51.100.2"], plan.Addresses);
    }

    [Fact]
    public void An_EIP_of_ours_still_being_unbound_is_waited_for()
    {
        var plan = EipPlanner.Ensure(Wanting, wanted: true, LbId, new EipState([], [Eip("eip-3", "Unassociating", LbId)]), Token, Turn);

        Assert.Empty(plan.Operations);
        Assert.True(plan.Settling);
    }

    /// <summary>the EIP's status, where it is bound (lb = ours), whether it carries our tags, what releasing does.</summary>
    public static TheoryData<string, string?, bool, string> Releases => new()
    {
        { "InUse", "lb", true, $"UnassociateEipAddress eip-4 -> {LbId}" },
        { "Available", null, true, "ReleaseEipAddress eip-4: 198.51.100.4" },
        { "InUse", "i-someone-else", true, "" },
        { "Available", null, false, "" },
        { "InUse", "lb", false, "" },
        { "Releasing", null, true, "" },
    };

    [Theory]
    [MemberData(nameof(Releases))]
    public void Only_our_EIPs_are_let_go_unbound_from_our_load_balancer_first(string status, string? boundTo, bool ours, string expected)
    {
        var eip = Eip("eip-4", status, boundTo == "lb" ? LbId : boundTo, ours);

        var plan = EipPlanner.Release(Wanting.Identity, LbId, deleted: false, new EipState([], [eip]), Turn);

        Assert.Equal(expected.Length == 0 ? [] : [expected], Render(plan));
        Assert.Equal(expected.StartsWith("Unassociate", StringComparison.Ordinal) || (ours && status == "Releasing"), plan.Settling);
    }

    [Fact]
    public void Ours_on_a_load_balancer_deleted_in_the_same_plan_is_released_directly()
    {
        var plan = EipPlanner.Release(Wanting.Identity, LbId, deleted: true, new EipState([], [Eip("eip-5", "InUse", LbId)]), Turn);

        Assert.Equal(["ReleaseEipAddress eip-5: 198.51.100.5"], Render(plan));
        Assert.False(plan.MayOwn);
    }

    [Fact]
    public void Not_wanting_an_EIP_and_owning_none_plans_nothing_and_keeps_no_record()
    {
        var plan = EipPlanner.Ensure(Desired(Svc()), wanted: false, LbId, EipState.NotRead, Token, Turn);

        Assert.Equal((0, false, false), (plan.Operations.Length, plan.Settling, plan.MayOwn));
    }
}

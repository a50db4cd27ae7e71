using Ccm.CloudClients.Transport;
using Ccm.Grains.Services;
using Ccm.Sandbox.Aliyun.Faults;
using static Ccm.Grains.Tests.Services.ServiceBuilders;

namespace Ccm.Grains.Tests.Services;

/// <summary>
/// The bad-input catalogue's cloud side (issue 18): an OpenAPI answer that cannot be read - cut short, a field of another
/// JSON type, an HTML page in place of JSON - for one call of one action. The Service's turn fails with a Warning Event
/// naming the action and saying the answer was malformed, nothing is written on the strength of it, another Service
/// converges meanwhile, and the Service converges on its next turn once the answers are good.
/// </summary>
public sealed class MalformedAnswerTests(ServiceWorld world) : IClassFixture<ServiceWorld>
{
    public static TheoryData<string, MalformedAnswer, string> Cases => new()
    {
        { "DescribeLoadBalancers", MalformedAnswer.Truncated, "the body is not well-formed JSON" },
        { "DescribeLoadBalancers", MalformedAnswer.WrongType, "has another JSON type than the model expects" },
        { "DescribeLoadBalancers", MalformedAnswer.Html, "the body is not JSON but markup" },
        // A write whose answer is garbled was applied: the next turn finds that CLB by its tags instead of making another.
        { "CreateLoadBalancer", MalformedAnswer.Truncated, "the body is not well-formed JSON" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task One_garbled_answer_fails_the_turn_with_an_Event_naming_the_action_and_the_Service_converges_after(string action, MalformedAnswer kind, string why)
    {
        var h = world.NewHarness();
        var key = $"garbled-{action.ToLowerInvariant()}-{kind.ToString().ToLowerInvariant()}";
        var service = await h.CreateAsync(Svc(key));
        var neighbour = await h.CreateAsync(Svc(key + "-neighbour"));
        world.Cloud.Faults.GarbleAnswers(action, kind, 1);
        var before = world.Cloud.Calls.Entries.Count;

        var failed = await Assert.ThrowsAnyAsync<Exception>(() => h.TurnAsync(key));

        // A read fails the turn as it is; a write's failure comes wrapped with the operation it was part of.
        var error = Assert.IsType<OpenApiException>(failed as OpenApiException ?? failed.InnerException);
        Assert.Equal((action, OpenApiErrorCodes.ClientInvalidResponse), (error.Action, error.Code));
        var warning = Assert.Single(h.Events.Warnings);
        Assert.Equal(("Service", key), (warning.Regarding.Kind, warning.Regarding.Name));
        Assert.Contains($"{action} ", warning.Message, StringComparison.Ordinal);
        Assert.Contains("failed: Client.InvalidResponse: malformed answer: ", warning.Message, StringComparison.Ordinal);
        Assert.Contains(why, warning.Message, StringComparison.Ordinal);
        var calls = world.Cloud.Calls.Entries.Skip(before).ToList();
        var garbled = Assert.Single(calls, c => c.Fault == "malformed");
        Assert.Equal(action, garbled.Action);
        Assert.DoesNotContain(calls.SkipWhile(c => c != garbled).Skip(1), c => !c.Action.StartsWith("Describe", StringComparison.Ordinal)); // no write after it

        await h.TurnAsync(key + "-neighbour");
        Assert.NotNull(h.LoadBalancerOf(neighbour));

        await h.TurnAsync(key);
        Assert.NotNull(h.LoadBalancerOf(service)); // one CLB: LoadBalancerOf is a SingleOrDefault by the Service's tag
        Assert.NotNull((await h.RefreshAsync(key))!.Status?.LoadBalancer?.Ingress);
        Assert.Equal(0, world.Cloud.Faults.Current.PendingGarbles.Values.Sum(g => g.Count));
    }
}

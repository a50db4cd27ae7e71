using Ccm.Sandbox.Kube.Controllers;

namespace Ccm.Sandbox.Tests.Kube.Controllers;

public sealed class ReplicaPlannerTests
{
    // Pods as "name[@hash][!unscheduled][?unready]"; the current template hash is "h".
    public static TheoryData<string, int, string[], int, string[]> Cases => new()
    {
        { "creates the missing replicas", 3, ["a"], 2, [] },
        { "nothing to do at the replica count", 2, ["a", "b"], 0, [] },
        { "scales down the newest names first", 1, ["a", "c", "b"], 0, ["c", "b"] },
        { "scales down unscheduled, then unready, first", 2, ["a", "z!", "y?", "b"], 0, ["z", "y"] },
        { "replaces pods of an older template", 2, ["a@old", "b"], 1, ["a"] },
        { "scales to zero", 0, ["a", "b"], 0, ["b", "a"] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Plans(string because, int replicas, string[] pods, int create, string[] delete)
    {
        var plan = ReplicaPlanner.Plan(replicas, "h", [.. pods.Select(Pod)]);

        Assert.True(create == plan.Create, $"{because}: create {plan.Create}");
        Assert.True(delete.SequenceEqual(plan.Delete), $"{because}: delete {string.Join(",", plan.Delete)}");
    }

    private static ReplicaPod Pod(string spec)
    {
        var name = spec.TrimEnd('!', '?').Split('@')[0];
        var hash = spec.Contains('@') ? spec.Split('@')[1].TrimEnd('!', '?') : "h";
        return new ReplicaPod(name, hash, Scheduled: !spec.Contains('!'), Ready: !spec.Contains('?'));
    }
}

public sealed class PodIpAllocatorTests
{
    [Theory]
    [InlineData("172.20.0.0/24", new string[0], "172.20.0.2")]
    [InlineData("172.20.0.0/24", new[] { "172.20.0.2", "172.20.0.3" }, "172.20.0.4")]
    [InlineData("172.20.1.0/24", new[] { "172.20.1.3" }, "172.20.1.2")]
    [InlineData("10.0.0.0/30", new[] { "10.0.0.2" }, null)]
    [InlineData("not-a-cidr", new string[0], null)]
    public void Picks_the_lowest_free_host_address_above_the_bridge(string cidr, string[] used, string? expected) =>
        Assert.Equal(expected, PodIpAllocator.Next(cidr, used.ToHashSet()));
}

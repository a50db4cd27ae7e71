using Ccm.CloudClients.Transport.Budget;

namespace Ccm.CloudClients.Tests.Budget;

/// <summary>The one-line form of the budget that flags and cloud-config carry.</summary>
public class CloudRateLimitTextTests
{
    [Theory]
    [InlineData("SLB=10:20", "SLB=10:20")]
    [InlineData("slb=10:20", "SLB=10:20")]
    [InlineData(" SLB = 2.5 : 3 , VPC=8 ", "SLB=2.5:3,VPC=8:8")]
    [InlineData("SLB.DescribeLoadBalancers=5:10", "SLB.DescribeLoadBalancers=5:10")]
    [InlineData("SLB.CreateVServerGroup=90/60:6", "SLB.CreateVServerGroup=1.5:6")]
    [InlineData("VPC.CreateRouteEntry=300/60s", "VPC.CreateRouteEntry=5:5")]
    [InlineData("ECS=0", "ECS=0")]
    [InlineData("ECS=0.2", "ECS=0.2:1")]
    [InlineData("", "")]
    [InlineData("  ", "")]
    public void Entries_parse_to_rate_and_burst(string text, string parsed) =>
        Assert.Equal(parsed, CloudRateLimitText.Format(CloudRateLimitText.Parse(text)));

    [Theory]
    [InlineData("SLB=10:20,,VPC=5", "entry 2 is empty")]
    [InlineData("SLB10", "'SLB10' has no '='")]
    [InlineData("SBL=10", "unknown product 'SBL'; use SLB, VPC, ECS")]
    [InlineData("SLB.Describe-All=10", "'Describe-All' is not an API action name")]
    [InlineData("SLB.=10", "'' is not an API action name")]
    [InlineData("SLB=fast", "the rate 'fast' is not a number of permits per second")]
    [InlineData("SLB=90/0", "the rate '90/0' is not a number")]
    [InlineData("SLB=-1", "the rate '-1' is negative; write 0 for unlimited")]
    [InlineData("SLB=10:0", "the burst '0' is not a whole number of at least 1")]
    [InlineData("SLB=10:2.5", "the burst '2.5' is not a whole number")]
    [InlineData("SLB=10,slb=5", "'SLB' appears twice (entries 1 and 2)")]
    public void A_bad_entry_is_named_with_the_fix(string text, string message)
    {
        var error = Assert.Throws<FormatException>(() => CloudRateLimitText.Parse(text));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.EndsWith($"(syntax: {CloudRateLimitText.Example})", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Applied_text_replaces_entries_of_the_same_name_and_keeps_the_others()
    {
        var options = new CloudClientOptions();

        options.ApplyRateLimits("slb=5:5,SLB.DescribeLoadBalancers=2:4");
        options.ApplyRateLimits("SLB.DescribeLoadBalancers=3");

        Assert.Equal("ECS=20:40,SLB=5:5,SLB.CreateVServerGroup=1.4:6,SLB.DescribeLoadBalancers=3:3,VPC=10:20", CloudRateLimitText.Format(options.RateLimits));
    }

    [Fact]
    public void The_documented_example_parses()
    {
        Assert.Equal(4, CloudRateLimitText.Parse(CloudRateLimitText.Example).Count);
    }
}

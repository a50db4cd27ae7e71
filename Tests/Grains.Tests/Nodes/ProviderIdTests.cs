using Ccm.Grains.Nodes;

namespace Ccm.Grains.Tests.Nodes;

public sealed class ProviderIdTests
{
    [Theory]
    [InlineData("cn-hangzhou.i-bp1abc", "cn-hangzhou", "i-bp1abc")]
    [InlineData("alicloud://cn-hangzhou.i-bp1abc", "cn-hangzhou", "i-bp1abc")]
    [InlineData("ap-southeast-1.i-t4n0abc", "ap-southeast-1", "i-t4n0abc")]
    [InlineData("cn-shanghai.AY1234567890", "cn-shanghai", "AY1234567890")]
    public void Region_and_instance_are_split_at_the_dot(string value, string region, string instance)
    {
        Assert.True(ProviderId.TryParse(value, out var id));
        Assert.Equal(new ProviderId(region, instance), id);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("i-bp1abc")]
    [InlineData("cn-hangzhou.")]
    [InlineData(".i-bp1abc")]
    [InlineData("cn-hangzhou.i-a.b")]
    [InlineData("CN-Hangzhou.i-bp1abc")]
    [InlineData("alicloud://")]
    [InlineData("aws:///us-east-1a/i-0abc")]
    [InlineData("cn-hangzhou.i-bp1 abc")]
    public void Anything_else_is_malformed(string? value) => Assert.False(ProviderId.TryParse(value, out _));

    [Fact]
    public void The_written_form_has_no_prefix() => Assert.Equal("cn-hangzhou.i-bp1abc", new ProviderId("cn-hangzhou", "i-bp1abc").ToString());

    [Theory]
    [InlineData("ack-hybrid://cn-hangzhou.m-1", true)]
    [InlineData("cn-hangzhou.i-1", false)]
    [InlineData(null, false)]
    public void Hybrid_nodes_are_recognised_by_their_prefix(string? value, bool hybrid) => Assert.Equal(hybrid, ProviderId.IsHybrid(value));
}

using Ccm.CloudClients.Slb;
using Ccm.CloudClients.Transport;

namespace Ccm.CloudClients.Tests.Transport;

public class RpcParametersTests
{
    private static Dictionary<string, string> Dict(RpcParameters p) => p.ToDictionary(kv => kv.Key, kv => kv.Value);

    [Fact]
    public void Repeated_lists_are_one_based()
    {
        var p = new RpcParameters().AddRepeated("LoadBalancerId", ["lb-a", "lb-b"]);

        Assert.Equal(new Dictionary<string, string> { ["LoadBalancerId.1"] = "lb-a", ["LoadBalancerId.2"] = "lb-b" }, Dict(p));
    }

    [Fact]
    public void Tags_flatten_to_Tag_N_Key_and_Value()
    {
        var p = new RpcParameters().AddTags([new Tag("kubernetes.do.not.delete", "a123"), new Tag("ack.aliyun.com", "c1")]);

        Assert.Equal("kubernetes.do.not.delete", Dict(p)["Tag.1.Key"]);
        Assert.Equal("a123", Dict(p)["Tag.1.Value"]);
        Assert.Equal("ack.aliyun.com", Dict(p)["Tag.2.Key"]);
        Assert.Equal("c1", Dict(p)["Tag.2.Value"]);
    }

    [Fact]
    public void Null_values_are_not_sent_but_empty_strings_are()
    {
        var p = new RpcParameters().Add("A", (string?)null).Add("B", "").Add("C", (int?)null).Add("D", (bool?)null);

        Assert.Equal(new Dictionary<string, string> { ["B"] = "" }, Dict(p));
    }

    [Fact]
    public void Scalars_use_invariant_culture_and_lowercase_booleans()
    {
        var p = new RpcParameters().Add("Bandwidth", -1).Add("OrderId", 1234567890123L).Add("DryRun", true).Add("All", false);

        Assert.Equal("-1", Dict(p)["Bandwidth"]);
        Assert.Equal("1234567890123", Dict(p)["OrderId"]);
        Assert.Equal("true", Dict(p)["DryRun"]);
        Assert.Equal("false", Dict(p)["All"]);
    }

    [Fact]
    public void A_parameter_added_twice_is_a_bug_and_throws()
    {
        var p = new RpcParameters().Add("A", "1");

        Assert.Throws<ArgumentException>(() => p.Add("A", "2"));
    }

    [Fact]
    public void BackendServers_json_uses_the_documented_form()
    {
        var json = JsonParameters.BackendServers(
        [
            new BackendServer { ServerId = "i-a", Port = 30080, Weight = 100, Type = "ecs", Description = "k8s/80/svc/ns/c1" },
            new BackendServer { ServerId = "eni-b", ServerIp = "10.0.0.5", Port = 8080, Type = "eni" },
        ]);

        Assert.Equal(
            """[{"ServerId":"i-a","Port":"30080","Weight":"100","Type":"ecs","Description":"k8s/80/svc/ns/c1"},{"ServerId":"eni-b","ServerIp":"10.0.0.5","Port":"8080","Type":"eni"}]""",
            json);
    }

    [Fact]
    public void Tags_json_and_string_arrays_are_exact()
    {
        Assert.Equal("""[{"TagKey":"k","TagValue":"v"}]""", JsonParameters.Tags([new Tag("k", "v")]));
        Assert.Equal("""["i-a","i-b"]""", JsonParameters.StringArray(["i-a", "i-b"]));
        Assert.Null(JsonParameters.StringArray(null));
    }
}

using Ccm.Silo.CloudConfiguration;
using Ccm.Silo.Tests.Support;

namespace Ccm.Silo.Tests.CloudConfiguration;

public sealed class CloudConfigReaderTests
{
    /// <summary>The same settings written in each shape people copy or write: every one must read the same.</summary>
    public static TheoryData<string, string> Shapes => new()
    {
        { "strict JSON", """{"Global": {"region": "cn-hangzhou", "vpcid": "vpc-bp1demo", "routeTableIDs": "vtb-bp1one"}}""" },
        { "unquoted keys as documented", "{\n    Global: {\n        region: \"cn-hangzhou\",\n        vpcid: \"vpc-bp1demo\",\n        routeTableIDs: \"vtb-bp1one\"\n    }\n}" },
        { "trailing commas", "{\n  \"Global\": {\n    \"region\": \"cn-hangzhou\",\n    \"vpcid\": \"vpc-bp1demo\",\n    \"routeTableIDs\": \"vtb-bp1one\",\n  },\n}" },
        { "tabs", "{\n\t\"Global\": {\n\t\t\"region\": \"cn-hangzhou\",\n\t\t\"vpcid\": \"vpc-bp1demo\",\n\t\t\"routeTableIDs\": \"vtb-bp1one\"\n\t}\n}" },
        { "comments", "# cluster settings\n{\"Global\": {\n  \"region\": \"cn-hangzhou\", # Hangzhou\n  \"vpcid\": \"vpc-bp1demo\",\n  \"routeTableIDs\": \"vtb-bp1one\"}}" },
        { "block YAML", "Global:\n  region: cn-hangzhou\n  vpcid: vpc-bp1demo\n  routeTableIDs: vtb-bp1one\n" },
        { "other key cases", """{"global": {"REGION": "cn-hangzhou", "VpcId": "vpc-bp1demo", "routetableids": "vtb-bp1one"}}""" },
        { "unknown keys beside", """{"Global": {"region": "cn-hangzhou", "vpcid": "vpc-bp1demo", "routeTableIDs": "vtb-bp1one", "nodeMonitorPeriod": 60, "someday": "x"}, "Other": {"a": 1}}""" },
        { "single quotes", "{'Global': {'region': 'cn-hangzhou', 'vpcid': 'vpc-bp1demo', 'routeTableIDs': 'vtb-bp1one'}}" },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Reads_every_shape_upstream_reads(string shape, string text)
    {
        var config = CloudConfigReader.Parse(text, shape).Config;
        Assert.Equal("cn-hangzhou", config.Region);
        Assert.Equal("vpc-bp1demo", config.VpcId);
        Assert.Equal(["vtb-bp1one"], config.RouteTableIds.AsEnumerable());
    }

    [Fact]
    public void Reads_the_documented_file_with_the_unquoted_Global_key()
    {
        var config = CloudConfigReader.Load(TestFiles.Fixture("documented-unquoted-cloud-config.conf")).Config;

        Assert.Equal("LTAI5tTestKeyId001", config.AccessKey!.AccessKeyId);
        Assert.Equal("super-secret-value", config.AccessKey.AccessKeySecret);
        Assert.Equal("cloud-config", config.AccessKey.Source);
        Assert.Equal("cn-hangzhou-k", config.ZoneId);
        Assert.Equal([new VSwitch("cn-hangzhou-j", "vsw-bp1a"), new VSwitch("cn-hangzhou-k", "vsw-bp1b")], config.VSwitches.AsEnumerable());
        Assert.Equal(["vtb-bp1one", "vtb-bp1two"], config.RouteTableIds.AsEnumerable());
        Assert.Equal("demo", config.ClusterId);
    }

    [Theory]
    [InlineData("vtb-a1", new[] { "vtb-a1" })]
    [InlineData(" vtb-a1 , vtb-b2 ", new[] { "vtb-a1", "vtb-b2" })]
    [InlineData("vtb-a1,vtb-b2,vtb-a1", new[] { "vtb-a1", "vtb-b2" })]
    [InlineData("vtb-a1,,vtb-b2,", new[] { "vtb-a1", "vtb-b2" })]
    [InlineData("", new string[0])]
    public void Route_table_ids_are_trimmed_deduplicated_and_empty_items_dropped(string value, string[] expected)
    {
        var config = CloudConfigReader.Parse($$$"""{"Global": {"routeTableIDs": "{{{value}}}"}}""", "t").Config;
        Assert.Equal(expected, config.RouteTableIds.AsEnumerable());
    }

    [Theory]
    [InlineData("cn-hangzhou-k:vsw-a1", "cn-hangzhou-k", "vsw-a1")]
    [InlineData(":vsw-a1", "", "vsw-a1")]
    [InlineData("vsw-a1", "", "vsw-a1")]
    [InlineData(" cn-hangzhou-k : vsw-a1 ", "cn-hangzhou-k", "vsw-a1")]
    public void VSwitch_entries_are_zone_and_id_pairs(string value, string zone, string id)
    {
        var config = CloudConfigReader.Parse($$$"""{"Global": {"vswitchid": "{{{value}}}"}}""", "t").Config;
        Assert.Equal(new VSwitch(zone, id), Assert.Single(config.VSwitches));
    }

    [Fact]
    public void Missing_fields_take_upstream_defaults()
    {
        var config = CloudConfigReader.Parse("""{"Global": {}}""", "t").Config;
        Assert.Equal("clusterid", config.ClusterId);
        Assert.Equal("ack.aliyun.com", config.KubernetesClusterTag);
        Assert.Equal(3, config.ServiceMaxConcurrentReconciles);
        Assert.Equal(1, config.NodeMaxConcurrentReconciles);
        Assert.Equal(1, config.RouteMaxConcurrentReconciles);
        Assert.Null(config.AccessKey);
        Assert.Null(config.ServiceBackendType);
        Assert.False(config.DisablePublicSlb);
        Assert.True(config.FeatureGates.IsEnabled("EndpointSlice"));
    }

    [Fact]
    public void Every_documented_field_is_read()
    {
        var config = CloudConfigReader.Parse("""
            Global:
              uid: "123456"
              kubernetesClusterTag: my.tag
              resourceGroupID: rg-acfm1
              serviceBackendType: ENI
              disablePublicSLB: true
              serviceMaxConcurrentReconciles: 8
              nodeMaxConcurrentReconciles: 2
              routeMaxConcurrentReconciles: 4
              featureGates: "IPv6DualStack=true,EndpointSlice=false"
              cloudAPIRateLimits: "SLB=5:10,SLB.DescribeLoadBalancers=2"
            """, "t").Config;
        Assert.Equal("123456", config.Uid);
        Assert.Equal("my.tag", config.KubernetesClusterTag);
        Assert.Equal("rg-acfm1", config.ResourceGroupId);
        Assert.Equal(ServiceBackendType.Eni, config.ServiceBackendType);
        Assert.True(config.DisablePublicSlb);
        Assert.Equal((8, 2, 4), (config.ServiceMaxConcurrentReconciles, config.NodeMaxConcurrentReconciles, config.RouteMaxConcurrentReconciles));
        Assert.True(config.FeatureGates.IsEnabled("IPv6DualStack"));
        Assert.True(config.FeatureGates.IsEnabled("EndpointSlice")); // locked on; turning it off is reported
        Assert.Equal("SLB=5:10,SLB.DescribeLoadBalancers=2", config.CloudApiRateLimits);
    }

    [Fact]
    public void A_bad_cloud_API_rate_limit_is_an_error_naming_the_field_the_entry_and_the_fix()
    {
        var error = Assert.Throws<CloudConfigException>(() => CloudConfigReader.Parse("""{"Global": {"cloudAPIRateLimits": "SBL=5"}}""", "t"));
        var problem = Assert.Single(error.Errors);
        Assert.Equal("Global.cloudAPIRateLimits", problem.Field);
        Assert.Contains("SBL", problem.Problem, StringComparison.Ordinal);
        Assert.Contains("SLB=10:20", problem.Fix, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("\"true\"", true)]
    [InlineData("yes", true)]
    [InlineData("False", false)]
    [InlineData("off", false)]
    public void Booleans_read_as_upstream_YAML_reads_them(string value, bool expected)
    {
        Assert.Equal(expected, CloudConfigReader.Parse($$$"""{"Global": {"disablePublicSLB": {{{value}}}}}""", "t").Config.DisablePublicSlb);
    }

    [Fact]
    public void Unknown_keys_are_reported_with_the_closest_known_name()
    {
        var loaded = CloudConfigReader.Parse("{\n  \"Global\": {\n    \"routeTableID\": \"vtb-a1\",\n    \"colour\": \"blue\"\n  }\n}", "/etc/cc.conf");
        Assert.Equal(
            ["/etc/cc.conf:3:5: Global.routeTableID: unknown key, ignored (did you mean routeTableIDs?). Correct or remove it",
             "/etc/cc.conf:4:5: Global.colour: unknown key, ignored. Correct or remove it"],
            loaded.Warnings.Select(w => w.Message));
    }

    [Fact]
    public void A_secret_encoded_with_its_newline_is_used_without_it_and_the_operator_is_told()
    {
        var secretWithNewline = Convert.ToBase64String("super-secret-value\n"u8.ToArray());
        var loaded = CloudConfigReader.Parse($$$"""{"Global": {"accessKeyID": "TFRBSTV0VGVzdEtleUlkMDAx", "accessKeySecret": "{{{secretWithNewline}}}"}}""", "t");
        Assert.Equal("super-secret-value", loaded.Config.AccessKey!.AccessKeySecret);
        var warning = Assert.Single(loaded.Warnings);
        Assert.Contains("Global.accessKeySecret: the decoded value ends with a newline or spaces, which were removed. Encode with echo -n", warning.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("# nothing here\n")]
    [InlineData("{\"Global\": null}")]
    [InlineData("{\"Other\": {\"x\": 1}}")]
    public void An_empty_file_or_section_reads_as_defaults_with_a_warning(string text)
    {
        var loaded = CloudConfigReader.Parse(text, "t");
        Assert.Equal(new CloudConfig(), loaded.Config);
        Assert.Equal(text.Contains("Global", StringComparison.Ordinal) ? 0 : 1, loaded.Warnings.Length);
    }

    [Fact]
    public void All_problems_of_a_file_are_reported_together()
    {
        var error = Assert.Throws<CloudConfigException>(() => CloudConfigReader.Parse(
            "{\"Global\": {\n\"vpcid\": \"bp1\",\n\"routeTableIDs\": \"x\",\n\"serviceBackendType\": \"alb\"}}", "/cc"));
        Assert.Equal(["Global.vpcid", "Global.routeTableIDs", "Global.serviceBackendType"], error.Errors.Select(e => e.Field));
        Assert.Equal([2, 3, 4], error.Errors.Select(e => e.Line));
        Assert.Equal(3, error.Message.Split('\n').Length);
    }

    [Fact]
    public void A_missing_file_says_which_file()
    {
        var error = Assert.Throws<CloudConfigException>(() => CloudConfigReader.Load("/nonexistent/cc.conf"));
        Assert.StartsWith("cloud-config /nonexistent/cc.conf: cannot be read (", error.Message, StringComparison.Ordinal);
    }
}

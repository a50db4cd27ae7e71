using System.Text;

namespace Ccm.Chart.Tests;

/// <summary>Where the AccessKey comes from: the RAM role (no keys), an existing Secret, or upstream's ConfigMap.</summary>
public sealed class CredentialsTests
{
    private static readonly string[] CredentialVariables = ["ACCESS_KEY_ID", "ACCESS_KEY_SECRET"];

    [Theory]
    [InlineData(null)]
    [InlineData(ValueSets.RamRole)]
    public async Task Ram_role_sets_no_key_anywhere(string? valuesFile)
    {
        var chart = valuesFile is null ? await ChartRenderer.RenderAsync() : await ChartRenderer.RenderAsync(valuesFile);
        var global = CloudConfigTests.CloudConfig(chart)!["Global"]!.AsObject();

        Assert.DoesNotContain(chart.Env.Keys, CredentialVariables.Contains);
        Assert.False(global.ContainsKey("accessKeyID"));
        Assert.False(global.ContainsKey("accessKeySecret"));
        Assert.Equal("true", chart.Arg("--enable-imdsv2"));
    }

    [Fact]
    public async Task Secret_credentials_reach_the_silo_as_secret_key_references()
    {
        var chart = await ChartRenderer.RenderAsync(ValueSets.SecretCredentials);
        var global = CloudConfigTests.CloudConfig(chart)!["Global"]!.AsObject();

        foreach (var (variable, key) in new[] { ("ACCESS_KEY_ID", "id"), ("ACCESS_KEY_SECRET", "secret") })
        {
            var reference = chart.Env[variable]["valueFrom"]!["secretKeyRef"]!;
            Assert.Equal("alibaba-cloud-credentials", (string?)reference["name"]);
            Assert.Equal(key, (string?)reference["key"]);
            Assert.Null(chart.Env[variable]["value"]);
        }

        Assert.False(global.ContainsKey("accessKeyID"));
        Assert.False(chart.Has("Secret", "alibaba-cloud-credentials"));
    }

    [Fact]
    public async Task Cloud_config_keys_are_base64_in_the_config_map_and_nowhere_else()
    {
        const string keyId = "LTAI5tDemoKeyId";
        const string keySecret = "DemoKeySecretValue0123456789";
        var chart = await ChartRenderer.RenderAsync(ValueSets.CloudConfigKeys);
        var global = CloudConfigTests.CloudConfig(chart)!["Global"]!;
        var encodedSecret = Convert.ToBase64String(Encoding.UTF8.GetBytes(keySecret));

        Assert.Equal(Convert.ToBase64String(Encoding.UTF8.GetBytes(keyId)), (string?)global["accessKeyID"]);
        Assert.Equal(encodedSecret, (string?)global["accessKeySecret"]);
        Assert.DoesNotContain(keySecret, chart.Manifest, StringComparison.Ordinal);
        Assert.Equal(1, CountOf(chart.Manifest, encodedSecret));
        Assert.DoesNotContain(chart.Env.Keys, CredentialVariables.Contains);
    }

    [Fact]
    public async Task Existing_config_map_with_keys_sets_no_credential_variables()
    {
        var chart = await ChartRenderer.RenderAsync(ValueSets.ExistingConfigMap);

        Assert.DoesNotContain(chart.Env.Keys, CredentialVariables.Contains);
    }

    [Fact]
    public async Task Endpoint_overrides_become_environment_variables()
    {
        var chart = await ChartRenderer.RenderAsync(ValueSets.ThreeReplicas);

        Assert.Equal("slb-vpc.cn-hangzhou.aliyuncs.com", (string?)chart.Env["SLB_ENDPOINT"]["value"]);
        Assert.Equal("HTTPS", (string?)chart.Env["ALICLOUD_CLIENT_SCHEME"]["value"]);
        Assert.False(chart.Env.ContainsKey("VPC_ENDPOINT"));
        Assert.Equal("0", (string?)chart.Env["DOTNET_gcServer"]["value"]);
    }

    private static int CountOf(string text, string value)
    {
        var count = 0;
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}

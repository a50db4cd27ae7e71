using System.Net;
using System.Text.Json;
using Ccm.Sandbox.Demo;
using static Ccm.Sandbox.Tests.Aliyun.Api;

namespace Ccm.Sandbox.Tests.Aliyun;

public sealed class MetadataTests
{
    private const string Role = "KubernetesMasterRole-sandbox";

    [Theory]
    [InlineData("0", HttpStatusCode.BadRequest)]
    [InlineData("21601", HttpStatusCode.BadRequest)]
    [InlineData("", HttpStatusCode.BadRequest)]
    [InlineData("1", HttpStatusCode.OK)]
    [InlineData("21600", HttpStatusCode.OK)]
    public async Task Token_TTL_must_be_1_to_21600_seconds(string ttl, HttpStatusCode expected)
    {
        await using var f = await EmulatorFixture.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Put, "/latest/api/token");
        request.Headers.Add("X-aliyun-ecs-metadata-token-ttl-seconds", ttl);
        using var response = await f.Http.SendAsync(request);
        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Items_describe_the_first_demo_instance()
    {
        await using var f = await EmulatorFixture.StartAsync();
        var node = DemoWorld.Nodes[0];
        Assert.Equal(DemoWorld.RegionId, await f.Http.GetStringAsync("/latest/meta-data/region-id"));
        Assert.Equal(node.ZoneId, await f.Http.GetStringAsync("/latest/meta-data/zone-id"));
        Assert.Equal(node.InstanceId, await f.Http.GetStringAsync("/latest/meta-data/instance-id"));
        Assert.Equal(DemoWorld.VpcId, await f.Http.GetStringAsync("/latest/meta-data/vpc-id"));
        Assert.Equal(node.VSwitchId, await f.Http.GetStringAsync("/latest/meta-data/vswitch-id"));
        Assert.Equal(node.PrivateIp, await f.Http.GetStringAsync("/latest/meta-data/private-ipv4"));
        Assert.Equal(node.Name, await f.Http.GetStringAsync("/latest/meta-data/hostname"));
        Assert.Equal(Role, await f.Http.GetStringAsync("/latest/meta-data/ram/security-credentials/"));
        using var unknown = await f.Http.GetAsync("/latest/meta-data/ram/security-credentials/OtherRole");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Without_the_demo_instance_only_the_region_is_known()
    {
        await using var f = await EmulatorFixture.StartAsync(o => o with { Seed = SeedKind.Empty });
        Assert.Equal(DemoWorld.RegionId, await f.Http.GetStringAsync("/latest/meta-data/region-id"));
        using var response = await f.Http.GetAsync("/latest/meta-data/instance-id");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Enforced_IMDSv2_needs_a_valid_token()
    {
        await using var f = await EmulatorFixture.StartAsync(o => o with { RequireMetadataToken = true });
        using var without = await f.Http.GetAsync("/latest/meta-data/instance-id");
        Assert.Equal(HttpStatusCode.Unauthorized, without.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Get(f, "/latest/meta-data/instance-id", "not-a-token")).StatusCode);
        var token = await Token(f, 60);
        using var with = await Get(f, "/latest/meta-data/instance-id", token);
        Assert.Equal(HttpStatusCode.OK, with.StatusCode);
    }

    [Fact]
    public async Task A_token_expires_after_its_TTL()
    {
        await using var f = await EmulatorFixture.StartAsync();
        var token = await Token(f, 1);
        await Ccm.TestSupport.Eventually.TrueAsync(async () =>
        {
            using var response = await Get(f, "/latest/meta-data/region-id", token);
            return response.StatusCode == HttpStatusCode.Unauthorized;
        }, "the 1-second token expires");
    }

    [Fact]
    public async Task Role_credentials_are_accepted_by_the_OpenAPI_with_their_security_token()
    {
        await using var f = await EmulatorFixture.StartAsync();
        var sts = await Credentials(f);
        Assert.Equal("Success", sts.GetProperty("Code").GetString());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", sts.GetProperty("Expiration").GetString());
        var client = f.ClientFor(sts.GetProperty("AccessKeyId").GetString()!, sts.GetProperty("AccessKeySecret").GetString()!,
            sts.GetProperty("SecurityToken").GetString());
        (await client.V2(SignedClient.Ecs, "DescribeInstances", P(), V2Style.PostForm)).Ok();
        (await client.V3(SignedClient.Vpc, "DescribeRouteTableList", P())).Ok();
        Assert.StartsWith("STS.", f.Emulator.Calls.Entries[^1].AccessKeyId, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Role_credentials_need_their_own_security_token()
    {
        await using var f = await EmulatorFixture.StartAsync();
        var sts = await Credentials(f);
        var id = sts.GetProperty("AccessKeyId").GetString()!;
        var secret = sts.GetProperty("AccessKeySecret").GetString()!;
        (await f.ClientFor(id, secret).V2(SignedClient.Ecs, "DescribeInstances", P())).Fails(400, "InvalidSecurityToken.MismatchWithAccessKey");
        (await f.ClientFor(id, secret, "CAISforged").V3(SignedClient.Ecs, "DescribeInstances", P())).Fails(400, "InvalidSecurityToken.MismatchWithAccessKey");
    }

    [Fact]
    public async Task Role_credentials_rotate_before_they_expire_and_are_refused_after()
    {
        await using var f = await EmulatorFixture.StartAsync(o => o with { StsCredentialLifetime = TimeSpan.FromSeconds(3) });
        var first = await Credentials(f);
        var client = f.ClientFor(first.GetProperty("AccessKeyId").GetString()!, first.GetProperty("AccessKeySecret").GetString()!,
            first.GetProperty("SecurityToken").GetString());
        (await client.V2(SignedClient.Ecs, "DescribeInstances", P())).Ok();

        var rotated = await Ccm.TestSupport.Eventually.ValueAsync(() => Credentials(f),
            c => c.GetProperty("AccessKeyId").GetString() != first.GetProperty("AccessKeyId").GetString(), "credentials rotate after a third of their life");
        Assert.NotEqual(first.GetProperty("SecurityToken").GetString(), rotated.GetProperty("SecurityToken").GetString());
        await Ccm.TestSupport.Eventually.TrueAsync(async () =>
            (await client.V2(SignedClient.Ecs, "DescribeInstances", P())).Code == "InvalidSecurityToken.Expired",
            "the first credentials expire");
    }

    private static async Task<string> Token(EmulatorFixture f, int ttl)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, "/latest/api/token");
        request.Headers.Add("X-aliyun-ecs-metadata-token-ttl-seconds", ttl.ToString());
        using var response = await f.Http.SendAsync(request);
        return await response.EnsureSuccessStatusCode().Content.ReadAsStringAsync();
    }

    private static async Task<HttpResponseMessage> Get(EmulatorFixture f, string path, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("X-aliyun-ecs-metadata-token", token);
        return await f.Http.SendAsync(request);
    }

    private static async Task<JsonElement> Credentials(EmulatorFixture f)
    {
        using var response = await Get(f, "/latest/meta-data/ram/security-credentials/" + Role, await Token(f, 21600));
        using var document = JsonDocument.Parse(await response.EnsureSuccessStatusCode().Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }
}

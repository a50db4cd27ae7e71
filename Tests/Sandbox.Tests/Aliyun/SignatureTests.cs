using static Ccm.Sandbox.Tests.Aliyun.Api;

namespace Ccm.Sandbox.Tests.Aliyun;

public sealed class SignatureTests
{
    [Theory]
    [InlineData(V2Style.GetQuery)]
    [InlineData(V2Style.PostQuery)]
    [InlineData(V2Style.PostForm)]
    public async Task V2_calls_are_accepted_in_every_way_SDKs_send_them(V2Style style)
    {
        await using var f = await EmulatorFixture.StartAsync();
        var reply = (await f.Client.V2(SignedClient.Ecs, "DescribeInstances", P(), style)).Ok();
        Assert.Equal(3, reply["TotalCount"].GetInt32());
    }

    [Fact]
    public async Task V3_calls_are_accepted()
    {
        await using var f = await EmulatorFixture.StartAsync();
        var reply = (await f.Client.V3(SignedClient.Vpc, "DescribeVpcs", P())).Ok();
        Assert.Equal(1, reply["TotalCount"].GetInt32());
    }

    [Fact]
    public async Task Empty_parameters_are_part_of_the_signature()
    {
        await using var f = await EmulatorFixture.StartAsync();
        // The v1 Go SDK always sends an empty SignatureType=; the server must canonicalise it too.
        (await f.Client.V2(SignedClient.Slb, "DescribeLoadBalancers", P(("SignatureType", "")))).Ok();
    }

    [Fact]
    public async Task A_wrong_secret_answers_SignatureDoesNotMatch_with_the_servers_string_to_sign()
    {
        await using var f = await EmulatorFixture.StartAsync();
        Dictionary<string, string>? sent = null;
        var reply = await f.ClientFor(EmulatorFixture.AccessKeyId, "wrong").SendV2(SignedClient.Ecs, "DescribeInstances", P(), V2Style.GetQuery,
            nonce: null, tamper: p => sent = new Dictionary<string, string>(p));
        reply.Fails(400, "SignatureDoesNotMatch");
        var expected = SignedClient.ExpectedStringToSign("GET", sent!);
        Assert.Equal("Specified signature is not matched with our calculation. server string to sign is:" + expected, reply.Message);
    }

    [Fact]
    public async Task A_wrong_V3_secret_answers_SignatureDoesNotMatch()
    {
        await using var f = await EmulatorFixture.StartAsync();
        var reply = (await f.ClientFor(EmulatorFixture.AccessKeyId, "wrong").V3(SignedClient.Ecs, "DescribeInstances", P()))
            .Fails(400, "SignatureDoesNotMatch");
        Assert.StartsWith("Specified signature is not matched with our calculation. server string to sign is:ACS3-HMAC-SHA256\n", reply.Message);
    }

    [Fact]
    public async Task A_parameter_changed_after_signing_is_detected()
    {
        await using var f = await EmulatorFixture.StartAsync();
        (await f.Client.SendV2(SignedClient.Slb, "DeleteLoadBalancer", P(("LoadBalancerId", "lb-a")), V2Style.PostForm,
            nonce: null, tamper: p => p["LoadBalancerId"] = "lb-b")).Fails(400, "SignatureDoesNotMatch");
    }

    [Fact]
    public async Task An_unknown_access_key_is_not_found()
    {
        await using var f = await EmulatorFixture.StartAsync();
        (await f.ClientFor("LTAIunknown", EmulatorFixture.AccessKeySecret).V2(SignedClient.Ecs, "DescribeInstances", P()))
            .Fails(404, "InvalidAccessKeyId.NotFound");
        (await f.ClientFor("LTAIunknown", EmulatorFixture.AccessKeySecret).V3(SignedClient.Ecs, "DescribeInstances", P()))
            .Fails(404, "InvalidAccessKeyId.NotFound");
    }

    [Fact]
    public async Task A_reused_nonce_is_refused()
    {
        await using var f = await EmulatorFixture.StartAsync();
        (await f.Client.SendV2(SignedClient.Ecs, "DescribeInstances", P(), V2Style.PostQuery, "fixed-nonce", null)).Ok();
        (await f.Client.SendV2(SignedClient.Ecs, "DescribeInstances", P(), V2Style.PostQuery, "fixed-nonce", null))
            .Fails(400, "SignatureNonceUsed");
    }

    [Fact]
    public async Task A_badly_signed_call_does_not_burn_its_nonce()
    {
        await using var f = await EmulatorFixture.StartAsync();
        (await f.ClientFor(EmulatorFixture.AccessKeyId, "wrong").SendV2(SignedClient.Ecs, "DescribeInstances", P(), V2Style.PostQuery, "nonce-1", null))
            .Fails(400, "SignatureDoesNotMatch");
        (await f.Client.SendV2(SignedClient.Ecs, "DescribeInstances", P(), V2Style.PostQuery, "nonce-1", null)).Ok();
    }

    [Theory]
    [InlineData(16, 400)]
    [InlineData(-16, 400)]
    [InlineData(14, 200)]
    [InlineData(-14, 200)]
    public async Task Timestamps_more_than_15_minutes_off_are_expired(int minutes, int status)
    {
        await using var f = await EmulatorFixture.StartAsync();
        var skewed = new SignedClient(f.Http, EmulatorFixture.AccessKeyId, EmulatorFixture.AccessKeySecret)
        {
            Now = () => DateTimeOffset.UtcNow.AddMinutes(minutes),
        };
        var v2 = await skewed.V2(SignedClient.Ecs, "DescribeInstances", P());
        var v3 = await skewed.V3(SignedClient.Ecs, "DescribeInstances", P());
        Assert.Equal(status, v2.Status);
        Assert.Equal(status, v3.Status);
        if (status == 400)
        {
            Assert.Equal("InvalidTimeStamp.Expired", v2.Code);
            Assert.Equal("InvalidTimeStamp.Expired", v3.Code);
        }
    }

    [Fact]
    public async Task Missing_or_malformed_signatures_are_incomplete()
    {
        await using var f = await EmulatorFixture.StartAsync();
        (await f.Client.SendV2(SignedClient.Ecs, "DescribeInstances", P(), V2Style.PostQuery, null, p => p.Remove("Signature")))
            .Fails(400, "IncompleteSignature");
        (await f.Client.V3(SignedClient.Ecs, "DescribeInstances", P(), r => r.Headers.Remove("Authorization")))
            .Fails(400, "IncompleteSignature");
        (await f.Client.V3(SignedClient.Ecs, "DescribeInstances", P(), r =>
        {
            var auth = r.Headers.GetValues("Authorization").Single().Replace("x-acs-date;", "", StringComparison.Ordinal);
            r.Headers.Remove("Authorization");
            r.Headers.TryAddWithoutValidation("Authorization", auth);
        })).Fails(400, "IncompleteSignature");
    }

    [Fact]
    public async Task Errors_carry_the_gateway_body_and_request_id_header()
    {
        await using var f = await EmulatorFixture.StartAsync();
        var reply = (await f.Client.V2(SignedClient.Slb, "DescribeLoadBalancerAttribute", P(("LoadBalancerId", "lb-none"))))
            .Fails(400, "InvalidLoadBalancerId.NotFound");
        Assert.Equal("The specified LoadBalancerId does not exist.", reply.Message);
        Assert.Equal("slb.aliyuncs.com", reply["HostId"].GetString());
        Assert.Contains("q=InvalidLoadBalancerId.NotFound", reply["Recommend"].GetString(), StringComparison.Ordinal);
        Assert.Equal(reply["RequestId"].GetString(), reply.Headers.GetValues("x-acs-request-id").Single());
    }

    [Fact]
    public async Task Unknown_actions_and_versions_and_XML_are_refused()
    {
        await using var f = await EmulatorFixture.StartAsync();
        (await f.Client.V2(SignedClient.Ecs, "RunInstances", P())).Fails(404, "InvalidAction.NotFound");
        (await f.Client.V2("2099-01-01", "DescribeInstances", P())).Fails(400, "InvalidVersion");
        (await f.Client.V2(SignedClient.Ecs, "DescribeInstances", P(("Format", "XML")))).Fails(400, "InvalidParameter.Format");
        (await f.Client.V2(SignedClient.Ecs, "DescribeInstances", P(("Format", "json")))).Ok();
    }
}

using System.Text.Json;
using Ccm.Sandbox.Aliyun;
using Ccm.TestSupport;
using static Ccm.Sandbox.Tests.Aliyun.Api;

namespace Ccm.Sandbox.Tests.Aliyun;

public sealed class SecretTests
{
    [Fact]
    public void Options_never_print_the_secret()
    {
        var options = new AliyunEmulatorOptions { AccessKeyId = EmulatorFixture.AccessKeyId, AccessKeySecret = EmulatorFixture.AccessKeySecret };
        Assert.Contains(EmulatorFixture.AccessKeyId, options.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(EmulatorFixture.AccessKeySecret, options.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_secret_or_token_reaches_the_log_or_the_call_log()
    {
        using var logs = new CapturingLoggerProvider();
        using var factory = logs.CreateFactory();
        await using var f = await EmulatorFixture.StartAsync(o => o with { LoggerFactory = factory });
        var credentials = JsonDocument.Parse(await f.Http.GetStringAsync("/latest/meta-data/ram/security-credentials/KubernetesMasterRole-sandbox")).RootElement;
        var stsSecret = credentials.GetProperty("AccessKeySecret").GetString()!;
        var token = credentials.GetProperty("SecurityToken").GetString()!;
        var sts = f.ClientFor(credentials.GetProperty("AccessKeyId").GetString()!, stsSecret, token);
        (await sts.V2(SignedClient.Ecs, "DescribeInstances", P())).Ok();
        (await sts.V3(SignedClient.Vpc, "DescribeVpcs", P())).Ok();
        // A mismatch echoes the string to sign (with the token in it) to the caller, never to the log.
        (await f.ClientFor(credentials.GetProperty("AccessKeyId").GetString()!, "wrong", token).V2(SignedClient.Ecs, "DescribeInstances", P()))
            .Fails(400, "SignatureDoesNotMatch");

        var logged = logs.AllText();
        Assert.Contains("DescribeInstances", logged, StringComparison.Ordinal);
        var recorded = JsonSerializer.Serialize(f.Emulator.Calls.Entries);
        foreach (var secret in new[] { EmulatorFixture.AccessKeySecret, stsSecret, token, Uri.EscapeDataString(token) })
        {
            Assert.DoesNotContain(secret, logged, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, recorded, StringComparison.Ordinal);
        }
    }
}

using Ccm.Silo.CloudConfiguration;
using Ccm.Silo.Hosting;
using Ccm.Silo.Options;
using Ccm.Silo.Tests.Support;

namespace Ccm.Silo.Tests;

/// <summary>No AccessKey secret reaches a log line, an error, a ToString, metrics or the health endpoints.</summary>
public sealed class SecretTests : IDisposable
{
    private const string EnvironmentSecret = "environment-secret-value";
    private readonly TestFiles files = new();

    public void Dispose() => files.Dispose();

    [Fact]
    public void Credentials_print_without_their_secret()
    {
        var credentials = new CloudCredentials("LTAI5tTestKeyId001", "super-secret-value") { Source = "cloud-config" };
        Assert.Equal("CloudCredentials { AccessKeyId = LTAI****, AccessKeySecret = (redacted), Source = cloud-config }", credentials.ToString());
        AssertNoSecret(new CloudConfig { AccessKey = credentials }.ToString());
    }

    [Fact]
    public async Task A_running_silo_shows_no_secret_anywhere()
    {
        var environment = TestEnvironment.With(("ACCESS_KEY_ID", "LTAI5tEnvironmentId"), ("ACCESS_KEY_SECRET", EnvironmentSecret));
        var path = files.Write("cc.json", TestFiles.ValidCloudConfig);
        var options = CommandLine.Parse([$"--cloud-config={path}", "--configure-cloud-routes=false", "--v=10", .. SiloTestOptions.LoopbackListeners], environment).Options!;
        var cloud = CloudConfigReader.Load(path).Config;
        Assert.Equal("super-secret-value", cloud.AccessKey!.AccessKeySecret);
        Assert.Equal(EnvironmentSecret, options.EnvironmentAccessKey!.AccessKeySecret);

        await using var silo = await TestSilo.StartAsync(options, cloud);
        var metrics = await silo.Http.GetStringAsync(silo.Url(ListenerRoles.Metrics, "/metrics"));
        var health = await silo.Http.GetStringAsync(silo.Url(ListenerRoles.Health, "/healthz"));
        using var readiness = await silo.GetAsync(ListenerRoles.Health, "/readyz?format=json");

        AssertNoSecret(options.ToString());
        AssertNoSecret(metrics);
        AssertNoSecret(health + await readiness.Content.ReadAsStringAsync());
        Assert.Contains(silo.Logs.Entries, e => e.Message.Contains("credentials AccessKey LTAI**** from cloud-config", StringComparison.Ordinal));
        AssertNoSecret(silo.Logs.AllText());
    }

    [Fact]
    public void Errors_about_a_secret_never_quote_it()
    {
        var secretOnly = CommandLine.Parse(["--sandbox"], TestEnvironment.With(("ACCESS_KEY_SECRET", EnvironmentSecret)));
        Assert.Equal("$ACCESS_KEY_SECRET is set but $ACCESS_KEY_ID is not: set both or neither", Assert.Single(secretOnly.Errors));

        var plainSecret = Assert.Throws<CloudConfigException>(() => CloudConfigReader.Parse(
            """{"Global": {"accessKeyID": "TFRBSTV0VGVzdEtleUlkMDAx", "accessKeySecret": "super-secret-value"}}""", "cc"));
        Assert.Contains("Global.accessKeySecret", plainSecret.Message, StringComparison.Ordinal);
        AssertNoSecret(plainSecret.ToString());
    }

    private static void AssertNoSecret(string text)
    {
        foreach (var secret in TestFiles.SecretForms.Append(EnvironmentSecret))
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        }
    }
}

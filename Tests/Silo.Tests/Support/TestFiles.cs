using Ccm.TestSupport;

namespace Ccm.Silo.Tests.Support;

/// <summary>A temporary folder for cloud-configs and kubeconfigs written by a test; deleted on dispose.</summary>
public sealed class TestFiles : IDisposable
{
    /// <summary>A complete, valid cloud-config (no metadata lookup needed) with a known AccessKey pair.</summary>
    public const string ValidCloudConfig = """
        {
          "Global": {
            "accessKeyID": "TFRBSTV0VGVzdEtleUlkMDAx",
            "accessKeySecret": "c3VwZXItc2VjcmV0LXZhbHVl",
            "region": "cn-hangzhou",
            "zoneid": "cn-hangzhou-k",
            "vpcid": "vpc-bp1demo",
            "vswitchid": "cn-hangzhou-k:vsw-bp1a"
          }
        }
        """;

    /// <summary>The plain and base64 forms of the secret in <see cref="ValidCloudConfig"/>: neither may appear in output.</summary>
    public static readonly string[] SecretForms = ["super-secret-value", "c3VwZXItc2VjcmV0LXZhbHVl"];

    /// <summary>
    /// Endpoint variables that keep a silo process on loopback (nothing listens there): tests never reach out to the
    /// real OpenAPI hosts the product would use by default.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> UnreachableCloud = new Dictionary<string, string>
    {
        ["SLB_ENDPOINT"] = "127.0.0.1:1",
        ["VPC_ENDPOINT"] = "127.0.0.1:1",
        ["ECS_ENDPOINT"] = "127.0.0.1:1",
        ["ALICLOUD_CLIENT_SCHEME"] = "HTTP",
        ["METADATA_ENDPOINT"] = "http://127.0.0.1:1",
    };

    public TestFiles() => Directory.CreateDirectory(Root);

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "ccm-silo-tests-" + Guid.NewGuid().ToString("N"));

    public string Write(string name, string content)
    {
        var path = Path.Combine(Root, name);
        File.WriteAllText(path, content);
        return path;
    }

    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    /// <summary>A fixture's arguments: one per line, '#' lines are comments.</summary>
    /// <summary>A fixture's arguments as a container's <c>command:</c> list passes them: a line <c>--flag value</c> is two.</summary>
    public static string[] FixtureArguments(string name) =>
        [.. File.ReadAllLines(Fixture(name)).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'))
            .SelectMany(l => l.Split(' ', 2, StringSplitOptions.TrimEntries))];

    public static string SiloAssembly => RepoPaths.BuiltAssembly("Silo", "Ccm.Silo.dll");

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

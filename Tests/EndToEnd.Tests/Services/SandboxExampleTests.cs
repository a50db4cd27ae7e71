using System.Diagnostics;
using System.Net;
using Ccm.TestSupport;
using Xunit.Abstractions;

namespace Ccm.EndToEnd.Tests.Services;

/// <summary>
/// The first-run promise, as a user meets it: <c>dotnet run --project Silo -- --sandbox</c> (the built
/// executable), then <c>kubectl apply -f</c> the upstream example, then <c>kubectl get svc</c> until the address shows.
/// The promise is 10 s; a loaded test machine gets the generous bound, and the time taken is written to the output.
/// </summary>
public sealed class SandboxExampleTests(ITestOutputHelper output)
{
    // The sandbox already deploys the example as default/nginx, so the user's copy gets its own name.
    private const string Name = "nginx-example";

    [Fact]
    public async Task Applying_the_upstream_example_to_the_sandbox_shows_its_address_in_kubectl_get_svc()
    {
        await using var sandbox = SiloProcess.Start(["--sandbox"]);
        var kubectl = new Kubectl(await sandbox.BannerValueAsync("kubeconfig"));
        using var http = new HttpClient();
        var health = new Uri(await sandbox.BannerValueAsync("health"));
        await Eventually.TrueAsync(async () => (await http.GetAsync(health)).StatusCode == HttpStatusCode.OK, "the sandbox's silo gets ready", TestTimings.Generous);
        var file = Path.Combine(Path.GetTempPath(), $"ccm-e2e-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(file, UpstreamExample.Manifest.Replace(": nginx\n", $": {Name}\n", StringComparison.Ordinal));

        try
        {
            var clock = Stopwatch.StartNew();
            await kubectl.CheckedAsync("apply", "-f", file);
            var ip = await Eventually.ValueAsync(
                async () => (await kubectl.CheckedAsync("get", "svc", Name, "-o", "jsonpath={.status.loadBalancer.ingress[0].ip}")).Trim(),
                ip => ip.Length > 0,
                "kubectl get svc shows the address",
                TestTimings.Generous);
            var elapsed = clock.Elapsed;
            output.WriteLine($"kubectl apply -f to the address in kubectl get svc: {elapsed.TotalSeconds:F1} s (promised: 10 s)");

            var table = await kubectl.CheckedAsync("get", "svc", Name);
            Assert.Contains(ip, table, StringComparison.Ordinal);
            Assert.True(IPAddress.TryParse(ip, out _), ip);
            Assert.Contains(Name, await kubectl.CheckedAsync("get", "deployment", Name, "-o", "name"), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }

        Assert.Equal(0, await sandbox.InterruptAsync(TestTimings.Generous));
    }
}

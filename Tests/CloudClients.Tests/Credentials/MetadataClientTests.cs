using System.Net;
using Ccm.CloudClients.Endpoints;
using Ccm.CloudClients.Metadata;
using Ccm.CloudClients.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ccm.CloudClients.Tests.Credentials;

public class MetadataClientTests
{
    private static MetadataClient Client(RecordingHandler handler, int attempts = 3) => new(
        new HttpClient(handler), new MetadataOptions { RetryDelay = TimeSpan.FromMilliseconds(1), MaxAttempts = attempts },
        CloudEnvironment.Empty.With(CloudEnvironment.MetadataEndpoint, "http://127.0.0.1:7/"), TimeProvider.System, NullLogger<MetadataClient>.Instance);

    [Fact]
    public async Task Brief_failures_are_retried()
    {
        var handler = new RecordingHandler((r, i) => r.Method == HttpMethod.Put
            ? new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("tok") }
            : i < 3 ? new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) : new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("vpc-1\n") });

        Assert.Equal("vpc-1", await Client(handler).GetVpcIdAsync(default));
    }

    [Fact]
    public async Task A_rejected_token_is_fetched_again()
    {
        var tokens = 0;
        var handler = new RecordingHandler((r, _) =>
        {
            if (r.Method == HttpMethod.Put)
            {
                return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("tok-" + Interlocked.Increment(ref tokens)) };
            }

            return r.Headers["x-aliyun-ecs-metadata-token"] == "tok-2"
                ? new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("i-1") }
                : new HttpResponseMessage(HttpStatusCode.Unauthorized);
        });

        Assert.Equal("i-1", await Client(handler).GetInstanceIdAsync(default));
        Assert.Equal(2, tokens);
    }

    [Fact]
    public async Task Giving_up_names_the_item_and_the_last_reason()
    {
        var handler = new RecordingHandler((r, _) => r.Method == HttpMethod.Put
            ? new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("tok") }
            : new HttpResponseMessage(HttpStatusCode.NotFound));

        var ex = await Assert.ThrowsAsync<MetadataUnavailableException>(() => Client(handler, attempts: 2).GetZoneIdAsync(default));

        Assert.Contains("zone-id", ex.Message);
        Assert.Contains("HTTP 404", ex.Message);
        Assert.Equal(2, handler.Requests.Count(r => r.Method == HttpMethod.Get));
    }
}

using Ccm.CloudClients.Hosting;
using Ccm.CloudClients.Metadata;
using Ccm.Silo.CloudConfiguration;
using Ccm.Silo.Options;
using Microsoft.Extensions.Logging;

namespace Ccm.Silo.Composition;

/// <summary>
/// The silo's <see cref="IInstanceMetadata"/> seam on the CloudClients metadata client (IMDSv2 unless
/// <c>--enable-imdsv2=false</c>, <c>$METADATA_ENDPOINT</c> honoured), used to fill the cloud-config fields a user
/// left out. Only asked when a field is missing, so a complete cloud-config never contacts the service.
/// </summary>
public sealed class CloudInstanceMetadata : IInstanceMetadata, IDisposable
{
    private readonly CloudHttpClients http = new();
    private readonly MetadataClient client;

    public CloudInstanceMetadata(SiloOptions options, ILoggerFactory loggers)
    {
        var settings = new MetadataOptions { EnableImdsV2 = options.EnableImdsV2 };
        client = new MetadataClient(http.Metadata, settings, CloudEnvironmentFactory.Create(options), TimeProvider.System, loggers.CreateLogger<MetadataClient>());
    }

    public async Task<string?> GetAsync(string item, CancellationToken cancellationToken)
    {
        var value = await client.GetAsync(item, cancellationToken);
        return value.Length == 0 ? null : value;
    }

    public void Dispose()
    {
        client.Dispose();
        http.Dispose();
    }
}

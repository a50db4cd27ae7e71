using Ccm.CloudClients.Endpoints;
using Ccm.Silo.Options;

namespace Ccm.Silo.Composition;

/// <summary>
/// The environment the cloud clients read, rebuilt from what the silo parsed (so the values it validated are the
/// values used, and tests and the sandbox need not touch the process environment).
/// </summary>
public static class CloudEnvironmentFactory
{
    public static CloudEnvironment Create(SiloOptions options)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [CloudEnvironment.ClientScheme] = options.Endpoints.Scheme.ToUpperInvariant(),
        };
        Add(CloudEnvironment.SlbEndpoint, options.Endpoints.Slb);
        Add(CloudEnvironment.VpcEndpoint, options.Endpoints.Vpc);
        Add(CloudEnvironment.EcsEndpoint, options.Endpoints.Ecs);
        Add(CloudEnvironment.MetadataEndpoint, options.Endpoints.Metadata);
        Add(CloudEnvironment.AccessKeyId, options.EnvironmentAccessKey?.AccessKeyId);
        Add(CloudEnvironment.AccessKeySecret, options.EnvironmentAccessKey?.AccessKeySecret);
        return new CloudEnvironment(variables);

        void Add(string name, string? value)
        {
            if (value is not null)
            {
                variables[name] = value;
            }
        }
    }
}

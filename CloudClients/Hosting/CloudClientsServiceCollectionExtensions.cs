using Ccm.CloudClients.Credentials;
using Ccm.CloudClients.Ecs;
using Ccm.CloudClients.Endpoints;
using Ccm.CloudClients.Metadata;
using Ccm.CloudClients.Observability;
using Ccm.CloudClients.Slb;
using Ccm.CloudClients.Transport;
using Ccm.CloudClients.Transport.Budget;
using Ccm.CloudClients.Vpc;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Ccm.CloudClients.Hosting;

/// <summary>
/// The one registration the silo calls. Everything is a singleton, so the whole process shares one credential
/// cache, one HTTP pool, one call budget and one recorder. Register a <see cref="CloudEnvironment"/> before
/// calling to override the process environment (sandbox mode, tests).
/// </summary>
public static class CloudClientsServiceCollectionExtensions
{
    /// <summary>Binds <see cref="CloudClientOptions"/> from <paramref name="section"/> (usually <c>CloudClients</c>).</summary>
    public static IServiceCollection AddAliyunCloudClients(
        this IServiceCollection services, IConfiguration section, Func<IServiceProvider, HttpMessageHandler>? primaryHandler = null)
    {
        services.AddOptions<CloudClientOptions>().Bind(section);
        return services.AddCore(primaryHandler);
    }

    public static IServiceCollection AddAliyunCloudClients(
        this IServiceCollection services, Action<CloudClientOptions> configure, Func<IServiceProvider, HttpMessageHandler>? primaryHandler = null)
    {
        services.AddOptions<CloudClientOptions>().Configure(configure);
        return services.AddCore(primaryHandler);
    }

    private static IServiceCollection AddCore(this IServiceCollection services, Func<IServiceProvider, HttpMessageHandler>? primaryHandler)
    {
        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(_ => CloudEnvironment.FromProcess());
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<CloudClientOptions>>().Value);
        services.TryAddSingleton(sp => new CloudHttpClients(primaryHandler?.Invoke(sp)));
        services.TryAddSingleton(sp => new CloudCallRecorder(sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new CloudClientMetrics(sp.GetService<System.Diagnostics.Metrics.IMeterFactory>()));
        services.TryAddSingleton(sp => new CloudCallBudget(
            sp.GetRequiredService<CloudClientOptions>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<CloudClientMetrics>(), Loggers(sp)));
        services.TryAddSingleton<IMetadataClient>(sp => new MetadataClient(
            sp.GetRequiredService<CloudHttpClients>().Metadata, sp.GetRequiredService<CloudClientOptions>().Metadata,
            sp.GetRequiredService<CloudEnvironment>(), sp.GetRequiredService<TimeProvider>(), Loggers(sp).CreateLogger<MetadataClient>()));
        services.TryAddSingleton(sp => CredentialChain.Create(
            sp.GetRequiredService<CloudClientOptions>().Credentials, sp.GetRequiredService<CloudEnvironment>(),
            sp.GetRequiredService<IMetadataClient>, sp.GetRequiredService<TimeProvider>(), Loggers(sp)));
        services.TryAddSingleton(sp => new CloudClientFactory(
            sp.GetRequiredService<CloudClientOptions>(), sp.GetRequiredService<CloudEnvironment>(), sp.GetRequiredService<ICredentialProvider>(),
            sp.GetRequiredService<CloudHttpClients>().Api, sp.GetRequiredService<CloudCallBudget>(), sp.GetRequiredService<CloudClientMetrics>(),
            sp.GetRequiredService<CloudCallRecorder>(), sp.GetRequiredService<TimeProvider>(), Loggers(sp)));
        services.TryAddSingleton(sp => sp.GetRequiredService<CloudClientFactory>().CreateSlbClient());
        services.TryAddSingleton(sp => sp.GetRequiredService<CloudClientFactory>().CreateVpcClient());
        services.TryAddSingleton(sp => sp.GetRequiredService<CloudClientFactory>().CreateEcsClient());
        return services;
    }

    private static ILoggerFactory Loggers(IServiceProvider sp) => sp.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance;
}

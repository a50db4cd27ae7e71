using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Ccm.Runtime;

/// <summary>Registration of the grain runtime and of grains.</summary>
public static class GrainRuntimeServiceCollectionExtensions
{
    /// <summary>
    /// Adds one silo: <see cref="GrainSilo"/> (a hosted service), <see cref="IGrainFactory"/> and
    /// <see cref="IShardDirectory"/>. Storage comes separately (<c>AddKubernetesGrainStorage</c>, or
    /// <see cref="AddInMemoryGrainStorage"/> in tests); a <see cref="TimeProvider"/> registered before wins over the system clock.
    /// </summary>
    public static IServiceCollection AddGrainRuntime(this IServiceCollection services, Action<GrainRuntimeOptions>? configure = null)
    {
        var options = services.AddOptions<GrainRuntimeOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GrainRuntimeOptions>, GrainRuntimeOptionsValidator>());
        services.AddLogging();
        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(GrainSilo.Create);
        services.AddSingleton<Microsoft.Extensions.Hosting.IHostedService>(sp => sp.GetRequiredService<GrainSilo>());
        services.TryAddSingleton(sp => sp.GetRequiredService<GrainSilo>().GrainFactory);
        services.TryAddSingleton(sp => sp.GetRequiredService<GrainSilo>().Shards);
        return services;
    }

    /// <summary>Registers a grain: references to <typeparamref name="TGrainInterface"/> activate <typeparamref name="TGrain"/>, created through DI.</summary>
    public static IServiceCollection AddGrain<TGrainInterface, TGrain>(this IServiceCollection services)
        where TGrainInterface : IGrainWithStringKey
        where TGrain : Grain, TGrainInterface =>
        services.AddSingleton(new GrainRegistration(typeof(TGrainInterface), typeof(TGrain)));

    /// <summary>
    /// In-memory Leases and reminders, for tests (and for a sandbox with leader election off). Pass the same
    /// instances to several silos of one test to share them, or to a restarted silo to keep its reminders.
    /// </summary>
    public static IServiceCollection AddInMemoryGrainStorage(
        this IServiceCollection services, InMemoryLeaseStore? leases = null, InMemoryReminderTable? reminders = null)
    {
        services.AddSingleton<ILeaseStore>(leases ?? new InMemoryLeaseStore());
        services.AddSingleton<IReminderTable>(reminders ?? new InMemoryReminderTable());
        return services;
    }
}

using Ccm.Clustering.Kubernetes.Hosting;
using Ccm.Clustering.Kubernetes.Tests.Support;
using k8s;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Configuration;
using Orleans.Runtime;

namespace Ccm.Clustering.Kubernetes.Tests.Hosting;

/// <summary>What the silo registrations put in DI: the tables on the silo's own client, and start-up validation.</summary>
[Collection(EmulatorCollection.Name)]
public sealed class SiloRegistrationTests(KubernetesEmulatorFixture emulator)
{
    [Fact]
    public async Task The_tables_use_the_keyed_client_the_options_name()
    {
        var ns = await emulator.NewNamespaceAsync();
        var services = Services();
        services.AddKeyedSingleton<IKubernetes>("control-plane", emulator.NewClient());
        services.AddKubernetesClustering(o => (o.Namespace, o.ClientServiceKey) = (ns, "control-plane"));
        services.AddKubernetesReminderService(o => (o.Namespace, o.ClientServiceKey) = (ns, "control-plane"));
        using var provider = services.BuildServiceProvider();

        var membership = provider.GetRequiredService<IMembershipTable>();
        await membership.InitializeMembershipTableAsync(true);
        var reminders = provider.GetRequiredService<IReminderTable>();
        await reminders.StartAsync();

        Assert.Equal(0, (await membership.ReadAllAsync()).Version.Version);
        Assert.Empty((await reminders.ReadRows(0, 0)).Reminders);
    }

    [Theory]
    [InlineData("Kube_System", null, 16, "Namespace")]
    [InlineData("kube-system", "Orleans_CCM", 16, "NamePrefix")]
    [InlineData("kube-system", "ccm", 0, "Buckets")]
    [InlineData("kube-system", "ccm", 257, "Buckets")]
    public void Options_the_API_server_would_refuse_stop_the_silo_at_start(string ns, string? prefix, int buckets, string named)
    {
        var services = Services();
        services.AddKubernetesReminderService(o => (o.Namespace, o.NamePrefix, o.Buckets) = (ns, prefix, buckets));
        using var provider = services.BuildServiceProvider();

        var errors = provider.GetServices<IConfigurationValidator>()
            .Select(v => Record.Exception(v.ValidateConfiguration))
            .OfType<OrleansConfigurationException>();

        Assert.Contains(errors, e => e.Message.Contains(named, StringComparison.Ordinal));
    }

    [Fact]
    public void A_silo_slot_count_below_one_stops_the_silo_at_start()
    {
        var services = Services();
        services.AddKubernetesClustering(o => (o.Namespace, o.SiloSlots) = ("kube-system", 0));
        using var provider = services.BuildServiceProvider();

        var validator = Assert.Single(provider.GetServices<IConfigurationValidator>());

        Assert.Contains("SiloSlots", Assert.Throws<OrleansConfigurationException>(validator.ValidateConfiguration).Message, StringComparison.Ordinal);
    }

    private static ServiceCollection Services()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.Configure<ClusterOptions>(o => (o.ServiceId, o.ClusterId) = (Tables.Cluster.ServiceId, Tables.Cluster.ClusterId));
        return services;
    }
}

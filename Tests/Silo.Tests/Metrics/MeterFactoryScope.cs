using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace Ccm.Silo.Tests.Metrics;

/// <summary>A meter factory of the test's own (as a host has one), so its measurements mix with no one else's.</summary>
public sealed class MeterFactoryScope : IDisposable
{
    private readonly ServiceProvider services = new ServiceCollection().AddMetrics().BuildServiceProvider();

    public IMeterFactory Factory => services.GetRequiredService<IMeterFactory>();

    public void Dispose() => services.Dispose();
}

using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Dashboard;

namespace Ccm.Silo.Dashboard.OrleansDashboard;

/// <summary>
/// Keeps Orleans' dashboard from loading its page files into memory. <c>MapOrleansDashboard</c> resolves its internal
/// <c>Orleans.Dashboard.EmbeddedAssetProvider</c> before it maps anything (and refuses to map without one), and that
/// type's constructor copies every file of <c>Orleans.Dashboard.dll</c> into arrays, gzips and hashes them: some 30 MB
/// at every silo's start. The silo registers instead an instance whose constructor never ran (no files, nothing
/// else: the type has no other state), which only satisfies that lookup; <see cref="OrleansDashboardAssets"/> serves
/// the files on routes that win over Orleans' own, whose handlers are the only readers of the provider.
/// </summary>
internal static class OrleansAssetProviderStandIn
{
    /// <summary>The Orleans.Dashboard version this was written against (its internal type's name and role).</summary>
    private const string KnownVersion = "10.4.2";

    private const string ProviderTypeName = "Orleans.Dashboard.EmbeddedAssetProvider";

    /// <summary>
    /// Replaces Orleans' registration of its asset provider. A version without that type fails the start here rather
    /// than falling back to Orleans' provider: the fallback would bring back the 30 MB unnoticed, while this
    /// message stops the first test run after an upgrade and names what to look at.
    /// </summary>
    public static void Replace(IServiceCollection services)
    {
        var assembly = typeof(DashboardOptions).Assembly;
        var type = assembly.GetType(ProviderTypeName, throwOnError: false)
            ?? throw new InvalidOperationException(
                $"Orleans.Dashboard {VersionOf(assembly)} has no {ProviderTypeName}; the silo's stand-in for it was written against {KnownVersion}. " +
                "Read how this version's MapOrleansDashboard serves its page files and update OrleansAssetProviderStandIn and OrleansDashboardAssets.");

        // Not constructed on purpose: its constructor is what loads every file (see the summary).
        services.Replace(ServiceDescriptor.Singleton(type, RuntimeHelpers.GetUninitializedObject(type)));
    }

    private static string VersionOf(Assembly assembly) =>
        assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? assembly.GetName().Version?.ToString() ?? "(unknown version)";
}

using Ccm.Clustering.Kubernetes.Objects;
using Orleans;
using Orleans.Runtime;

namespace Ccm.Clustering.Kubernetes.Hosting;

/// <summary>Refuses, at silo start, options that would make the API server reject every object name.</summary>
internal sealed class KubernetesObjectOptionsValidator<TOptions>(TOptions options) : IConfigurationValidator
    where TOptions : KubernetesObjectOptions
{
    /// <summary>Enough for a rolling restart of a large cluster; more slots only lengthen the Role.</summary>
    public const int MaxSiloSlots = 1000;

    public void ValidateConfiguration()
    {
        var name = typeof(TOptions).Name;
        if (!IsDnsLabel(options.Namespace))
        {
            throw new OrleansConfigurationException($"{name}.Namespace '{options.Namespace}' is not a valid namespace name (DNS-1123 label).");
        }

        if (options.NamePrefix is { } prefix && !ObjectNamePrefix.IsValid(prefix))
        {
            throw new OrleansConfigurationException(
                $"{name}.NamePrefix '{prefix}' must be lower-case DNS-1123 (a-z, 0-9, '-') of at most {ObjectNamePrefix.MaxLength} characters; '{ObjectNamePrefix.Sanitize(prefix)}' would do.");
        }

        switch (options)
        {
            case KubernetesClusteringOptions { SiloSlots: < 1 or > MaxSiloSlots } clustering:
                throw new OrleansConfigurationException($"{name}.SiloSlots is {clustering.SiloSlots}; it must be between 1 and {MaxSiloSlots}.");
            case KubernetesReminderTableOptions { Buckets: < 1 or > KubernetesReminderTableOptions.MaxBuckets } reminders:
                throw new OrleansConfigurationException($"{name}.Buckets is {reminders.Buckets}; it must be between 1 and {KubernetesReminderTableOptions.MaxBuckets}.");
        }
    }

    private static bool IsDnsLabel(string value) =>
        value.Length is > 0 and <= 63 && ObjectNamePrefix.Sanitize(value) == value;
}

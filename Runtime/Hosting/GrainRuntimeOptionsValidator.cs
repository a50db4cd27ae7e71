using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Ccm.Runtime;

/// <summary>Rejects options the runtime cannot honour, each with its own message (checked when the silo starts).</summary>
public sealed partial class GrainRuntimeOptionsValidator : IValidateOptions<GrainRuntimeOptions>
{
    public ValidateOptionsResult Validate(string? name, GrainRuntimeOptions options)
    {
        var errors = Errors(options);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>Every problem with <paramref name="options"/>; empty when valid.</summary>
    public static IReadOnlyList<string> Errors(GrainRuntimeOptions options)
    {
        var errors = new List<string>();
        if (!IsDnsSubdomain(options.SiloName))
        {
            errors.Add($"silo name '{options.SiloName}' must be a DNS subdomain (lower-case letters, digits, '-', '.'), at most 200 characters");
        }

        if (options.ShardCount is < 1 or > 1000)
        {
            errors.Add($"shard count {options.ShardCount} must be between 1 and 1000");
        }

        Positive(errors, nameof(options.CallTimeout), options.CallTimeout);
        Positive(errors, nameof(options.IdleTimeout), options.IdleTimeout);
        Positive(errors, nameof(options.CollectionQuantum), options.CollectionQuantum);
        Positive(errors, nameof(options.ActivationTimeout), options.ActivationTimeout);
        Positive(errors, nameof(options.DeactivationTimeout), options.DeactivationTimeout);
        Positive(errors, nameof(options.ReconcileTimeout), options.ReconcileTimeout);
        Positive(errors, nameof(options.MinimumReminderPeriod), options.MinimumReminderPeriod);
        Positive(errors, "Retry.BaseDelay", options.Retry.BaseDelay);
        if (options.Retry.MaxDelay < options.Retry.BaseDelay)
        {
            errors.Add($"Retry.MaxDelay {options.Retry.MaxDelay} must not be shorter than Retry.BaseDelay {options.Retry.BaseDelay}");
        }

        if (options.Retry.Jitter is < 0 or >= 1)
        {
            errors.Add($"Retry.Jitter {options.Retry.Jitter} must be in [0, 1)");
        }

        if (options.Leases.LeaderElect)
        {
            LeaseErrors(errors, options.Leases);
        }

        return errors;
    }

    private static void LeaseErrors(List<string> errors, ShardLeaseOptions leases)
    {
        if (!IsDnsSubdomain(leases.ResourceName))
        {
            errors.Add($"lease resource name '{leases.ResourceName}' must be a DNS subdomain");
        }

        if (!IsDnsSubdomain(leases.Namespace))
        {
            errors.Add($"lease namespace '{leases.Namespace}' must be a DNS label");
        }

        // client-go's NewLeaderElector rules: the holder must give up (RenewDeadline) before others may take over
        // (LeaseDuration), and must get more than one retry in before its deadline.
        if (leases.LeaseDuration <= leases.RenewDeadline)
        {
            errors.Add($"lease duration {leases.LeaseDuration} must be greater than renew deadline {leases.RenewDeadline}");
        }

        if (leases.RenewDeadline <= leases.RetryPeriod * 1.2)
        {
            errors.Add($"renew deadline {leases.RenewDeadline} must be greater than 1.2 x retry period {leases.RetryPeriod}");
        }

        Positive(errors, "Leases.RetryPeriod", leases.RetryPeriod);
        if (leases.LeaseDuration < TimeSpan.FromSeconds(1) || leases.LeaseDuration.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            // leaseDurationSeconds is an integer on the wire.
            errors.Add($"lease duration {leases.LeaseDuration} must be a whole number of seconds, at least 1 s");
        }
    }

    private static void Positive(List<string> errors, string name, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            errors.Add($"{name} {value} must be positive");
        }
    }

    private static bool IsDnsSubdomain(string value) => value.Length is > 0 and <= 200 && DnsSubdomain().IsMatch(value);

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial Regex DnsSubdomain();
}

using System.Collections.Immutable;
using Ccm.Silo.Flags;

namespace Ccm.Silo.Options;

public sealed record ValidationOutcome(SiloOptions Options, ImmutableArray<string> Errors);

/// <summary>
/// Rules that involve more than one flag, or the file system. Each error says what to change; adjustments the
/// upstream CCM makes silently are made here too, but with a <see cref="StartupWarning"/>.
/// </summary>
public static class SiloOptionsValidator
{
    /// <summary>client-go's <c>JitterFactor</c>: a renew deadline must leave room for one jittered retry.</summary>
    public const double LeaseJitterFactor = 1.2;

    public static readonly TimeSpan MinimumRouteReconciliationPeriod = TimeSpan.FromMinutes(1);

    /// <param name="options">The options with every flag and default applied.</param>
    /// <param name="given">Names of the flags the user passed (not defaults).</param>
    /// <param name="fileExists">Whether a path names an existing file (a seam for tests).</param>
    public static ValidationOutcome Validate(SiloOptions options, IReadOnlySet<string> given, Func<string, bool> fileExists)
    {
        var errors = ImmutableArray.CreateBuilder<string>();
        var warnings = options.Warnings.ToBuilder();
        if (options.Sandbox)
        {
            options = SandboxListeners(options, given);
        }

        if (options.CloudConfigPath is null && !options.Sandbox)
        {
            errors.Add("--cloud-config is required: point it at the cloud-config file (e.g. --cloud-config=/etc/kubernetes/config/cloud-config.conf), or run with --sandbox to try the product without a cloud account");
        }

        RequireFile("--cloud-config", options.CloudConfigPath);
        if (given.Contains("kubeconfig"))
        {
            RequireFile("--kubeconfig", options.Kubeconfig);
        }
        else if (options.Kubeconfig is null && options.KubeconfigEnvironment is { } list && !list.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).Any(fileExists))
        {
            // $KUBECONFIG may list several files, of which kubectl reads those that exist.
            errors.Add($"$KUBECONFIG: no file of \"{list}\" exists");
        }
        RequireFile("--dashboard-token-file", options.Dashboard.TokenFile);
        RequireFile("--dashboard-basic-auth-file", options.Dashboard.BasicAuthFile);

        if (options.ConfigureCloudRoutes && options.ClusterCidr is null && !options.Sandbox)
        {
            errors.Add("--cluster-cidr is required because --configure-cloud-routes is true (the default): set it to the pod network (e.g. --cluster-cidr=172.20.0.0/16), or pass --configure-cloud-routes=false if the pod network needs no VPC routes");
        }

        var period = options.RouteReconciliationPeriod;
        if (period < MinimumRouteReconciliationPeriod)
        {
            warnings.Add(new StartupWarning("--route-reconciliation-period", $"{GoDuration.Format(period)} is below the minimum; using {GoDuration.Format(MinimumRouteReconciliationPeriod)} (upstream raises it the same way)"));
            period = MinimumRouteReconciliationPeriod;
        }

        errors.AddRange(LeaseTimingErrors(options.LeaderElection));
        errors.AddRange(ListenerConflicts(options));

        var dashboard = options.Dashboard;
        if (!given.Contains("dashboard-auth") && options.Sandbox)
        {
            dashboard = dashboard with { Auth = DashboardAuth.None };
        }

        if (dashboard.Auth == DashboardAuth.Basic && dashboard.BasicAuthFile is null)
        {
            errors.Add("--dashboard-auth=basic needs --dashboard-basic-auth-file=FILE (a file holding user:password)");
        }

        if (options.SandboxDir is not null && !options.Sandbox)
        {
            warnings.Add(new StartupWarning("--sandbox-dir", "has an effect only with --sandbox"));
        }

        if (options.SandboxEmpty && !options.Sandbox)
        {
            warnings.Add(new StartupWarning("--sandbox-empty", "has an effect only with --sandbox"));
        }

        var controllers = options.Controllers.Distinct(StringComparer.Ordinal).ToImmutableArray();
        foreach (var unprovided in controllers.Intersect(FlagTable.UnprovidedControllers))
        {
            warnings.Add(new StartupWarning("--controllers", $"the {unprovided} controller is not provided by this CCM"));
        }

        if (!options.ConfigureCloudRoutes && controllers.Contains("route") && given.Contains("controllers"))
        {
            warnings.Add(new StartupWarning("--controllers", "the route controller does not run because --configure-cloud-routes is false"));
        }

        foreach (var finding in options.FeatureGates.Findings())
        {
            warnings.Add(new StartupWarning("--feature-gates", finding));
        }

        void RequireFile(string flag, string? path)
        {
            if (path is not null && !fileExists(path))
            {
                errors.Add($"{flag}: file \"{path}\" does not exist");
            }
        }

        var validated = options with
        {
            RouteReconciliationPeriod = period,
            Dashboard = dashboard,
            Controllers = [.. controllers.Where(c => FlagTable.ProvidedControllers.Contains(c) && (c != "route" || options.ConfigureCloudRoutes))],
            SiloName = SiloName(options, errors),
            Warnings = warnings.ToImmutable(),
        };
        return new ValidationOutcome(validated, errors.ToImmutable());
    }

    /// <summary>
    /// In the sandbox every listener is on 127.0.0.1 with a free port unless its flag says otherwise (the metrics and
    /// dashboard addresses stay equal, so one listener serves both, as with the defaults).
    /// </summary>
    private static SiloOptions SandboxListeners(SiloOptions options, IReadOnlySet<string> given)
    {
        var loopback = new BindAddress("127.0.0.1", 0);
        return options with
        {
            HealthProbeBindAddress = given.Contains("health-probe-bind-addr") ? options.HealthProbeBindAddress : loopback,
            MetricsBindAddress = given.Contains("metrics-bind-addr") ? options.MetricsBindAddress : loopback,
            DashboardBindAddress = given.Contains("dashboard-bind-addr") ? options.DashboardBindAddress : loopback,
        };
    }

    /// <summary>
    /// The silo's name names its membership Lease, so it must be a DNS subdomain. Given (<c>--silo-name</c>,
    /// <c>$POD_NAME</c>) it is checked; the default is the host name made into one, or <c>sandbox</c> in the sandbox
    /// (so a second silo started by hand on the same host, named after it, does not collide).
    /// </summary>
    private static string SiloName(SiloOptions options, ImmutableArray<string>.Builder errors)
    {
        if (options.SiloName.Length > 0)
        {
            if (!IsDnsSubdomain(options.SiloName))
            {
                errors.Add($"--silo-name: \"{options.SiloName}\" is not allowed: it names a Lease, so use lower-case letters, digits, '-' and '.', starting and ending with a letter or digit (at most 200 characters)");
            }

            return options.SiloName;
        }

        if (options.Sandbox)
        {
            return "sandbox";
        }

        var host = new string([.. Environment.MachineName.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' ? c : '-')]).Trim('-', '.');
        return host.Length == 0 ? "silo" : host[..Math.Min(host.Length, 200)];
    }

    private static bool IsDnsSubdomain(string name) =>
        name.Length is > 0 and <= 200
        && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '.')
        && char.IsAsciiLetterOrDigit(name[0]) && char.IsAsciiLetterOrDigit(name[^1]);

    /// <summary>client-go's rules: lease duration &gt; renew deadline &gt; 1.2 x retry period.</summary>
    public static IEnumerable<string> LeaseTimingErrors(LeaderElectionOptions lease)
    {
        if (lease.LeaseDuration <= lease.RenewDeadline)
        {
            yield return $"--leader-elect-renew-deadline ({GoDuration.Format(lease.RenewDeadline)}) must be shorter than --leader-elect-lease-duration ({GoDuration.Format(lease.LeaseDuration)}), so a holder gives a Lease up before others may take it";
        }

        var minimumDeadline = lease.RetryPeriod * LeaseJitterFactor;
        if (lease.RenewDeadline <= minimumDeadline)
        {
            yield return $"--leader-elect-renew-deadline ({GoDuration.Format(lease.RenewDeadline)}) must be longer than {LeaseJitterFactor} x --leader-elect-retry-period ({GoDuration.Format(lease.RetryPeriod)}) = {GoDuration.Format(minimumDeadline)}, so a renewal can be retried before the deadline";
        }
    }

    /// <summary>Two listeners on one port must be the same address (then one listener serves both) or on distinct specific IPs.</summary>
    private static IEnumerable<string> ListenerConflicts(SiloOptions options)
    {
        var listeners = new (string Flag, BindAddress? Address)[]
        {
            ("--health-probe-bind-addr", options.HealthProbeBindAddress),
            ("--metrics-bind-addr", options.MetricsBindAddress),
            ("--dashboard-bind-addr", options.DashboardBindAddress),
        };
        for (var i = 0; i < listeners.Length; i++)
        {
            for (var j = i + 1; j < listeners.Length; j++)
            {
                var (a, b) = (listeners[i].Address, listeners[j].Address);
                if (a is not null && b is not null && a != b && a.Port == b.Port && a.Port != 0 && (a.IsWildcard || b.IsWildcard))
                {
                    yield return $"{listeners[i].Flag} ({a}) and {listeners[j].Flag} ({b}) would both bind port {a.Port}: give them the same address to share one listener, or use different ports";
                }
            }
        }
    }
}

using System.Collections.Immutable;
using Ccm.Silo.CloudConfiguration;

namespace Ccm.Silo.Options;

/// <summary>
/// The environment variables the upstream CCM reads besides its flags (the sandbox's <c>env</c> file sets the same
/// ones). Values are validated here so a typo fails at start; secrets are never echoed.
/// </summary>
public static class EnvironmentSettings
{
    /// <summary>Variable name and what it does, for <c>--help</c>.</summary>
    public static readonly IReadOnlyList<(string Name, string Help)> Documented =
    [
        ("POD_NAME", "default of --silo-name"),
        ("POD_NAMESPACE", "default of --leader-elect-resource-namespace"),
        ("POD_IP", "this silo's address, shown to other silos and on the dashboard"),
        ("KUBECONFIG", "kubeconfig file(s) used without --kubeconfig and --master when the silo is not in a pod (the pod's service account, /var/run/secrets/kubernetes.io/serviceaccount, comes first)"),
        ("SLB_ENDPOINT, VPC_ENDPOINT, ECS_ENDPOINT", "host[:port] of each OpenAPI, replacing the endpoint chosen by --network and the region"),
        ("ALICLOUD_CLIENT_SCHEME", "http or https (default) for the OpenAPI endpoints"),
        ("METADATA_ENDPOINT", "base URL of the ECS instance metadata service (default http://100.100.100.200)"),
        ("ACCESS_KEY_ID, ACCESS_KEY_SECRET", "a plain-text AccessKey pair, used when the cloud-config has none; otherwise the instance's RAM role is used"),
    ];

    public static SiloOptions Apply(SiloOptions options, Func<string, string?> environment, ImmutableArray<string>.Builder errors)
    {
        string? Read(string name) => environment(name) is { } value && value.Trim().Length > 0 ? value.Trim() : null;

        var scheme = Read("ALICLOUD_CLIENT_SCHEME") ?? "https";
        if (!scheme.Equals("http", StringComparison.OrdinalIgnoreCase) && !scheme.Equals("https", StringComparison.OrdinalIgnoreCase))
        {
            errors.Add($"$ALICLOUD_CLIENT_SCHEME: \"{scheme}\" is not allowed (allowed: http, https)");
        }

        var metadata = Read("METADATA_ENDPOINT");
        if (metadata is not null && !(Uri.TryCreate(metadata, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
        {
            errors.Add($"$METADATA_ENDPOINT: \"{metadata}\" is not an http(s) URL (e.g. http://100.100.100.200)");
        }

        var id = Read("ACCESS_KEY_ID");
        var secret = Read("ACCESS_KEY_SECRET");
        if ((id is null) != (secret is null))
        {
            // Name the variables only: the one that is set may be the secret.
            errors.Add(id is null
                ? "$ACCESS_KEY_SECRET is set but $ACCESS_KEY_ID is not: set both or neither"
                : "$ACCESS_KEY_ID is set but $ACCESS_KEY_SECRET is not: set both or neither");
        }

        return options with
        {
            PodIP = Read("POD_IP"),
            KubeconfigEnvironment = Read("KUBECONFIG"),
            Endpoints = new CloudEndpoints
            {
                Slb = Read("SLB_ENDPOINT"),
                Vpc = Read("VPC_ENDPOINT"),
                Ecs = Read("ECS_ENDPOINT"),
                Metadata = metadata,
                Scheme = scheme.ToLowerInvariant(),
            },
            EnvironmentAccessKey = id is not null && secret is not null ? new CloudCredentials(id, secret) { Source = "environment" } : null,
        };
    }
}

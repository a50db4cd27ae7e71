using Ccm.Silo.CloudConfiguration;
using Ccm.Silo.Options;
using Microsoft.Extensions.Logging;

namespace Ccm.Silo.Hosting;

/// <summary>What the silo says once at start: the effective settings (no secret), ignored flags and warnings.</summary>
internal static class StartupLog
{
    public static void Write(ILogger logger, SiloOptions options, CloudConfig? cloud)
    {
        logger.LogInformation(
            "Silo {SiloName} starting: controllers {Controllers}, cluster CIDR {ClusterCidr}, silo port {SiloPort}, clustered {LeaderElect}, dry run {DryRun}",
            options.SiloName, string.Join(",", options.Controllers), options.ClusterCidr?.ToString() ?? "(none)", options.SiloPort, options.LeaderElection.Enabled, options.DryRun);
        if (cloud is not null)
        {
            var credentials = cloud.AccessKey ?? options.EnvironmentAccessKey;
            logger.LogInformation(
                "Cloud: region {Region}, VPC {VpcId}, route tables {RouteTableIds}, cluster id {ClusterId}, credentials {Credentials}",
                cloud.Region, cloud.VpcId, cloud.RouteTableIds.IsEmpty ? "(the VPC's route table)" : string.Join(",", cloud.RouteTableIds), cloud.ClusterId,
                credentials is null ? "the instance's RAM role" : $"AccessKey {credentials.RedactedId} from {credentials.Source}");
            var budget = new CloudClients.CloudClientOptions();
            budget.ApplyRateLimits(cloud.CloudApiRateLimits);
            budget.ApplyRateLimits(options.CloudApiRateLimits);
            logger.LogInformation("Cloud API budget (client side; changes before resyncs): {RateLimits}", CloudClients.Transport.Budget.CloudRateLimitText.Format(budget.RateLimits));
            foreach (var gap in CloudConfigCompletion.OptionalGaps(cloud))
            {
                logger.LogWarning("Cloud-config field {Field} is unknown (not in the file, not from instance metadata); features that need it will report errors", gap);
            }
        }

        foreach (var ignored in options.IgnoredFlags.DistinctBy(f => f.Flag))
        {
            logger.LogInformation("Ignoring {Flag}={Value}: {Reason}", ignored.Flag, ignored.Value, ignored.Reason);
        }

        foreach (var warning in options.Warnings.Distinct())
        {
            logger.LogWarning("{Subject}: {Warning}", warning.Subject, warning.Message);
        }
    }
}

using Ccm.Silo;
using Ccm.Silo.CloudConfiguration;

// The metadata seam is wired to the CloudClients metadata client when that lands; until then a cloud-config must
// name its region and VPC itself.
return await SiloApp.RunAsync(args, Environment.GetEnvironmentVariable, new UnavailableInstanceMetadata(), Console.Out, Console.Error, CancellationToken.None);

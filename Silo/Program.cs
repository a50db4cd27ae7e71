using Ccm.Silo;

// Cloud-config gaps are filled from the ECS metadata service ($METADATA_ENDPOINT, IMDSv2) when the file leaves them out.
return await SiloApp.RunAsync(args, Environment.GetEnvironmentVariable, metadata: null, Console.Out, Console.Error, CancellationToken.None);

using System.Security.Cryptography;
using Ccm.Sandbox.Aliyun;
using Ccm.Sandbox.Demo;
using Ccm.Sandbox.Kube;
using Microsoft.Extensions.Logging;

namespace Ccm.Silo.SandboxHosting;

/// <summary>
/// Both emulators running in this process on 127.0.0.1 with their demo seeds, and the folder that lets anything
/// join them: <c>kubeconfig</c>, <c>cloud-config.json</c> and <c>env</c>. The AccessKey is made up for this sandbox
/// only; its secret is written base64 into the cloud-config (as upstream) and never printed or logged.
/// </summary>
public sealed class SandboxEnvironment : IAsyncDisposable
{
    public const string KubeconfigFile = "kubeconfig";
    public const string CloudConfigFile = "cloud-config.json";
    public const string EnvFileName = "env";

    private SandboxEnvironment(string folder, AliyunEmulator cloud, KubeEmulator kube)
    {
        Folder = folder;
        Cloud = cloud;
        Kube = kube;
        Environment = SandboxFiles.Endpoints(cloud.BaseAddress);
    }

    public string Folder { get; }

    public AliyunEmulator Cloud { get; }

    public KubeEmulator Kube { get; }

    public string KubeconfigPath => Path.Combine(Folder, KubeconfigFile);

    public string CloudConfigPath => Path.Combine(Folder, CloudConfigFile);

    public string EnvPath => Path.Combine(Folder, EnvFileName);

    /// <summary>The variables of the <c>env</c> file: the OpenAPI and metadata endpoints of the emulator.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; }

    /// <summary>Starts both emulators, writes the folder (created if missing) and, unless told not to, deploys <see cref="DemoApp"/>.</summary>
    public static async Task<SandboxEnvironment> StartAsync(string folder, bool deployDemoApp, ILoggerFactory? emulatorLogs, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var accessKeyId = "LTAI" + RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 20);
        var accessKeySecret = RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 30);
        var cloud = await AliyunEmulator.StartAsync(
            new AliyunEmulatorOptions { AccessKeyId = accessKeyId, AccessKeySecret = accessKeySecret, Seed = SeedKind.Demo, LoggerFactory = emulatorLogs },
            cancellationToken);
        KubeEmulator? kube = null;
        try
        {
            kube = await KubeEmulator.StartAsync(new KubeEmulatorOptions { Seed = SeedKind.Demo, LoggerFactory = emulatorLogs }, cancellationToken);
            var sandbox = new SandboxEnvironment(folder, cloud, kube);
            kube.WriteKubeconfig(sandbox.KubeconfigPath);
            await File.WriteAllTextAsync(sandbox.CloudConfigPath, SandboxFiles.CloudConfig(accessKeyId, accessKeySecret), cancellationToken);
            await File.WriteAllTextAsync(sandbox.EnvPath, SandboxFiles.EnvFile(sandbox.Environment), cancellationToken);
            if (deployDemoApp)
            {
                kube.Objects.Create(DemoApp.Deployment());
                kube.Objects.Create(DemoApp.Service());
            }

            return sandbox;
        }
        catch
        {
            if (kube is not null)
            {
                await kube.DisposeAsync();
            }

            await cloud.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Kube.DisposeAsync();
        await Cloud.DisposeAsync();
    }
}

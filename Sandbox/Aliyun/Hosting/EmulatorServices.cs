using Ccm.Sandbox.Aliyun.Control;
using Ccm.Sandbox.Aliyun.Ecs;
using Ccm.Sandbox.Aliyun.Faults;
using Ccm.Sandbox.Aliyun.Metadata;
using Ccm.Sandbox.Aliyun.Protocol;
using Ccm.Sandbox.Aliyun.Signing;
using Ccm.Sandbox.Aliyun.Slb;
using Ccm.Sandbox.Aliyun.State;
using Ccm.Sandbox.Aliyun.Vpc;

namespace Ccm.Sandbox.Aliyun.Hosting;

/// <summary>Everything one emulator instance holds, wired from its options.</summary>
internal sealed class EmulatorServices
{
    public EmulatorServices(AliyunEmulatorOptions options)
    {
        Settings = EmulatorSettings.From(options);
        Store = new CloudStore(CloudSeed.Build(options.Seed, options.RegionId));
        Credentials = new CredentialStore(options.AccessKeyId, options.AccessKeySecret, options.Clock);
        // A nonce must be remembered as long as a replay could still pass the timestamp check on either side.
        Verifier = new SignatureVerifier(Credentials, new NonceCache(options.MaxClockSkew * 2, options.Clock), Settings);
        Faults = new FaultInjector(options.Clock);
        Calls = new CallLog();
        Cloud = new CloudControl(Store, Settings, options.Seed);
        Sts = new StsCredentialIssuer(Credentials, options.StsCredentialLifetime, options.Clock);
        MetadataTokens = new MetadataTokens(options.Clock);
        Actions = new ActionTable();
        SlbActions.Register(Actions);
        VpcActions.Register(Actions);
        EcsActions.Register(Actions);
    }

    public EmulatorSettings Settings { get; }

    public CloudStore Store { get; }

    public CredentialStore Credentials { get; }

    public SignatureVerifier Verifier { get; }

    public FaultInjector Faults { get; }

    public CallLog Calls { get; }

    public CloudControl Cloud { get; }

    public StsCredentialIssuer Sts { get; }

    public MetadataTokens MetadataTokens { get; }

    public ActionTable Actions { get; }
}

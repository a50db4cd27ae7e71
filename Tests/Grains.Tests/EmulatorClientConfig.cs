using Ccm.Kube.Config;
using Ccm.Sandbox.Kube;

namespace Ccm.Grains.Tests;

/// <summary>
/// Our client's configuration for an in-process Kubernetes emulator: its https address, its CA as the only trusted
/// root and its bearer token, the same three things its kubeconfig carries.
/// </summary>
public static class EmulatorClientConfig
{
    public static KubeClientConfig For(KubeEmulator emulator) => new()
    {
        Server = emulator.BaseAddress,
        BearerToken = emulator.BearerToken is { } token ? new StaticTokenSource(token) : null,
        CertificateAuthorities = emulator.CertificateAuthority is { } authority ? [authority] : null,
        Source = "in-process Kubernetes emulator",
    };
}

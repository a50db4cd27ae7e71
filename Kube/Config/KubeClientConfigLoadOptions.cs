using Microsoft.Extensions.Logging;

namespace Ccm.Kube.Config;

/// <summary>Inputs of <see cref="KubeClientConfigLoader.Load"/>.</summary>
public sealed record KubeClientConfigLoadOptions
{
    /// <summary>The <c>--kubeconfig</c> flag: when set, only this file is read and it must exist.</summary>
    public string? KubeconfigPath { get; init; }

    /// <summary>A context to use instead of the files' <c>current-context</c>.</summary>
    public string? Context { get; init; }

    public IKubeEnvironment Environment { get; init; } = SystemKubeEnvironment.Instance;

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Receives token re-read failures (never the token).</summary>
    public ILogger? Logger { get; init; }
}

namespace Ccm.Kube.Config;

/// <summary>Supplies the bearer token for each request.</summary>
public interface IBearerTokenSource
{
    ValueTask<string> GetTokenAsync(CancellationToken cancellationToken);
}

/// <summary>A fixed token (kubeconfig <c>token</c>). <see cref="ToString"/> never shows it.</summary>
public sealed class StaticTokenSource(string token) : IBearerTokenSource
{
    public ValueTask<string> GetTokenAsync(CancellationToken cancellationToken) => ValueTask.FromResult(token);

    public override string ToString() => "static bearer token (redacted)";
}

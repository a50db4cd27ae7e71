using k8s;
using k8s.KubeConfigModels;

namespace Ccm.Clustering.Kubernetes.Tests.Support;

/// <summary>
/// Client configuration from the kubeconfig the emulator writes. KubernetesClient 21.0.8 refuses a user entry with no
/// credential at all (the emulator writes <c>user: {}</c>, which kubectl reads as anonymous), so such a user reference
/// is dropped before building; a kubeconfig with a token or certificate is taken as it is.
/// </summary>
public static class EmulatorKubeconfig
{
    public static KubernetesClientConfiguration Load(string path)
    {
        var kubeconfig = KubernetesClientConfiguration.LoadKubeConfig(path);
        foreach (var context in kubeconfig.Contexts ?? [])
        {
            var user = kubeconfig.Users?.FirstOrDefault(u => u.Name == context.ContextDetails?.User);
            if (user is not null && IsAnonymous(user.UserCredentials))
            {
                context.ContextDetails!.User = null;
            }
        }

        return KubernetesClientConfiguration.BuildConfigFromConfigObject(kubeconfig);
    }

    private static bool IsAnonymous(UserCredentials? credentials) =>
        credentials is null ||
        (string.IsNullOrEmpty(credentials.Token) && string.IsNullOrEmpty(credentials.UserName) &&
         string.IsNullOrEmpty(credentials.ClientCertificateData) && string.IsNullOrEmpty(credentials.ClientCertificate) &&
         credentials.AuthProvider is null && credentials.ExternalExecution is null);
}

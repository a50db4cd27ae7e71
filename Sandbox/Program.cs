using Ccm.Sandbox.Aliyun;
using Ccm.Sandbox.Kube;

// Standalone emulators. Other tooling depends on these exact command lines:
//   Sandbox aliyun --listen 127.0.0.1:PORT --access-key-id ID --access-key-secret SECRET --seed demo|empty
//   Sandbox kube   --listen 127.0.0.1:PORT --kubeconfig-out FILE --seed demo|empty [--plain-http]
// PORT may be 0; the first line printed names the address actually bound (https:// for kube unless --plain-http).
return args switch
{
    ["aliyun", .. var rest] => await AliyunCommand.RunAsync(rest),
    ["kube", .. var rest] => await KubeCommand.RunAsync(rest),
    ["--help" or "-h" or "help"] => Usage(Console.Out, 0),
    _ => Usage(Console.Error, 2),
};

static int Usage(TextWriter output, int exitCode)
{
    output.WriteLine("""
        usage: Sandbox aliyun --listen 127.0.0.1:PORT --access-key-id ID --access-key-secret SECRET --seed demo|empty
               Sandbox kube   --listen 127.0.0.1:PORT --kubeconfig-out FILE --seed demo|empty [--plain-http]
        Emulators of the Alibaba Cloud OpenAPI (SLB, VPC, ECS, instance metadata) and of the Kubernetes API.
        They listen on loopback only. The Kubernetes one serves HTTPS with a bearer token, as a real API server does;
        its kubeconfig carries the CA and the token. `Sandbox kube --help` says more.
        """);
    return exitCode;
}

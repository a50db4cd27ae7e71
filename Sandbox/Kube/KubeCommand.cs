using System.Runtime.InteropServices;
using Ccm.Sandbox.Demo;
using Microsoft.Extensions.Logging;

namespace Ccm.Sandbox.Kube;

/// <summary>
/// <c>Sandbox kube --listen 127.0.0.1:PORT --kubeconfig-out FILE --seed demo|empty [--plain-http]</c>. Writes the
/// kubeconfig (CA and token inline), then prints exactly <c>kube emulator listening on https://127.0.0.1:PORT</c>
/// (<c>http://</c> with <c>--plain-http</c>) as its first stdout line (tools parse it), and serves until SIGTERM or
/// Ctrl-C. Logs go to stderr. Bad arguments and non-loopback addresses exit with code 2.
/// </summary>
public static class KubeCommand
{
    private const string Usage = """
        usage: Sandbox kube --listen 127.0.0.1:PORT --kubeconfig-out FILE --seed demo|empty [--plain-http]
          Serves HTTPS with a CA made at start and a random bearer token, like a real API server; the kubeconfig
          written to FILE carries both (certificate-authority-data, token) and works as is with kubectl and clients.
          --plain-http  for debugging only: plain HTTP with no authentication (the old insecure port); the kubeconfig
                        then has user: {}
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        KubeCommandLine commandLine;
        if (args.Any(a => a is "--help" or "-h"))
        {
            Console.Out.WriteLine(Usage);
            return 0;
        }

        try
        {
            commandLine = KubeCommandLine.Parse(args);
            Hosting.ListenAddress.Parse(commandLine.Listen);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine($"kube: {e.Message}");
            Console.Error.WriteLine(Usage);
            return 2;
        }

        using var loggers = LoggerFactory.Create(logging => logging
            .SetMinimumLevel(LogLevel.Warning)
            .AddSimpleConsole(console => console.SingleLine = true)
            .AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace));
        using var stop = new CancellationTokenSource();
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);

        await using var emulator = await KubeEmulator.StartAsync(new KubeEmulatorOptions
        {
            Listen = commandLine.Listen,
            Seed = commandLine.Seed,
            PlainHttp = commandLine.PlainHttp,
            LoggerFactory = loggers,
        });
        if (commandLine.KubeconfigOut is { } path)
        {
            emulator.WriteKubeconfig(path);
        }

        Console.Out.WriteLine($"kube emulator listening on {emulator.BaseAddress.GetLeftPart(UriPartial.Authority)}");
        Console.Out.Flush();
        await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        return 0;

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.Cancel();
        }
    }
}

/// <summary>The parsed command line; <c>--flag value</c> and <c>--flag=value</c> both work.</summary>
internal sealed record KubeCommandLine(string Listen, string? KubeconfigOut, SeedKind Seed, bool PlainHttp)
{
    public static KubeCommandLine Parse(IReadOnlyList<string> args)
    {
        string listen = "127.0.0.1:0";
        string? kubeconfig = null;
        var seed = SeedKind.Demo;
        var plainHttp = false;
        for (var i = 0; i < args.Count; i++)
        {
            var (flag, inline) = args[i].Split('=', 2) is [var f, var v] ? (f, v) : (args[i], null);
            if (flag == "--plain-http")
            {
                plainHttp = inline is null or "true" ? true : inline == "false" ? false
                    : throw new ArgumentException($"--plain-http takes no value (or =true/=false), got \"{inline}\"");
                continue;
            }

            string Value() => inline ?? (i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{flag} needs a value"));
            switch (flag)
            {
                case "--listen":
                    listen = Value();
                    break;
                case "--kubeconfig-out":
                    kubeconfig = Value();
                    break;
                case "--seed":
                    var value = Value();
                    seed = value switch
                    {
                        "demo" => SeedKind.Demo,
                        "empty" => SeedKind.Empty,
                        _ => throw new ArgumentException($"--seed must be demo or empty, got \"{value}\""),
                    };
                    break;
                default:
                    throw new ArgumentException($"unknown argument \"{args[i]}\"");
            }
        }

        return new KubeCommandLine(listen, kubeconfig, seed, plainHttp);
    }
}

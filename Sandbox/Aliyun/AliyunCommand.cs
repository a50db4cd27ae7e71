using System.Globalization;
using System.Runtime.InteropServices;
using Ccm.Sandbox.Aliyun.Hosting;
using Ccm.Sandbox.Demo;
using Microsoft.Extensions.Logging;

namespace Ccm.Sandbox.Aliyun;

/// <summary>
/// <c>Sandbox aliyun --listen 127.0.0.1:PORT --access-key-id ID --access-key-secret SECRET --seed demo|empty</c>.
/// The first stdout line is exactly <c>aliyun emulator listening on http://127.0.0.1:&lt;port&gt;</c> (tests parse it);
/// logs go to stderr. Bad arguments or a non-loopback <c>--listen</c> exit with code 2; SIGTERM or Ctrl-C stop it cleanly (0).
/// Optional tuning: <c>--route-entry-delay-ms N</c>, <c>--eip-delay-ms N</c>, <c>--sts-lifetime-seconds N</c>,
/// <c>--require-metadata-token</c>.
/// </summary>
public static class AliyunCommand
{
    private const string Usage =
        "usage: Sandbox aliyun --listen 127.0.0.1:PORT --access-key-id ID --access-key-secret SECRET --seed demo|empty\n"
        + "                      [--route-entry-delay-ms N] [--eip-delay-ms N] [--sts-lifetime-seconds N] [--require-metadata-token]";

    public static async Task<int> RunAsync(string[] args)
    {
        AliyunEmulatorOptions options;
        if (args.Any(a => a is "--help" or "-h"))
        {
            Console.Out.WriteLine(Usage);
            return 0;
        }

        try
        {
            options = Parse(args);
            ListenAddress.Parse(options.Listen);
        }
        catch (ArgumentException error)
        {
            Console.Error.WriteLine("aliyun: " + error.Message.Split(" (Parameter", 2)[0]);
            Console.Error.WriteLine(Usage);
            return 2;
        }

        using var loggerFactory = LoggerFactory.Create(logging => logging
            .SetMinimumLevel(LogLevel.Warning)
            .AddSimpleConsole(console => console.SingleLine = true)
            .AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace));
        var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);

        await using var emulator = await AliyunEmulator.StartAsync(options with { LoggerFactory = loggerFactory });
        Console.Out.WriteLine("aliyun emulator listening on " + emulator.BaseAddress.GetLeftPart(UriPartial.Authority));
        Console.Out.Flush();
        await stopped.Task;
        return 0;

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stopped.TrySetResult();
        }
    }

    private static AliyunEmulatorOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var flags = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            var (name, value) = args[i].Split('=', 2) is [var n, var v] ? (n, v) : (args[i], (string?)null);
            switch (name)
            {
                case "--require-metadata-token":
                    flags.Add(name);
                    break;
                case "--listen" or "--access-key-id" or "--access-key-secret" or "--seed" or "--route-entry-delay-ms" or "--eip-delay-ms"
                    or "--sts-lifetime-seconds":
                    values[name] = value ?? (i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{name} needs a value"));
                    break;
                default:
                    throw new ArgumentException($"unknown argument \"{args[i]}\"");
            }
        }

        return new AliyunEmulatorOptions
        {
            Listen = Required(values, "--listen"),
            AccessKeyId = Required(values, "--access-key-id"),
            AccessKeySecret = Required(values, "--access-key-secret"),
            Seed = Required(values, "--seed") switch
            {
                "demo" => SeedKind.Demo,
                "empty" => SeedKind.Empty,
                var other => throw new ArgumentException($"--seed must be demo or empty, got \"{other}\""),
            },
            RouteEntryPendingDelay = TimeSpan.FromMilliseconds(Number(values, "--route-entry-delay-ms", 300)),
            EipTransitionDelay = TimeSpan.FromMilliseconds(Number(values, "--eip-delay-ms", 300)),
            StsCredentialLifetime = TimeSpan.FromSeconds(Number(values, "--sts-lifetime-seconds", 6 * 3600)),
            RequireMetadataToken = flags.Contains("--require-metadata-token"),
        };
    }

    private static string Required(Dictionary<string, string> values, string name) =>
        values.TryGetValue(name, out var value) && value.Length > 0 ? value : throw new ArgumentException($"{name} is required");

    private static int Number(Dictionary<string, string> values, string name, int defaultValue) =>
        !values.TryGetValue(name, out var text) ? defaultValue
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n
        : throw new ArgumentException($"{name} must be a non-negative number, got \"{text}\"");
}

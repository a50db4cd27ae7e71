using System.Globalization;
using Ccm.CloudClients.Transport;

namespace Ccm.Bench;

/// <summary><c>aliyun-throughput [--seconds N] [--concurrency N] [--signature v2|v3|both]</c>.</summary>
internal sealed record ThroughputSettings(TimeSpan Duration, TimeSpan Warmup, int Concurrency, IReadOnlyList<SignatureVersion> Versions)
{
    public static ThroughputSettings Parse(string[] args)
    {
        var seconds = 10;
        var concurrency = 32;
        IReadOnlyList<SignatureVersion> versions = [SignatureVersion.V3, SignatureVersion.V2];
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--seconds":
                    seconds = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
                    break;
                case "--concurrency":
                    concurrency = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
                    break;
                case "--signature":
                    versions = args[i + 1] switch
                    {
                        "v2" => [SignatureVersion.V2],
                        "v3" => [SignatureVersion.V3],
                        _ => [SignatureVersion.V3, SignatureVersion.V2],
                    };
                    break;
                default:
                    throw new ArgumentException($"unknown option {args[i]}; use --seconds N, --concurrency N, --signature v2|v3|both");
            }
        }

        return new ThroughputSettings(TimeSpan.FromSeconds(seconds), TimeSpan.FromSeconds(2), concurrency, versions);
    }
}

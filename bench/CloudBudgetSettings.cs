using System.Globalization;

namespace Ccm.Bench;

/// <summary><c>cloud-budget [--resync N] [--qps R]</c>: N resync callers, the emulator's throttle at R calls/s.</summary>
internal sealed record CloudBudgetSettings(int Resyncs, double Qps)
{
    public static CloudBudgetSettings Parse(string[] args)
    {
        var resyncs = 200;
        var qps = 20.0;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--resync":
                    resyncs = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
                    break;
                case "--qps":
                    qps = double.Parse(args[i + 1], CultureInfo.InvariantCulture);
                    break;
                default:
                    throw new ArgumentException($"unknown option {args[i]}; use --resync N, --qps R");
            }
        }

        return new CloudBudgetSettings(resyncs, qps);
    }
}

using Ccm.Silo.Options;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Console;

namespace Ccm.Silo.Hosting;

/// <summary>
/// Logging as the flags ask: <c>--v</c> mapped onto levels the way klog's verbosity reads, <c>--log-format</c> text or
/// JSON, one entry per line on standard error (like klog, which keeps standard output for what a user runs the
/// command to see, such as the sandbox's URLs).
/// </summary>
public static class SiloLogging
{
    private const string Timestamp = "yyyy-MM-ddTHH:mm:ss.fffZ";

    /// <summary>0-1 information, 2-3 debug, 4 and above trace.</summary>
    public static LogLevel MinimumLevel(int verbosity) => verbosity switch
    {
        <= 1 => LogLevel.Information,
        <= 3 => LogLevel.Debug,
        _ => LogLevel.Trace,
    };

    public static void Configure(ILoggingBuilder logging, SiloOptions options)
    {
        logging.ClearProviders();
        logging.SetMinimumLevel(MinimumLevel(options.Verbosity));
        if (options.Verbosity < 4)
        {
            // ASP.NET Core logs two lines per request at Information: every probe would flood the log.
            logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
            logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Warning);

            // Orleans logs its options, every placement (through Polly) and each membership step at Information; the
            // silo logs what an operator needs of those itself (membership changes, failures). -v 4 shows them all.
            logging.AddFilter("Orleans", LogLevel.Warning);
            logging.AddFilter("Polly", LogLevel.Warning);
        }

        if (options.LogFormat == LogFormat.Json)
        {
            logging.AddJsonConsole(json =>
            {
                json.UseUtcTimestamp = true;
                json.TimestampFormat = Timestamp;
                json.IncludeScopes = true;
            });
        }
        else
        {
            logging.AddSimpleConsole(text =>
            {
                text.SingleLine = true;
                text.UseUtcTimestamp = true;
                text.TimestampFormat = Timestamp + " ";
                text.ColorBehavior = LoggerColorBehavior.Disabled;
            });
        }

        logging.Services.Configure<ConsoleLoggerOptions>(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
    }
}

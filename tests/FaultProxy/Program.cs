using System.Runtime.InteropServices;

namespace IntegrationTools.FaultProxy;

/// <summary>
/// The proxy as a process: <c>dotnet FaultProxy.dll --upstream URL [options]</c>. It listens on a free 127.0.0.1 port,
/// prints its endpoint (one line, <c>http://127.0.0.1:PORT</c>) when it is ready, and runs until its standard input
/// closes or it gets SIGTERM or SIGINT. Exit codes: 0 after a normal stop, 2 for a bad command line, 1 when it could
/// not start.
/// </summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        string upstream;
        FaultOptions options;
        try
        {
            if (args.Any(a => a is "-h" or "--help" or "-?"))
            {
                Console.Out.Write(Usage());
                return 0;
            }
            (upstream, options) = Parse(args);
        }
        catch (FormatException ex)
        {
            Console.Error.WriteLine($"FaultProxy: {ex.Message} (--help lists the options)");
            return 2;
        }

        FaultProxyServer proxy;
        try
        {
            proxy = await FaultProxyServer.StartAsync(upstream, options);
        }
        catch (Exception ex)
        {
            Console.Error.WriteLine($"FaultProxy: could not start: {ex.Message}");
            return 1;
        }
        await using (proxy)
        {
            var stop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            void OnSignal(PosixSignalContext context)
            {
                context.Cancel = true; // stop cleanly below instead of being killed
                stop.TrySetResult();
            }
            using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
            using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
            // Whoever started the proxy holds its standard input; when that closes (on purpose, or because the parent
            // died), the proxy stops, so it never outlives the tests that use it.
            var inputClosed = Task.Factory.StartNew(() =>
            {
                using var input = Console.OpenStandardInput();
                var buffer = new byte[512];
                while (input.Read(buffer, 0, buffer.Length) > 0)
                {
                }
            }, TaskCreationOptions.LongRunning);

            Console.Out.WriteLine(proxy.Endpoint);
            Console.Out.Flush();
            await Task.WhenAny(stop.Task, inputClosed);
        }
        return 0;
    }

    /// <summary>The upstream and the options of a command line; a <see cref="FormatException"/> says what is wrong.</summary>
    internal static (string Upstream, FaultOptions Options) Parse(IReadOnlyList<string> args)
    {
        string? upstream = null;
        var options = new FaultOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            string Value()
            {
                if (i + 1 >= args.Count) throw new FormatException($"{arg} needs a value.");
                return args[++i];
            }

            if (arg == "--upstream")
            {
                upstream = Value();
                continue;
            }
            if (arg == "--no-throttle")
            {
                options = options with { Throttle = false };
                continue;
            }
            var setting = FaultOptions.Settings.FirstOrDefault(s => s.Flag == arg)
                ?? throw new FormatException($"unknown option '{arg}'.");
            options = setting.Apply(options, setting.IsFlag ? "true" : Value());
        }
        if (upstream == null) throw new FormatException("--upstream URL is required (the server to forward to, e.g. moto's http://127.0.0.1:5000).");
        if (!Uri.TryCreate(upstream, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            throw new FormatException($"--upstream must be an absolute http:// or https:// URL, not '{upstream}'.");
        if (options.Problem() is { } problem) throw new FormatException(problem);
        return (upstream, options);
    }

    private static string Usage() =>
        "Usage: dotnet FaultProxy.dll --upstream URL [options]\n" +
        "A throttle-and-fault proxy on a free 127.0.0.1 port. Prints its endpoint when ready; stops when standard input\n" +
        "closes, or on SIGTERM/SIGINT. Rates are fractions of requests (0.1 = 10 %) and together at most 1.\n" +
        "Options:\n" +
        FaultOptions.Usage() +
        "Throttling and faults apply to requests signed for apigateway, with one token bucket per region and access key id\n" +
        "(the SigV4 credential scope; API Gateway's quota is per account and region); other services (STS) pass untouched.\n" +
        "The latency is added to every request, each on its own, so requests in flight overlap.\n" +
        $"Admin endpoints (JSON): GET {FaultProxyServer.AdminPrefix}/counts, GET {FaultProxyServer.AdminPrefix}/buckets, GET {FaultProxyServer.AdminPrefix}/log, " +
        $"GET|POST {FaultProxyServer.AdminPrefix}/options, POST {FaultProxyServer.AdminPrefix}/reset\n";
}

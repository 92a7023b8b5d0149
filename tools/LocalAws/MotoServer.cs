using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace IntegrationTools.LocalAws;

/// <summary>
/// A moto server (python -m moto.server) on a free loopback port: the local API Gateway v1/v2 control plane the
/// tests, the quickstart and the benchmarks run against. Started by process, waited for until it answers,
/// stopped by its process id.
/// </summary>
public sealed class MotoServer : IDisposable
{
    public const string PythonVariable = "MOTO_PYTHON";
    private readonly Process _process;
    private readonly List<string> _log = [];

    private MotoServer(Process process, int port, string python)
    {
        _process = process;
        Port = port;
        Python = python;
        Endpoint = $"http://127.0.0.1:{port}";
    }

    public int Port { get; }

    public string Endpoint { get; }

    public string Python { get; }

    /// <summary>The server's own output so far (for failure messages).</summary>
    public string Log
    {
        get { lock (_log) return string.Join(Environment.NewLine, _log.TakeLast(40)); }
    }

    public static MotoServer Start(TimeSpan? startupTimeout = null)
    {
        var python = Tools.FindMotoPython()
            ?? throw new InvalidOperationException(
                "No Python interpreter with moto was found (tried $MOTO_PYTHON, the pyenv interpreters and python3 on PATH). " +
                "Install it with: python3 -m pip install \"moto[server]\"  (then set MOTO_PYTHON to that python if it is not on PATH).");
        var port = FreePort();
        var info = new ProcessStartInfo(python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "-m", "moto.server", "-H", "127.0.0.1", "-p", port.ToString() }) info.ArgumentList.Add(arg);
        var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {python} -m moto.server.");
        var server = new MotoServer(process, port, python);
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            server.WaitUntilReady(startupTimeout ?? TimeSpan.FromSeconds(60));
        }
        catch
        {
            server.Dispose();
            throw;
        }
        return server;
    }

    /// <summary>Forgets every resource moto holds (POST /moto-api/reset).</summary>
    public void Reset()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        http.PostAsync(Endpoint + "/moto-api/reset", null).GetAwaiter().GetResult().EnsureSuccessStatusCode();
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        _process.Dispose();
    }

    private void WaitUntilReady(TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"moto exited with code {_process.ExitCode} before it answered:{Environment.NewLine}{Log}");
            try
            {
                var response = http.GetAsync(Endpoint + "/moto-api/data.json").GetAwaiter().GetResult();
                if (response.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Not answering yet.
            }
            Thread.Sleep(200);
        }
        throw new TimeoutException($"moto did not answer on {Endpoint} within {timeout.TotalSeconds:0} s:{Environment.NewLine}{Log}");
    }

    private void Append(string? line)
    {
        if (line == null) return;
        lock (_log) _log.Add(line);
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}

using System.Collections;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using IntegrationTools.FaultProxy;
using IntegrationTools.LocalAws;

/// <summary>
/// The bulk applies of issue 13, each through a fault proxy that enforces API Gateway's management quota (10 requests
/// a second, a burst of 40, per region and access key) and adds 200 ms to every request (a realistic round trip to the
/// management API), in front of moto, with the cmdlets' default pace. Each scenario gets a proxy of its own (a full
/// burst, its own counts); the proxy's counts of apigateway requests give the requests per definition (the one STS
/// GetCallerIdentity of the pacing is shown apart). The floor is what the quota allows for new work:
/// (N - burst) / rate seconds.
/// </summary>
internal static class BulkUnderQuota
{
    private const int Items = 300;
    private const double Rate = 10, Burst = 40;
    private static readonly TimeSpan Latency = TimeSpan.FromMilliseconds(200);
    private static readonly string[] Regions = ["us-east-1", "us-west-2", "eu-west-1"];

    public static async Task RunAsync(HostedPowerShell ps, string modulePath, string motoEndpoint)
    {
        var floor = (Items - Burst) / Rate;
        Console.WriteLine($"Bulk applies under the quota ({Rate:0} requests/s, burst {Burst:0}) with {Latency.TotalMilliseconds:0} ms added per request, {Items} definitions each; floor for new work {floor:0.0} s");
        using var moto = new MotoApi(motoEndpoint);

        // Setup, straight to moto: a REST API with 300 resources, each with a GET method; HTTP APIs in three regions.
        var setup = Stopwatch.StartNew();
        var restApi = moto.CreateRestApi("bulk-rest", Regions[0]);
        var root = moto.RootResource(restApi, Regions[0]);
        for (var i = 0; i < Items; i++)
        {
            var resource = moto.CreateResource(restApi, root, $"r{i}", Regions[0]);
            moto.PutMethod(restApi, resource, "GET", Regions[0]);
        }
        var httpApis = Regions.ToDictionary(r => r, r => moto.CreateHttpApi($"bulk-http-{r}", r));
        var httpApi = moto.CreateHttpApi("bulk-http-one", Regions[0]);
        Console.WriteLine($"  (setup on moto: {Items} resources with a method, 4 HTTP APIs, {setup.Elapsed.TotalSeconds:0.0} s)");

        var restDefinitions = Enumerable.Range(0, Items).Select(i => new Hashtable
        {
            ["RestApiId"] = restApi, ["ResourcePath"] = $"/r{i}", ["HttpMethod"] = "GET", ["Type"] = "HTTP_PROXY",
            ["IntegrationHttpMethod"] = "GET", ["Uri"] = $"https://rest{i}.example.com/",
        }).ToArray();
        Hashtable[] HttpDefinitions(string tag) => Enumerable.Range(0, Items).Select(i => new Hashtable
        {
            ["IntegrationType"] = "HTTP_PROXY", ["IntegrationMethod"] = "ANY", ["IntegrationUri"] = $"https://{tag}{i}.example.com", ["PayloadFormatVersion"] = "1.0",
        }).ToArray();
        var httpDefinitions = HttpDefinitions("bulk");

        // (a) 300 new REST definitions on 300 resources.
        var restNew = await RunAsync(ps, motoEndpoint, "$Items | Set-RestIntegration -EndpointUrl $Endpoint", restDefinitions, new());
        Line("(a) REST new, Set-RestIntegration", restNew, Items, newWork: true,
            $"target <= 1.10x the floor, <= 1.02 requests/definition, 0 errors; {Outcomes(restNew.Result)}");

        // (b) 300 new HTTP API definitions (distinct backends) on one API.
        var httpNew = await RunAsync(ps, motoEndpoint, "$Items | New-ApiIntegration -ApiId $ApiId -EndpointUrl $Endpoint", httpDefinitions, new() { ["ApiId"] = httpApi });
        Line("(b) HTTP new, New-ApiIntegration", httpNew, Items, newWork: true,
            $"target <= 1.10x the floor, <= 1.02 requests/definition, 0 errors; {moto.IntegrationCount(httpApi, Regions[0])} integrations on the API");

        // (c) The same 300 of each again: everything is Unchanged.
        var restAgain = await RunAsync(ps, motoEndpoint, "$Items | Set-RestIntegration -EndpointUrl $Endpoint", restDefinitions, new());
        Line("(c) REST re-apply, Set-RestIntegration", restAgain, Items, newWork: false,
            $"target <= 5 requests for the API, no writes, <= 2 s; {restAgain.Requests} requests for 1 API; {Outcomes(restAgain.Result)}");
        var httpAgain = await RunAsync(ps, motoEndpoint, "$Items | Set-ApiIntegration -ApiId $ApiId -EndpointUrl $Endpoint", httpDefinitions, new() { ["ApiId"] = httpApi });
        Line("(c) HTTP re-apply, Set-ApiIntegration", httpAgain, Items, newWork: false,
            $"target <= 5 requests for the API, no writes, <= 2 s; {httpAgain.Requests} requests for 1 API; {Outcomes(httpAgain.Result)}; {moto.IntegrationCount(httpApi, Regions[0])} integrations on the API");

        // (d) Three regions in parallel (ForEach-Object -Parallel, one runspace per region, one process), each 300 new
        //     HTTP API definitions, against one region's time (b).
        var perRegion = Regions.ToDictionary(r => r, r => (object)HttpDefinitions($"{r}-"));
        var three = await RunAsync(ps, motoEndpoint, """
            $Targets | ForEach-Object -ThrottleLimit 3 -Parallel {
                Import-Module -Name $using:ModulePath
                $target = $_
                $items = ($using:PerRegion)[$target.Region]
                $errs = @()
                $clock = [System.Diagnostics.Stopwatch]::StartNew()
                $out = $items | New-ApiIntegration -ApiId $target.ApiId -Region $target.Region -EndpointUrl $using:Endpoint -ErrorVariable +errs -ErrorAction SilentlyContinue
                [pscustomobject]@{ Region = $target.Region; Outputs = @($out).Count; Errors = @($errs).Count; Seconds = $clock.Elapsed.TotalSeconds }
            }
            """, [], new()
        {
            ["Targets"] = Regions.Select(r => PSObjectOf(new() { ["Region"] = r, ["ApiId"] = httpApis[r] })).ToArray(),
            ["PerRegion"] = new Hashtable(perRegion), ["ModulePath"] = modulePath,
        });
        var regionRows = three.Result.Output.Select(o => (
            Region: (string)o.Properties["Region"].Value, Outputs: Convert.ToInt32(o.Properties["Outputs"].Value, CultureInfo.InvariantCulture),
            Errors: Convert.ToInt32(o.Properties["Errors"].Value, CultureInfo.InvariantCulture), Seconds: Convert.ToDouble(o.Properties["Seconds"].Value, CultureInfo.InvariantCulture))).ToList();
        var threeErrors = regionRows.Sum(r => r.Errors) + three.Result.Errors.Count;
        var created = Regions.Sum(r => moto.IntegrationCount(httpApis[r], r));
        Report("(d) 3 regions in parallel, HTTP new", $"{three.Seconds / httpNew.Seconds:0.00}x one region",
            $"target <= 1.2x one region; {three.Seconds:0.0} s for 3 x {Items} against {httpNew.Seconds:0.0} s for one region (b); floor per region {floor:0.0} s; " +
            $"{(double)three.Requests / (Regions.Length * Items):0.00} requests/definition; {threeErrors} errors; {created} integrations created; {three.Throttled} throttled; " +
            string.Join(", ", regionRows.OrderBy(r => Array.IndexOf(Regions, r.Region)).Select(r => $"{r.Region} {r.Seconds:0.0} s ({r.Outputs} out, {r.Errors} errors)")));
    }

    private sealed record Run(ScriptResult Result, double Seconds, int Requests, int Throttled, int Passed);

    /// <summary>Runs a pipeline through a new proxy (full burst, counts from zero) and reads the proxy's counts.</summary>
    private static async Task<Run> RunAsync(HostedPowerShell ps, string upstream, string script, object[] items, Dictionary<string, object?> variables)
    {
        await using var proxy = await FaultProxyServer.StartAsync(upstream, new FaultOptions { RatePerSecond = Rate, Burst = Burst, Latency = Latency });
        variables["Items"] = items;
        variables["Endpoint"] = proxy.Endpoint;
        var watch = Stopwatch.StartNew();
        var result = ps.Run(script, variables);
        watch.Stop();
        var counts = proxy.Counts;
        var passed = counts.GetValueOrDefault("passed");
        var requests = counts.Where(c => c.Key != "passed").Sum(c => c.Value);
        return new Run(result, watch.Elapsed.TotalSeconds, requests, counts.GetValueOrDefault("throttled"), passed);
    }

    private static void Line(string what, Run run, int items, bool newWork, string detail)
    {
        var floor = (items - Burst) / Rate;
        var errors = run.Result.Errors.Count + (run.Result.Terminating == null ? 0 : 1);
        var figure = newWork ? $"{run.Seconds / floor:0.00}x the floor" : $"{run.Seconds:0.0} s";
        var timing = newWork ? $"{run.Seconds:0.0} s against a floor of {floor:0.0} s" : $"{run.Seconds:0.0} s";
        Report(what, figure,
            $"{timing}; {(double)run.Requests / items:0.00} requests/definition ({run.Requests} API Gateway requests, {run.Throttled} throttled by the proxy, " +
            $"{run.Passed} STS); {run.Result.Output.Count} outputs, {errors} errors{(run.Result.Terminating == null ? "" : $" (stopped: {run.Result.Terminating.Message})")}; {detail}");
    }

    private static string Outcomes(ScriptResult result) =>
        string.Join(", ", result.Output.GroupBy(o => o.Properties["Outcome"]?.Value?.ToString() ?? "?").OrderBy(g => g.Key).Select(g => $"{g.Count()} {g.Key}"));

    private static void Report(string what, string figure, string detail) => Console.WriteLine($"{what,-44} {figure,20}   ({detail})");

    private static System.Management.Automation.PSObject PSObjectOf(Dictionary<string, object> properties)
    {
        var o = new System.Management.Automation.PSObject();
        foreach (var (name, value) in properties) o.Properties.Add(new System.Management.Automation.PSNoteProperty(name, value));
        return o;
    }

    /// <summary>
    /// moto's API Gateway API, called directly for the setup and the checks: fast, and in any region (moto reads the
    /// region from the credential scope of the Authorization header; it does not check signatures).
    /// </summary>
    private sealed class MotoApi(string endpoint) : IDisposable
    {
        private readonly HttpClient _http = new() { BaseAddress = new Uri(endpoint) };

        public string CreateRestApi(string name, string region) =>
            Send("POST", "/restapis", $$"""{"name":"{{name}}"}""", region)["id"]!.GetValue<string>();

        public string RootResource(string api, string region) =>
            Send("GET", $"/restapis/{api}/resources", null, region)["item"]!.AsArray().First(r => r!["path"]!.GetValue<string>() == "/")!["id"]!.GetValue<string>();

        public string CreateResource(string api, string parent, string pathPart, string region) =>
            Send("POST", $"/restapis/{api}/resources/{parent}", $$"""{"pathPart":"{{pathPart}}"}""", region)["id"]!.GetValue<string>();

        public void PutMethod(string api, string resource, string method, string region) =>
            Send("PUT", $"/restapis/{api}/resources/{resource}/methods/{method}", """{"authorizationType":"NONE"}""", region);

        public string CreateHttpApi(string name, string region) =>
            Send("POST", "/v2/apis", $$"""{"name":"{{name}}","protocolType":"HTTP"}""", region)["apiId"]!.GetValue<string>();

        public int IntegrationCount(string api, string region) => Send("GET", $"/v2/apis/{api}/integrations", null, region)["items"]?.AsArray().Count ?? 0;

        private JsonNode Send(string method, string path, string? body, string region)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path);
            request.Headers.TryAddWithoutValidation("Authorization",
                $"AWS4-HMAC-SHA256 Credential=testing/20250101/{region}/apigateway/aws4_request, SignedHeaders=host, Signature=0");
            if (body != null) request.Content = new StringContent(body, Encoding.UTF8, "application/json");
            using var response = _http.Send(request);
            var text = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
            if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"moto: {method} {path} answered {(int)response.StatusCode}: {text}");
            return JsonNode.Parse(string.IsNullOrWhiteSpace(text) ? "{}" : text)!;
        }

        public void Dispose() => _http.Dispose();
    }
}

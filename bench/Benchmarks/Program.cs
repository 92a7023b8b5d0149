using System.Collections;
using System.Diagnostics;
using System.Text.Json.Nodes;
using IntegrationTools.FaultProxy;
using IntegrationTools.LocalAws;
using IntegrationTools.Rules;
using IntegrationTools.Validation;
using IntegrationTools.Definitions;

// Usage: Benchmarks [count] [--no-aws] [--bulk-only]
//   count        definitions for the rule catalog and Test-ApiIntegration (default 100000)
//   --no-aws     skips the moto and AWS CLI parts
//   --bulk-only  only the bulk applies under the quota with latency (issue-13 figures), against moto
var count = args.FirstOrDefault(a => int.TryParse(a, out _)) is { } c ? int.Parse(c) : 100_000;
var withAws = !args.Contains("--no-aws");
var bulkOnly = args.Contains("--bulk-only");
if (bulkOnly && !withAws)
{
    Console.Error.WriteLine("--bulk-only runs against moto; it cannot be combined with --no-aws.");
    return 2;
}
Console.WriteLine($"IntegrationTools benchmarks, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
Console.WriteLine($".NET {Environment.Version}, {Environment.ProcessorCount} cores, {(Debugger.IsAttached ? "debugger attached" : "no debugger")}");
Console.WriteLine();

var module = Path.Combine(RepositoryRoot.Find(), "out", "IntegrationTools", "IntegrationTools.psd1");
if (!File.Exists(module))
{
    Console.Error.WriteLine($"{module} is missing: run ./build.sh first (./benchmark.sh does).");
    return 1;
}

// 1. Cold Import-Module: the first import in this process (the engine's runspace is open already, as in a console).
using var ps = new HostedPowerShell();
ps.Run("$null = Get-Command Get-Command").ThrowIfFailed();
var importWatch = Stopwatch.StartNew();
ps.Run("Import-Module -Name $ModulePath", new Dictionary<string, object?> { ["ModulePath"] = module }).ThrowIfFailed();
importWatch.Stop();
using (var second = new HostedPowerShell())
{
    var warm = Stopwatch.StartNew();
    second.Run("Import-Module -Name $ModulePath", new Dictionary<string, object?> { ["ModulePath"] = module }).ThrowIfFailed();
    warm.Stop();
    Report("Import-Module (cold)", $"{importWatch.Elapsed.TotalSeconds:0.000} s", $"target <= 0.300 s; a second runspace in the same process: {warm.Elapsed.TotalSeconds:0.000} s");
}

if (bulkOnly)
{
    using var bulkMoto = MotoServer.Start();
    UseDummyKeys();
    await BulkUnderQuota.RunAsync(ps, module, bulkMoto.Endpoint);
    return 0;
}

// 2. The rule catalog in plain C#: read + every rule, per definition.
var definitions = Generate(count);
Catalog(definitions.Take(Math.Min(10_000, count)).ToList()); // warm-up
var best = Enumerable.Range(0, 3).Select(_ => Catalog(definitions)).OrderBy(r => r.Seconds).First();
Report("Rule catalog (C#)", $"{count / best.Seconds:N0} definitions/s",
    $"target >= 200,000/s; {count:N0} generated definitions, best of 3: {best.Seconds:0.000} s, {best.BytesPerDefinition:N0} bytes allocated per definition, {best.Failed:N0} with errors");

// 3. Test-ApiIntegration -Quiet through the pipeline in the hosted engine, with the built module.
ps.Run("$null = $Definitions | Test-ApiIntegration -Quiet", new Dictionary<string, object?> { ["Definitions"] = definitions.Take(5_000).ToArray() }).ThrowIfFailed(); // warm-up
var watch = Stopwatch.StartNew();
var result = ps.Run("$results = $Definitions | Test-ApiIntegration -Quiet; @($results).Count",
    new Dictionary<string, object?> { ["Definitions"] = definitions.ToArray() });
watch.Stop();
result.ThrowIfFailed();
Report("Test-ApiIntegration (pipe)", $"{count / watch.Elapsed.TotalSeconds:N0} definitions/s", $"target >= 20,000/s; {watch.Elapsed.TotalSeconds:0.000} s for {result.Output[0]} results");

if (!withAws) return 0;

// 4. Per integration: the cmdlets against the AWS CLI, on the same moto server. moto has no quota, so the cmdlets'
//    pace is raised for this part (INTEGRATIONTOOLS_REQUESTS_PER_SECOND); the CLI does not pace at all.
using var moto = MotoServer.Start();
UseDummyKeys();
var cli = new AwsCli(moto.Endpoint);
var httpApi = cli.Json("apigatewayv2", "create-api", "--name", "bench-http", "--protocol-type", "HTTP")["ApiId"]!.GetValue<string>();
var restApi = cli.Json("apigateway", "create-rest-api", "--name", "bench-rest")["id"]!.GetValue<string>();
var rootId = cli.Json("apigateway", "get-resources", "--rest-api-id", restApi)["items"]![0]!["id"]!.GetValue<string>();
string[] methods = ["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"];
foreach (var method in methods)
    cli.Json("apigateway", "put-method", "--rest-api-id", restApi, "--resource-id", rootId, "--http-method", method, "--authorization-type", "NONE");

const int cliCalls = 10;
var cliV2 = Time(cliCalls, i => cli.Json("apigatewayv2", "create-integration", "--api-id", httpApi, "--integration-type", "HTTP_PROXY",
    "--integration-method", "ANY", "--integration-uri", $"https://cli{i}.example.com", "--payload-format-version", "1.0"));
var cliV1 = Time(cliCalls, i => cli.Json("apigateway", "put-integration", "--rest-api-id", restApi, "--resource-id", rootId,
    "--http-method", methods[i % methods.Length], "--type", "HTTP_PROXY", "--integration-http-method", "GET", "--uri", $"https://cli{i}.example.com"));

Environment.SetEnvironmentVariable("INTEGRATIONTOOLS_REQUESTS_PER_SECOND", "10000");
Environment.SetEnvironmentVariable("INTEGRATIONTOOLS_REQUEST_BURST", "10000");
const int cmdletItems = 300;
var v2Definitions = Enumerable.Range(0, cmdletItems).Select(i => new Hashtable
{
    ["IntegrationType"] = "HTTP_PROXY", ["IntegrationMethod"] = "ANY", ["IntegrationUri"] = $"https://cmdlet{i}.example.com", ["PayloadFormatVersion"] = "1.0",
}).ToArray();
var cmdletV2 = TimePipeline(ps, "$Items | New-ApiIntegration -ApiId $ApiId -EndpointUrl $Endpoint", v2Definitions,
    new() { ["ApiId"] = httpApi, ["Endpoint"] = moto.Endpoint });
var v1Definitions = Enumerable.Range(0, cmdletItems).Select(i => new Hashtable
{
    ["RestApiId"] = restApi, ["ResourceId"] = rootId, ["HttpMethod"] = methods[i % methods.Length], ["Type"] = "HTTP_PROXY",
    ["IntegrationHttpMethod"] = "GET", ["Uri"] = $"https://cmdlet{i}.example.com",
}).ToArray();
var cmdletV1 = TimePipeline(ps, "$Items | Set-RestIntegration -EndpointUrl $Endpoint", v1Definitions, new() { ["Endpoint"] = moto.Endpoint });
Report("create-integration (v2)", $"{cliV2 / cmdletV2:0}x faster",
    $"target >= 40x; aws apigatewayv2 create-integration {cliV2 * 1000:0} ms/call ({cliCalls} calls), New-ApiIntegration {cmdletV2 * 1000:0.0} ms/integration ({cmdletItems} piped)");
Report("put-integration (v1)", $"{cliV1 / cmdletV1:0}x faster",
    $"target >= 40x; aws apigateway put-integration {cliV1 * 1000:0} ms/call ({cliCalls} calls), Set-RestIntegration {cmdletV1 * 1000:0.0} ms/integration ({cmdletItems} piped)");

// 5. Bulk apply under the default quota: 300 creates through the fault proxy enforcing 10 requests/s with a burst of
//    40 (no faults), with the cmdlets' default pace. The floor is what the quota allows: (300 - 40) / 10 s.
Environment.SetEnvironmentVariable("INTEGRATIONTOOLS_REQUESTS_PER_SECOND", null);
Environment.SetEnvironmentVariable("INTEGRATIONTOOLS_REQUEST_BURST", null);
var bulkApi = cli.Json("apigatewayv2", "create-api", "--name", "bench-bulk", "--protocol-type", "HTTP")["ApiId"]!.GetValue<string>();
await using var proxy = await FaultProxyServer.StartAsync(moto.Endpoint, new FaultOptions { RatePerSecond = 10, Burst = 40 });
var bulkWatch = Stopwatch.StartNew();
var bulk = ps.Run("$Items | New-ApiIntegration -ApiId $ApiId -EndpointUrl $Endpoint",
    new Dictionary<string, object?> { ["Items"] = v2Definitions, ["ApiId"] = bulkApi, ["Endpoint"] = proxy.Endpoint });
bulkWatch.Stop();
var floor = (cmdletItems - 40) / 10.0;
var created = cli.Json("apigatewayv2", "get-integrations", "--api-id", bulkApi)["Items"]!.AsArray().Count;
Report("Bulk apply, 300 (quota)", $"{bulkWatch.Elapsed.TotalSeconds / floor:0.00}x the floor",
    $"target <= 1.05x; {bulkWatch.Elapsed.TotalSeconds:0.0} s against a floor of {floor:0.0} s; {bulk.Output.Count} outputs, {bulk.Errors.Count} errors, {created} integrations on the API, {proxy.Counts.GetValueOrDefault("throttled")} throttled by the proxy");

// 6. The bulk applies of issue 13: under the quota with 200 ms added per request.
Console.WriteLine();
await BulkUnderQuota.RunAsync(ps, module, moto.Endpoint);
return 0;

// moto takes any keys; these dummy ones keep the run away from real credentials.
static void UseDummyKeys()
{
    Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "testing");
    Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "testing");
    Environment.SetEnvironmentVariable("AWS_SESSION_TOKEN", null);
    Environment.SetEnvironmentVariable("AWS_PROFILE", null);
    Environment.SetEnvironmentVariable("AWS_REGION", "us-east-1");
    Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");
}

static void Report(string what, string figure, string detail) => Console.WriteLine($"{what,-28} {figure,22}   ({detail})");

static double Time(int calls, Action<int> call)
{
    var watch = Stopwatch.StartNew();
    for (var i = 0; i < calls; i++) call(i);
    return watch.Elapsed.TotalSeconds / calls;
}

static double TimePipeline(HostedPowerShell ps, string script, object[] items, Dictionary<string, object?> variables)
{
    variables["Items"] = items;
    var watch = Stopwatch.StartNew();
    var result = ps.Run(script, variables);
    watch.Stop();
    result.ThrowIfFailed();
    if (result.Output.Count != items.Length) throw new InvalidOperationException($"{script}: {items.Length} items but {result.Output.Count} outputs");
    return watch.Elapsed.TotalSeconds / items.Length;
}

static (double Seconds, long BytesPerDefinition, int Failed) Catalog(IReadOnlyList<Hashtable> definitions)
{
    var failed = 0;
    var before = GC.GetAllocatedBytesForCurrentThread();
    var watch = Stopwatch.StartNew();
    foreach (var definition in definitions)
    {
        if (!DefinitionValidator.Validate(definition, DefinitionKind.Auto, RuleContext.Offline).Passed) failed++;
    }
    watch.Stop();
    var bytes = GC.GetAllocatedBytesForCurrentThread() - before;
    return (watch.Elapsed.TotalSeconds, bytes / definitions.Count, failed);
}

static List<Hashtable> Generate(int count)
{
    var random = new Random(42);
    var list = new List<Hashtable>(count);
    string[] methods = ["GET", "POST", "PUT", "DELETE", "ANY"];
    for (var i = 0; i < count; i++)
    {
        var bad = random.Next(3) == 0;
        switch (i % 4)
        {
            case 0:
                list.Add(new Hashtable(StringComparer.OrdinalIgnoreCase)
                {
                    ["RestApiId"] = "a1b2c3d4e5", ["ResourcePath"] = $"/items/{i}", ["HttpMethod"] = methods[i % methods.Length],
                    ["Type"] = "HTTP_PROXY", ["IntegrationHttpMethod"] = "GET",
                    ["Uri"] = bad ? $"items.example.com/{i}" : $"https://items.example.com/{i}",
                    ["TimeoutInMillis"] = bad ? 20 : 29_000,
                    ["RequestParameters"] = new Hashtable { ["integration.request.header.x-id"] = "method.request.header.x-id" },
                });
                break;
            case 1:
                list.Add(new Hashtable(StringComparer.OrdinalIgnoreCase)
                {
                    ["RestApiId"] = "a1b2c3d4e5", ["ResourceId"] = "abc123", ["HttpMethod"] = "POST", ["Type"] = "AWS_PROXY",
                    ["IntegrationHttpMethod"] = "POST",
                    ["Uri"] = bad
                        ? "arn:aws:lambda:us-east-1:123456789012:function:f"
                        : "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:f/invocations",
                });
                break;
            case 2:
                list.Add(new Hashtable(StringComparer.OrdinalIgnoreCase)
                {
                    ["ApiId"] = "x9y8z7w6", ["ProtocolType"] = "HTTP", ["IntegrationType"] = "AWS_PROXY",
                    ["IntegrationUri"] = "arn:aws:lambda:us-east-1:123456789012:function:orders",
                    ["PayloadFormatVersion"] = bad ? "3.0" : "2.0", ["TimeoutInMillis"] = 30_000,
                });
                break;
            default:
                list.Add(new Hashtable(StringComparer.OrdinalIgnoreCase)
                {
                    ["ApiId"] = "x9y8z7w6", ["ProtocolType"] = "WEBSOCKET", ["IntegrationType"] = "MOCK",
                    ["RequestTemplates"] = new Hashtable { ["$default"] = "{\"statusCode\": 200}" },
                    ["TemplateSelectionExpression"] = "\\$default",
                    [bad ? "Uir" : "Description"] = "ws mock",
                });
                break;
        }
    }
    return list;
}

/// <summary>The AWS CLI against the local moto server, with dummy keys.</summary>
sealed class AwsCli(string endpoint)
{
    private readonly string _path = Tools.FindAwsCli() ?? throw new InvalidOperationException("The AWS CLI was not found: run tools/prerequisites.sh (./benchmark.sh does).");

    public JsonNode Json(params string[] arguments)
    {
        var info = new ProcessStartInfo(_path) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        info.ArgumentList.Add("--endpoint-url");
        info.ArgumentList.Add(endpoint);
        info.ArgumentList.Add("--output");
        info.ArgumentList.Add("json");
        info.Environment["AWS_ACCESS_KEY_ID"] = "testing";
        info.Environment["AWS_SECRET_ACCESS_KEY"] = "testing";
        info.Environment["AWS_DEFAULT_REGION"] = "us-east-1";
        info.Environment["AWS_PAGER"] = "";
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"aws {string.Join(' ', arguments)} failed: {error}");
        return JsonNode.Parse(string.IsNullOrWhiteSpace(output) ? "{}" : output)!;
    }
}

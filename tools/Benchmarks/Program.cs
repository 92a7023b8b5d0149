using System.Collections;
using System.Diagnostics;
using IntegrationTools.LocalAws;
using IntegrationTools.Rules;
using IntegrationTools.Validation;

// Usage: Benchmarks [count]   (default 100000 definitions)
var count = args.Length > 0 && int.TryParse(args[0], out var n) ? n : 100_000;
var definitions = Generate(count);
Console.WriteLine($"IntegrationTools benchmarks: {count:N0} generated definitions (REST and HTTP/WebSocket, about a third with problems)");
Console.WriteLine($".NET {Environment.Version}, {Environment.ProcessorCount} cores, {(Debugger.IsAttached ? "debugger attached" : "no debugger")}");
Console.WriteLine();

// 1. The rule catalog in plain C#: read + every rule, per definition.
Catalog(definitions.Take(Math.Min(10_000, count)).ToList()); // warm-up
var runs = Enumerable.Range(0, 3).Select(_ => Catalog(definitions)).OrderBy(r => r.Seconds).ToList();
var best = runs[0];
Console.WriteLine($"Rule catalog (C#):           {count / best.Seconds,12:N0} definitions/s   (best of 3: {best.Seconds:0.000} s; {best.BytesPerDefinition:N0} bytes allocated per definition; {best.Failed:N0} failed)");

// 2. Test-ApiIntegration -Quiet through the pipeline in the hosted engine, with the built module.
var module = Path.Combine(RepositoryRoot.Find(), "out", "IntegrationTools", "IntegrationTools.psd1");
if (!File.Exists(module))
{
    Console.WriteLine($"Hosted engine: skipped, {module} is missing (run ./build.sh).");
    return 0;
}
using var ps = new HostedPowerShell();
ps.Run("Import-Module -Name $ModulePath", new Dictionary<string, object?> { ["ModulePath"] = module }).ThrowIfFailed();
ps.Run("$null = $Definitions | Test-ApiIntegration -Quiet", new Dictionary<string, object?> { ["Definitions"] = definitions.Take(5_000).ToArray() }).ThrowIfFailed(); // warm-up
var watch = Stopwatch.StartNew();
var result = ps.Run("$results = $Definitions | Test-ApiIntegration -Quiet; @($results).Count; @($results | Where-Object { -not $_ }).Count",
    new Dictionary<string, object?> { ["Definitions"] = definitions.ToArray() });
watch.Stop();
result.ThrowIfFailed();
Console.WriteLine($"Test-ApiIntegration (pipe):  {count / watch.Elapsed.TotalSeconds,12:N0} definitions/s   ({watch.Elapsed.TotalSeconds:0.000} s; {result.Output[0]} results, {result.Output[1]} $false)");
Console.WriteLine();
Console.WriteLine("Targets: rule catalog >= 200,000/s; hosted pipeline >= 20,000/s.");
return 0;

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

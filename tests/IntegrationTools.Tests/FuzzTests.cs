using System.Collections;
using System.Management.Automation;
using System.Text;
using Xunit.Abstractions;
using System.Text.Json.Nodes;
using IntegrationTools.FaultProxy;
using IntegrationTools.Tests.Infrastructure;

namespace IntegrationTools.Tests;

/// <summary>
/// 10,000 generated definitions — hashtables, objects, ConvertFrom-Json-shaped objects of generated JSON documents, raw
/// JSON text and things that are not definitions at all — with wrong types, unknown and misspelt keys, huge strings,
/// control characters and nulls, piped into the cmdlets that take definitions. No exception may escape, the host must
/// go on working, every input must be accounted for (an output or an ErrorRecord), and every ErrorRecord must carry
/// an error id and a category. The requests that get past the pre-flight go to a proxy that refuses the keys, so
/// nothing is created and the run stays fast.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class FuzzTests(MotoFixture moto, ITestOutputHelper output)
{
    private static readonly int Total = int.TryParse(Environment.GetEnvironmentVariable("FUZZ_TOTAL"), out var n) ? n : 10_000;

    /// <summary>The cmdlets that take definitions from the pipeline, and their share of the inputs.</summary>
    private static readonly string[] Targets =
    [
        "Test-ApiIntegration -Quiet",
        "New-ApiIntegration",
        "Set-RestIntegration",
        "Set-RestIntegrationResponse",
        "New-ApiIntegrationResponse",
    ];

    private static readonly string[] RestKeys =
    [
        "restApiId", "resourceId", "resourcePath", "httpMethod", "type", "integrationHttpMethod", "uri", "connectionType",
        "connectionId", "credentials", "requestParameters", "requestTemplates", "passthroughBehavior", "cacheNamespace",
        "cacheKeyParameters", "contentHandling", "timeoutInMillis", "tlsConfig", "responseTransferMode", "integrationTarget",
        "statusCode", "selectionPattern", "responseParameters", "responseTemplates",
    ];

    private static readonly string[] ApiKeys =
    [
        "ApiId", "IntegrationId", "IntegrationType", "IntegrationUri", "IntegrationMethod", "PayloadFormatVersion",
        "IntegrationSubtype", "ConnectionType", "ConnectionId", "CredentialsArn", "Description", "RequestParameters",
        "RequestTemplates", "ResponseParameters", "TemplateSelectionExpression", "TimeoutInMillis", "TlsConfig",
        "ServerNameToVerify", "PassthroughBehavior", "ContentHandlingStrategy", "IntegrationResponseKey", "ProtocolType",
    ];

    private static readonly string[] UnknownKeys =
        ["Uir", "", " ", "\0", "Type ", "integration_type", "$(Remove-Item /)", "ключ", new string('k', 5000), "a.b.c", "__proto__"];

    private static readonly string[] PlausibleStrings =
    [
        "abc123", "MOCK", "HTTP", "HTTP_PROXY", "AWS", "AWS_PROXY", "GET", "POST", "ANY", "VPC_LINK", "INTERNET", "1.0", "2.0",
        "https://example.com/{proxy}", "http://example.com", "/pets", "/pets/{id}", "200", "5\\d\\d", "$default",
        "arn:aws:lambda:us-east-1:123456789012:function:f", "arn:aws:iam::123456789012:role/r", "SQS-SendMessage",
        "WHEN_NO_MATCH", "CONVERT_TO_TEXT", "method.request.path.id", "overwrite:path", "$request.body.id", "STREAM",
    ];

    // Shared instances: a huge value costs its size once, not once per input.
    private static readonly string HugeString = new('x', 1_000_000);
    private static readonly string LargeString = new('x', 70_000);

    [Fact]
    public async Task TenThousandGeneratedDefinitionsNeverCrashAndEachFailureIsAnErrorRecord()
    {
        var random = new Random(20261123);
        var inputs = Enumerable.Range(0, Total).Select(i => Generate(random, i)).ToList();
        Assert.Equal(Total, inputs.Count);

        await using var proxy = await FaultProxyServer.StartAsync(moto.Endpoint, new FaultOptions { Throttle = false, RejectCredentials = true });
        using var env = new EnvironmentScope(
            ("INTEGRATIONTOOLS_REQUESTS_PER_SECOND", "10000"), ("INTEGRATIONTOOLS_REQUEST_BURST", "10000"), ("AWS_MAX_ATTEMPTS", "1"));
        using var ps = moto.NewSession();

        var perTarget = Total / Targets.Length;
        for (var t = 0; t < Targets.Length; t++)
        {
            var batch = inputs.Skip(t * perTarget).Take(perTarget).ToArray();
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var result = ps.Run($"$Batch | {Targets[t]} -EndpointUrl '{proxy.Endpoint}' -ErrorAction Continue -WarningAction SilentlyContinue",
                new Dictionary<string, object?> { ["Batch"] = batch });
            output.WriteLine($"{Targets[t]}: {batch.Length} inputs, {result.Output.Count} outputs, {result.Errors.Count} errors, {watch.Elapsed.TotalSeconds:0.0} s; error ids: "
                + string.Join(", ", result.Errors.GroupBy(e => e.FullyQualifiedErrorId.Split(',')[0]).OrderByDescending(g => g.Count()).Take(8).Select(g => $"{g.Key} {g.Count()}")));

            Assert.True(result.Terminating == null, $"{Targets[t]}: the batch was stopped by {result.Terminating?.ErrorRecord.FullyQualifiedErrorId}: {result.Terminating?.Message}");
            // Every input has its answer: an output or an error (a non-definition binds to nothing and is an error too).
            Assert.True(result.Output.Count + result.Errors.Count >= batch.Length,
                $"{Targets[t]}: {batch.Length} inputs but {result.Output.Count} outputs and {result.Errors.Count} errors");
            foreach (var error in result.Errors)
            {
                Assert.False(string.IsNullOrWhiteSpace(error.FullyQualifiedErrorId), $"{Targets[t]}: an error without an id: {error}");
                Assert.NotEqual(ErrorCategory.NotSpecified, error.CategoryInfo.Category);
                Assert.False(IsBug(error.Exception), $"{Targets[t]}: an internal failure reached the user: {error.FullyQualifiedErrorId}: {error.Exception}");
                // A message may quote a value, but never dumps a huge one.
                Assert.True(error.Exception.Message.Length < 20_000, $"{Targets[t]}: a {error.Exception.Message.Length}-character message ({error.FullyQualifiedErrorId}): {error.Exception.Message[..Math.Min(6000, error.Exception.Message.Length)]}");
            }
            if (Targets[t].StartsWith("Test-ApiIntegration"))
            {
                // Offline: never an error, exactly one $true/$false per input.
                Assert.Empty(result.Errors);
                Assert.Equal(batch.Length, result.Output.Count);
                Assert.All(result.Output, o => Assert.IsType<bool>(o.BaseObject));
            }
        }

        // The host is still usable.
        Assert.Equal(2, (int)ps.Run("1 + 1").Output.Single().BaseObject);
        Assert.Equal(0, proxy.Counts.GetValueOrDefault("forwarded"));
    }

    private static bool IsBug(Exception exception)
    {
        for (var e = exception; e != null; e = e.InnerException)
            if (e is NullReferenceException or InvalidCastException or IndexOutOfRangeException or KeyNotFoundException
                or ArgumentOutOfRangeException or FormatException or OverflowException or StackOverflowException
                or System.Text.Json.JsonException or NotImplementedException)
                return true;
        return false;
    }

    /// <summary>One input: mostly dictionaries and objects, some JSON text, some things that are not definitions at all.</summary>
    private static object? Generate(Random r, int index)
    {
        switch (r.Next(20))
        {
            case 0: return null;
            case 1: return RandomValue(r, 0);
            case 2: return new object?[] { RandomValue(r, 1), null };
            case 3: return JsonDocumentText(r, allowBroken: true);
            case 4:
            case 5:
            case 6:
            case 7: return ToPSObject(JsonNode.Parse(JsonDocumentText(r, allowBroken: false)));
            case 8:
            case 9:
            case 10:
            case 11:
            {
                var table = Dictionary(r);
                var obj = new PSObject();
                foreach (DictionaryEntry entry in table)
                {
                    var name = entry.Key as string ?? entry.Key?.ToString() ?? "null";
                    if (string.IsNullOrEmpty(name) || obj.Properties[name] != null) continue;
                    obj.Properties.Add(new PSNoteProperty(name, entry.Value));
                }
                return obj;
            }
            default: return Dictionary(r);
        }
    }

    private static Hashtable Dictionary(Random r)
    {
        var table = new Hashtable(StringComparer.OrdinalIgnoreCase);
        var count = r.Next(0, 12);
        for (var i = 0; i < count; i++)
        {
            var key = Key(r);
            table[key] = RandomValue(r, 0);
        }
        // Some non-string keys, as a careless script might make them.
        if (r.Next(10) == 0) table[r.Next(100)] = "a number as a key";
        return table;
    }

    private static string Key(Random r)
    {
        var roll = r.Next(10);
        var key = roll < 4 ? RestKeys[r.Next(RestKeys.Length)] : roll < 8 ? ApiKeys[r.Next(ApiKeys.Length)] : UnknownKeys[r.Next(UnknownKeys.Length)];
        // Keys match case-insensitively: mix the case.
        return r.Next(3) == 0 ? key.ToUpperInvariant() : r.Next(3) == 0 ? key.ToLowerInvariant() : key;
    }

    private static object? RandomValue(Random r, int depth)
    {
        switch (r.Next(depth > 2 ? 14 : 18))
        {
            case 0: return null;
            case 1: return "";
            case 2: return r.Next(10) == 0 ? HugeString : LargeString;
            case 3: return "\0\u0001\u001b[31mred\r\n\t\u007f\u200b\ud83d\ude00" + PlausibleStrings[r.Next(PlausibleStrings.Length)];
            case 4: return r.Next(int.MinValue, int.MaxValue);
            case 5: return r.NextDouble() * 1e12 - 5e11;
            case 6: return r.Next(2) == 0 ? double.NaN : double.PositiveInfinity;
            case 7: return r.Next(2) == 0;
            case 8: return long.MaxValue;
            case 9: return new DateTime(2026, 11, 23);
            case 10: return new SwitchParameter(true);
            case 11:
            case 12:
            case 13: return PlausibleStrings[r.Next(PlausibleStrings.Length)];
            case 14: return Enumerable.Range(0, r.Next(4)).Select(_ => RandomValue(r, depth + 1)).ToArray();
            case 15:
            {
                var nested = new Hashtable();
                for (var i = r.Next(4); i > 0; i--) nested[Key(r)] = RandomValue(r, depth + 1);
                return nested;
            }
            case 16: return new PSObject(new { Name = "an object", Nested = new Hashtable { ["a"] = null } });
            default: return ScriptBlock.Create("'not a value'");
        }
    }

    /// <summary>A JSON document such as an AWS CLI skeleton edited by hand: right and wrong keys, any JSON value.</summary>
    private static string JsonDocumentText(Random r, bool allowBroken)
    {
        var obj = new JsonObject();
        for (var i = r.Next(0, 10); i > 0; i--)
        {
            var key = Key(r).Replace("\0", "\\u0000");
            obj[key] = JsonValueOf(r, 0);
        }
        var text = obj.ToJsonString();
        // Now and then a truncated or non-object document.
        if (!allowBroken) return text;
        return r.Next(12) switch
        {
            0 => text[..(text.Length / 2)],
            1 => "[" + text + "]",
            _ => text,
        };
    }

    private static JsonNode? JsonValueOf(Random r, int depth) => r.Next(depth > 1 ? 7 : 9) switch
    {
        0 => null,
        1 => JsonValue.Create(PlausibleStrings[r.Next(PlausibleStrings.Length)]),
        2 => JsonValue.Create(r.Next(-100_000, 400_000)),
        3 => JsonValue.Create(r.Next(2) == 0),
        4 => JsonValue.Create(new string('\u0007', 10) + "\u2028"),
        5 => JsonValue.Create(1.5e300),
        6 => JsonValue.Create(new string('y', 20_000)),
        7 => new JsonArray(Enumerable.Range(0, r.Next(3)).Select(_ => JsonValueOf(r, depth + 1)).ToArray()),
        _ => new JsonObject(Enumerable.Range(0, r.Next(3)).Select(i => KeyValuePair.Create("k" + i + Key(r).Replace("\0", ""), JsonValueOf(r, depth + 1)))
            .DistinctBy(p => p.Key, StringComparer.Ordinal)),
    };

    /// <summary>What ConvertFrom-Json makes of a document: PSCustomObjects, object arrays, strings, longs, doubles, bools.</summary>
    private static object? ToPSObject(JsonNode? node)
    {
        switch (node)
        {
            case null: return null;
            case JsonObject o:
            {
                var result = new PSObject();
                foreach (var (key, value) in o)
                    if (!string.IsNullOrEmpty(key) && result.Properties[key] == null)
                        result.Properties.Add(new PSNoteProperty(key, ToPSObject(value)));
                return result;
            }
            case JsonArray a: return a.Select(ToPSObject).ToArray();
            default:
            {
                var element = node.GetValue<System.Text.Json.JsonElement>();
                return element.ValueKind switch
                {
                    System.Text.Json.JsonValueKind.String => element.GetString(),
                    System.Text.Json.JsonValueKind.Number => element.TryGetInt64(out var l) ? l : element.GetDouble(),
                    System.Text.Json.JsonValueKind.True => true,
                    System.Text.Json.JsonValueKind.False => false,
                    _ => null,
                };
            }
        }
    }
}

using System.Diagnostics;
using System.Text.Json;
using IntegrationTools.LocalAws;
using IntegrationTools.Tests.Infrastructure;

namespace IntegrationTools.Tests;

/// <summary>
/// The module against a real, independent client: the AWS CLI writes integrations into the same moto server, the
/// cmdlets read them, and every field is compared with what `aws ... get-integration` prints.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class InteropTests(MotoFixture moto)
{
    [Fact]
    public void ARestIntegrationWrittenByTheAwsCliReadsBackFieldByField()
    {
        var store = moto.Seed.CreatePetStore("interop-v1");
        var resource = moto.Seed.CreateResource(store.RestApiId, store.PetsId, "search");
        moto.Seed.PutMethod(store.RestApiId, resource, "GET");
        Aws("apigateway", "put-integration", "--rest-api-id", store.RestApiId, "--resource-id", resource, "--http-method", "GET",
            "--type", "HTTP", "--integration-http-method", "POST", "--uri", "https://search.example.com/find",
            "--connection-type", "INTERNET",
            "--request-parameters", "{\"integration.request.querystring.q\":\"method.request.querystring.term\"}",
            "--request-templates", "{\"application/json\":\"{\\\"q\\\": \\\"$input.params('term')\\\"}\"}",
            "--passthrough-behavior", "WHEN_NO_TEMPLATES", "--cache-namespace", "search-cache",
            "--content-handling", "CONVERT_TO_TEXT", "--timeout-in-millis", "12000",
            "--tls-config", "insecureSkipVerification=true");
        var cli = Aws("apigateway", "get-integration", "--rest-api-id", store.RestApiId, "--resource-id", resource, "--http-method", "GET");

        using var ps = moto.NewSession();
        var result = ps.Run($"Get-RestIntegration -RestApiId {store.RestApiId} -ResourceId {resource} -HttpMethod GET -EndpointUrl $Endpoint");
        result.ThrowIfFailed();
        var item = Assert.Single(result.Output);
        string? P(string name) => item.Properties[name].Value?.ToString();

        Assert.Equal(cli.GetProperty("type").GetString(), P("Type"));
        Assert.Equal(cli.GetProperty("httpMethod").GetString(), P("IntegrationHttpMethod"));
        Assert.Equal(cli.GetProperty("uri").GetString(), P("Uri"));
        AssertSame(cli, "connectionType", P("ConnectionType"));
        AssertSame(cli, "passthroughBehavior", P("PassthroughBehavior"));
        AssertSame(cli, "cacheNamespace", P("CacheNamespace"));
        AssertSame(cli, "contentHandling", P("ContentHandling"));
        AssertSame(cli, "timeoutInMillis", P("TimeoutInMillis"));
        Assert.Equal(cli.TryGetProperty("tlsConfig", out var tls) ? tls.GetProperty("insecureSkipVerification").GetBoolean() : null, (bool?)item.Properties["InsecureSkipVerification"].Value);
        AssertMap(cli, "requestParameters", (System.Collections.IDictionary)item.Properties["RequestParameters"].Value);
        AssertMap(cli, "requestTemplates", (System.Collections.IDictionary)item.Properties["RequestTemplates"].Value);
        // What the CLI wrote must be there at all (not both sides empty).
        Assert.Equal("HTTP", P("Type"));
        Assert.Equal("https://search.example.com/find", P("Uri"));
        Assert.Equal("method.request.querystring.term", ((System.Collections.IDictionary)item.Properties["RequestParameters"].Value)["integration.request.querystring.q"]);
    }

    [Fact]
    public void AnHttpApiIntegrationWrittenByTheAwsCliReadsBackFieldByField()
    {
        var api = moto.Seed.CreateApi("interop-v2");
        var created = Aws("apigatewayv2", "create-integration", "--api-id", api, "--integration-type", "HTTP_PROXY",
            "--integration-method", "PUT", "--integration-uri", "https://orders.example.com/{proxy}",
            "--payload-format-version", "1.0", "--description", "orders backend", "--timeout-in-millis", "15000",
            "--request-parameters", "{\"overwrite:header.x-trace\":\"$context.requestId\"}");
        var id = created.GetProperty("IntegrationId").GetString()!;
        var cli = Aws("apigatewayv2", "get-integration", "--api-id", api, "--integration-id", id);

        using var ps = moto.NewSession();
        var result = ps.Run($"Get-ApiIntegration -ApiId {api} -IntegrationId {id} -EndpointUrl $Endpoint");
        result.ThrowIfFailed();
        var item = Assert.Single(result.Output);
        string? P(string name) => item.Properties[name].Value?.ToString();

        foreach (var field in new[] { "IntegrationId", "IntegrationType", "IntegrationMethod", "IntegrationUri", "PayloadFormatVersion",
                     "Description", "TimeoutInMillis", "ConnectionType", "ConnectionId", "CredentialsArn", "PassthroughBehavior",
                     "ContentHandlingStrategy", "TemplateSelectionExpression", "IntegrationResponseSelectionExpression", "IntegrationSubtype" })
            AssertSame(cli, field, P(field));
        AssertMap(cli, "RequestParameters", (System.Collections.IDictionary)item.Properties["RequestParameters"].Value);
        Assert.Equal("PUT", P("IntegrationMethod"));
        Assert.Equal("15000", P("TimeoutInMillis"));
        Assert.Equal("orders backend", P("Description"));
    }

    private static void AssertSame(JsonElement cli, string member, string? actual)
    {
        string? expected = cli.TryGetProperty(member, out var value) && value.ValueKind != JsonValueKind.Null ? value.ToString() : null;
        Assert.True(expected == actual || (expected == null && actual == ""), $"{member}: the AWS CLI says '{expected}', the cmdlet '{actual}'");
    }

    private static void AssertMap(JsonElement cli, string member, System.Collections.IDictionary actual)
    {
        var expected = cli.TryGetProperty(member, out var map) ? map.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()) : [];
        Assert.Equal(expected.Count, actual.Count);
        foreach (var pair in expected) Assert.Equal(pair.Value, actual[pair.Key]);
    }

    private JsonElement Aws(params string[] args)
    {
        var cli = Tools.FindAwsCli() ?? throw new InvalidOperationException("The AWS CLI was not found: install it (pip install awscli or apt-get install awscli) or set AWS_CLI.");
        var info = new ProcessStartInfo(cli) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args) info.ArgumentList.Add(arg);
        foreach (var arg in new[] { "--endpoint-url", moto.Endpoint, "--region", "us-east-1", "--output", "json" }) info.ArgumentList.Add(arg);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(60_000)) { process.Kill(true); throw new TimeoutException("aws " + string.Join(' ', args)); }
        Assert.True(process.ExitCode == 0, $"aws {string.Join(' ', args)} failed: {stderr.Result}");
        return JsonDocument.Parse(stdout.Result).RootElement.Clone();
    }
}

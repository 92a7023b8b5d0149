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

    [Fact]
    public void ARestIntegrationWrittenBySetRestIntegrationReadsBackFieldByFieldInTheAwsCli()
    {
        var shop = new RestIntegrationSeed(moto.Endpoint).CreateShop("interop-v1-set");
        using var ps = moto.NewSession();
        var result = ps.Run($$"""
            Set-RestIntegration -RestApiId {{shop.RestApiId}} -ResourcePath /pets -HttpMethod GET -Http -Uri 'https://search.example.com/find' `
                -IntegrationHttpMethod POST -RequestParameters @{ 'integration.request.querystring.term' = 'method.request.querystring.q'; 'integration.request.header.x-source' = "'shop'" } `
                -RequestTemplates @{ 'application/json' = '{"q": "$input.params(''q'')"}' } -PassthroughBehavior WHEN_NO_TEMPLATES `
                -CacheNamespace search-cache -ContentHandling CONVERT_TO_TEXT -TimeoutInMillis 12000 -InsecureSkipVerification -EndpointUrl $Endpoint
            """);
        result.ThrowIfFailed();
        var item = Assert.Single(result.Output);
        string? P(string name) => item.Properties[name].Value?.ToString();
        var cli = Aws("apigateway", "get-integration", "--rest-api-id", shop.RestApiId, "--resource-id", shop.PetsId, "--http-method", "GET");

        // What the AWS CLI reads is what was given, member by member, and what the cmdlet wrote out.
        Assert.Equal("HTTP", cli.GetProperty("type").GetString());
        Assert.Equal("POST", cli.GetProperty("httpMethod").GetString());
        Assert.Equal("https://search.example.com/find", cli.GetProperty("uri").GetString());
        Assert.Equal("WHEN_NO_TEMPLATES", cli.GetProperty("passthroughBehavior").GetString());
        Assert.Equal("search-cache", cli.GetProperty("cacheNamespace").GetString());
        Assert.Equal("CONVERT_TO_TEXT", cli.GetProperty("contentHandling").GetString());
        Assert.Equal(12000, cli.GetProperty("timeoutInMillis").GetInt32());
        Assert.True(cli.GetProperty("tlsConfig").GetProperty("insecureSkipVerification").GetBoolean());
        Assert.Equal("method.request.querystring.q", cli.GetProperty("requestParameters").GetProperty("integration.request.querystring.term").GetString());
        Assert.Equal("'shop'", cli.GetProperty("requestParameters").GetProperty("integration.request.header.x-source").GetString());
        Assert.Equal("{\"q\": \"$input.params('q')\"}", cli.GetProperty("requestTemplates").GetProperty("application/json").GetString());
        Assert.Equal(cli.GetProperty("type").GetString(), P("Type"));
        Assert.Equal(cli.GetProperty("httpMethod").GetString(), P("IntegrationHttpMethod"));
        Assert.Equal(cli.GetProperty("uri").GetString(), P("Uri"));
        foreach (var (member, property) in new[] { ("passthroughBehavior", "PassthroughBehavior"), ("cacheNamespace", "CacheNamespace"),
                     ("contentHandling", "ContentHandling"), ("timeoutInMillis", "TimeoutInMillis"), ("connectionType", "ConnectionType"), ("credentials", "Credentials") })
            AssertSame(cli, member, P(property));
        Assert.Equal(cli.GetProperty("tlsConfig").GetProperty("insecureSkipVerification").GetBoolean(), (bool?)item.Properties["InsecureSkipVerification"].Value);
        AssertMap(cli, "requestParameters", (System.Collections.IDictionary)item.Properties["RequestParameters"].Value);
        AssertMap(cli, "requestTemplates", (System.Collections.IDictionary)item.Properties["RequestTemplates"].Value);
    }

    [Fact]
    public void AnHttpApiIntegrationWrittenByNewApiIntegrationReadsBackFieldByFieldInTheAwsCli()
    {
        var api = moto.Seed.CreateApi("interop-v2-new");
        var link = moto.Seed.CreateVpcLink("interop-v2-link");
        const string listener = "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/orders/50dc6c495c0c9188/0467ef3c8400ae65";
        using var ps = moto.NewSession();
        var result = ps.Run($$"""
            New-ApiIntegration -ApiId {{api}} -ConnectionId {{link}} -IntegrationUri {{listener}} -IntegrationMethod PUT `
                -ServerNameToVerify orders.internal.example.com -Description 'orders through the VPC link' -TimeoutInMillis 15000 `
                -CredentialsArn arn:aws:iam::123456789012:role/apigw-vpc `
                -RequestParameters @{ 'overwrite:header.x-request-id' = '$context.requestId'; 'append:querystring.v' = '2' } `
                -ResponseParameters @{ '500' = @{ 'overwrite:statuscode' = '502'; 'append:header.x-error' = 'backend' } } -EndpointUrl $Endpoint
            """);
        result.ThrowIfFailed();
        var item = Assert.Single(result.Output);
        string? P(string name) => item.Properties[name].Value?.ToString();
        var cli = Aws("apigatewayv2", "get-integration", "--api-id", api, "--integration-id", P("IntegrationId")!);

        // What the AWS CLI reads is what was given, member by member, and what the cmdlet wrote out.
        Assert.Equal("HTTP_PROXY", cli.GetProperty("IntegrationType").GetString());
        Assert.Equal("VPC_LINK", cli.GetProperty("ConnectionType").GetString());
        Assert.Equal(link, cli.GetProperty("ConnectionId").GetString());
        Assert.Equal(listener, cli.GetProperty("IntegrationUri").GetString());
        Assert.Equal("PUT", cli.GetProperty("IntegrationMethod").GetString());
        Assert.Equal("1.0", cli.GetProperty("PayloadFormatVersion").GetString());
        Assert.Equal("orders through the VPC link", cli.GetProperty("Description").GetString());
        Assert.Equal(15000, cli.GetProperty("TimeoutInMillis").GetInt32());
        Assert.Equal("arn:aws:iam::123456789012:role/apigw-vpc", cli.GetProperty("CredentialsArn").GetString());
        Assert.Equal("orders.internal.example.com", cli.GetProperty("TlsConfig").GetProperty("ServerNameToVerify").GetString());
        Assert.Equal("$context.requestId", cli.GetProperty("RequestParameters").GetProperty("overwrite:header.x-request-id").GetString());
        Assert.Equal("2", cli.GetProperty("RequestParameters").GetProperty("append:querystring.v").GetString());
        var response = cli.GetProperty("ResponseParameters").GetProperty("500");
        Assert.Equal("502", response.GetProperty("overwrite:statuscode").GetString());
        Assert.Equal("backend", response.GetProperty("append:header.x-error").GetString());
        foreach (var field in new[] { "IntegrationId", "IntegrationType", "IntegrationMethod", "IntegrationUri", "PayloadFormatVersion",
                     "Description", "TimeoutInMillis", "ConnectionType", "ConnectionId", "CredentialsArn", "PassthroughBehavior",
                     "ContentHandlingStrategy", "TemplateSelectionExpression", "IntegrationSubtype" })
            AssertSame(cli, field, P(field));
        Assert.Equal(cli.GetProperty("TlsConfig").GetProperty("ServerNameToVerify").GetString(), P("ServerNameToVerify"));
        AssertMap(cli, "RequestParameters", (System.Collections.IDictionary)item.Properties["RequestParameters"].Value);
        var written = (System.Collections.IDictionary)item.Properties["ResponseParameters"].Value;
        Assert.Equal(cli.GetProperty("ResponseParameters").EnumerateObject().Count(), written.Count);
        AssertMap(cli.GetProperty("ResponseParameters"), "500", (System.Collections.IDictionary)written["500"]!);
    }

    [Fact]
    public void AWebSocketIntegrationWrittenByNewApiIntegrationReadsBackFieldByFieldInTheAwsCli()
    {
        var api = moto.Seed.CreateApi("interop-ws-new", "WEBSOCKET");
        using var ps = moto.NewSession();
        var result = ps.Run($$"""
            New-ApiIntegration -ApiId {{api}} -Url https://chat.example.com/messages -IntegrationType HTTP -IntegrationMethod POST `
                -RequestTemplates @{ '$default' = '{"message": $input.body}' } -TemplateSelectionExpression '\$default' `
                -PassthroughBehavior NEVER -ContentHandlingStrategy CONVERT_TO_TEXT -TimeoutInMillis 20000 `
                -RequestParameters @{ 'integration.request.header.x-connection' = 'context.connectionId' } -EndpointUrl $Endpoint
            """);
        result.ThrowIfFailed();
        var item = Assert.Single(result.Output);
        string? P(string name) => item.Properties[name].Value?.ToString();
        var cli = Aws("apigatewayv2", "get-integration", "--api-id", api, "--integration-id", P("IntegrationId")!);

        Assert.Equal("HTTP", cli.GetProperty("IntegrationType").GetString());
        Assert.Equal("https://chat.example.com/messages", cli.GetProperty("IntegrationUri").GetString());
        Assert.Equal("NEVER", cli.GetProperty("PassthroughBehavior").GetString());
        Assert.Equal("CONVERT_TO_TEXT", cli.GetProperty("ContentHandlingStrategy").GetString());
        Assert.Equal("\\$default", cli.GetProperty("TemplateSelectionExpression").GetString());
        Assert.Equal(20000, cli.GetProperty("TimeoutInMillis").GetInt32());
        Assert.Equal("{\"message\": $input.body}", cli.GetProperty("RequestTemplates").GetProperty("$default").GetString());
        Assert.Equal("context.connectionId", cli.GetProperty("RequestParameters").GetProperty("integration.request.header.x-connection").GetString());
        foreach (var field in new[] { "IntegrationId", "IntegrationType", "IntegrationMethod", "IntegrationUri", "Description", "TimeoutInMillis",
                     "ConnectionType", "PassthroughBehavior", "ContentHandlingStrategy", "TemplateSelectionExpression", "IntegrationResponseSelectionExpression" })
            AssertSame(cli, field, P(field));
        AssertMap(cli, "RequestTemplates", (System.Collections.IDictionary)item.Properties["RequestTemplates"].Value);
        AssertMap(cli, "RequestParameters", (System.Collections.IDictionary)item.Properties["RequestParameters"].Value);
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

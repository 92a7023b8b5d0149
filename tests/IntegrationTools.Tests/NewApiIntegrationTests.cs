using System.Collections;
using System.Management.Automation;
using IntegrationTools.LocalAws;
using IntegrationTools.Tests.Infrastructure;

namespace IntegrationTools.Tests;

/// <summary>
/// New-ApiIntegration against moto: every parameter set on its protocol, its refusal on the other one (before
/// anything is sent, though moto would accept most of them), every pipeline form, -WhatIf, and batches.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class NewApiIntegrationTests(MotoFixture moto)
{
    private const string InvalidDefinition = "NewApiIntegrationInvalidDefinition,IntegrationTools.Commands.NewApiIntegrationCommand";
    private const string Listener = "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/orders/50dc6c495c0c9188/0467ef3c8400ae65";
    private const string OrdersFunction = "arn:aws:lambda:us-east-1:123456789012:function:orders";

    /// <summary>ConvertFrom-Json for the bare engine (which has no Microsoft.PowerShell.Utility): objects become PSCustomObjects.</summary>
    private const string ConvertFromJson = """
        function ConvertFrom-JsonText([string] $Json) {
            function ConvertElement($e) {
                switch ($e.ValueKind) {
                    'Object' { $o = [ordered]@{}; foreach ($p in $e.EnumerateObject()) { $o[$p.Name] = ConvertElement $p.Value }; return [pscustomobject]$o }
                    'Array' { return ,@(foreach ($i in $e.EnumerateArray()) { ConvertElement $i }) }
                    'String' { return $e.GetString() }
                    'Number' { return $e.GetInt64() }
                    'True' { return $true }
                    'False' { return $false }
                    default { return $null }
                }
            }
            ConvertElement ([System.Text.Json.JsonDocument]::Parse($Json).RootElement)
        }
        """;

    private static object? P(PSObject item, string name) => item.Properties[name].Value;

    private static IDictionary Map(PSObject item, string name) => (IDictionary)P(item, name)!;

    private static ErrorRecord AssertRefused(ScriptResult result, params string[] ruleIds)
    {
        Assert.Empty(result.Output);
        var error = result.SingleError();
        Assert.Equal(InvalidDefinition, error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        foreach (var id in ruleIds) Assert.Contains(id, error.Exception.Message);
        Assert.False(string.IsNullOrWhiteSpace(error.ErrorDetails?.RecommendedAction));
        return error;
    }

    // ---- HTTP APIs --------------------------------------------------------------------------------------------------

    [Fact]
    public void HttpLambdaProxy_MakesAnAwsProxyIntegrationWithTheFunctionArnAndPayload20()
    {
        var api = moto.Seed.CreateApi("new-lambda");
        using var ps = moto.NewSession();
        var result = ps.Run($"New-ApiIntegration -ApiId {api} -FunctionArn {OrdersFunction} -Description 'orders' -TimeoutInMillis 12000 -EndpointUrl $Endpoint");
        result.ThrowIfFailed();
        var item = Assert.Single(result.Output);
        Assert.Equal("IntegrationTools.Models.ApiIntegration", item.TypeNames[0]);
        Assert.Equal(api, P(item, "ApiId"));
        Assert.Equal("HTTP", P(item, "ProtocolType"));
        Assert.Equal("AWS_PROXY", P(item, "IntegrationType"));
        Assert.Equal(OrdersFunction, P(item, "IntegrationUri"));
        Assert.Equal("2.0", P(item, "PayloadFormatVersion"));
        Assert.Equal("orders", P(item, "Description"));
        Assert.Equal(12000, P(item, "TimeoutInMillis"));
        var stored = moto.Seed.FindIntegration(api, (string)P(item, "IntegrationId")!)!;
        Assert.Equal(OrdersFunction, stored["integrationUri"]!.GetValue<string>());
    }

    [Fact]
    public void HttpLambdaProxy_CompletesAPartialArnGivenAsFunctionName_AndTakesPayload10()
    {
        var api = moto.Seed.CreateApi("new-lambda-partial");
        using var ps = moto.NewSession();
        var result = ps.Run($"New-ApiIntegration {api} -FunctionName 123456789012:function:orders:live -PayloadFormatVersion 1.0 -EndpointUrl $Endpoint");
        result.ThrowIfFailed();
        var item = Assert.Single(result.Output);
        Assert.Equal("arn:aws:lambda:us-east-1:123456789012:function:orders:live", P(item, "IntegrationUri"));
        Assert.Equal("1.0", P(item, "PayloadFormatVersion"));
    }

    [Fact]
    public void HttpProxy_DefaultsToAnyAndPayload10_WithParameterMappings()
    {
        var api = moto.Seed.CreateApi("new-http-proxy");
        using var ps = moto.NewSession();
        var result = ps.Run($$"""
            New-ApiIntegration -ApiId {{api}} -Url 'https://orders.example.com/{proxy}' -EndpointUrl $Endpoint `
                -RequestParameters @{ 'overwrite:header.x-request-id' = '$context.requestId'; 'append:querystring.v' = '2' } `
                -ResponseParameters @{ 500 = @{ 'overwrite:statuscode' = '502'; 'append:header.x-error' = 'backend' } } `
                -CredentialsArn arn:aws:iam::123456789012:role/apigw
            """);
        result.ThrowIfFailed();
        var item = Assert.Single(result.Output);
        Assert.Equal("HTTP_PROXY", P(item, "IntegrationType"));
        Assert.Equal("ANY", P(item, "IntegrationMethod"));
        Assert.Equal("1.0", P(item, "PayloadFormatVersion"));
        Assert.Equal("https://orders.example.com/{proxy}", P(item, "IntegrationUri"));
        Assert.Equal("$context.requestId", Map(item, "RequestParameters")["overwrite:header.x-request-id"]);
        Assert.Equal("502", ((IDictionary)Map(item, "ResponseParameters")["500"]!)["overwrite:statuscode"]);
        Assert.Equal("arn:aws:iam::123456789012:role/apigw", P(item, "CredentialsArn"));
    }

    [Fact]
    public void HttpProxy_TakesAnIntegrationMethod()
    {
        var api = moto.Seed.CreateApi("new-http-method");
        using var ps = moto.NewSession();
        var result = ps.Run($"New-ApiIntegration {api} -Url https://orders.example.com/list -IntegrationMethod get -EndpointUrl $Endpoint");
        result.ThrowIfFailed();
        Assert.Equal("GET", P(Assert.Single(result.Output), "IntegrationMethod"));
    }

    [Fact]
    public void HttpPrivate_MakesAVpcLinkIntegrationWithTls()
    {
        var api = moto.Seed.CreateApi("new-private");
        var link = moto.Seed.CreateVpcLink("orders-link");
        using var ps = moto.NewSession();
        var result = ps.Run($"New-ApiIntegration {api} -ConnectionId {link} -IntegrationUri {Listener} -ServerNameToVerify orders.internal.example.com -EndpointUrl $Endpoint");
        result.ThrowIfFailed();
        var item = Assert.Single(result.Output);
        Assert.Equal("HTTP_PROXY", P(item, "IntegrationType"));
        Assert.Equal("VPC_LINK", P(item, "ConnectionType"));
        Assert.Equal(link, P(item, "ConnectionId"));
        Assert.Equal(Listener, P(item, "IntegrationUri"));
        Assert.Equal("ANY", P(item, "IntegrationMethod"));
        Assert.Equal("orders.internal.example.com", P(item, "ServerNameToVerify"));
        var stored = moto.Seed.FindIntegration(api, (string)P(item, "IntegrationId")!)!;
        Assert.Equal("orders.internal.example.com", stored["tlsConfig"]!["serverNameToVerify"]!.GetValue<string>());
    }

    [Fact]
    public void HttpPrivate_AVpcLinkThatDoesNotExistIsRefused()
    {
        var api = moto.Seed.CreateApi("new-private-missing");
        using var ps = moto.NewSession();
        var error = AssertRefused(ps.Run($"New-ApiIntegration {api} -VpcLinkId nosuchlink -IntegrationUri {Listener} -EndpointUrl $Endpoint"), "IT2030");
        Assert.Contains("'nosuchlink' does not exist", error.Exception.Message);
        Assert.Empty(moto.Seed.GetIntegrations(api));
    }

    [Fact]
    public void HttpPrivate_AUrlInsteadOfAListenerIsRefused()
    {
        var api = moto.Seed.CreateApi("new-private-url");
        var link = moto.Seed.CreateVpcLink("url-link");
        using var ps = moto.NewSession();
        AssertRefused(ps.Run($"New-ApiIntegration {api} -ConnectionId {link} -IntegrationUri https://orders.internal -EndpointUrl $Endpoint"), "IT2013");
        Assert.Empty(moto.Seed.GetIntegrations(api));
    }

    [Fact]
    public void HttpAwsService_MakesASubtypeIntegrationWithItsParametersAndRole()
    {
        var api = moto.Seed.CreateApi("new-sqs");
        using var ps = moto.NewSession();
        var result = ps.Run($$"""
            New-ApiIntegration {{api}} -IntegrationSubtype SQS-SendMessage -CredentialsArn arn:aws:iam::123456789012:role/apigw-sqs `
                -RequestParameters @{ QueueUrl = 'https://sqs.us-east-1.amazonaws.com/123456789012/orders'; MessageBody = '$request.body' } -EndpointUrl $Endpoint
            """);
        result.ThrowIfFailed();
        var item = Assert.Single(result.Output);
        Assert.Equal("AWS_PROXY", P(item, "IntegrationType"));
        Assert.Equal("SQS-SendMessage", P(item, "IntegrationSubtype"));
        Assert.Equal("1.0", P(item, "PayloadFormatVersion"));
        Assert.Equal("$request.body", Map(item, "RequestParameters")["MessageBody"]);
    }

    [Theory]
    [InlineData("SQS-SendMessage", "@{ QueueUrl = 'q' }", "'MessageBody'")]
    [InlineData("EventBridge-PutEvents", "@{ Detail = '$request.body'; Source = 'orders' }", "'DetailType'")]
    [InlineData("StepFunctions-StartExecution", "@{ Input = '$request.body' }", "'StateMachineArn'")]
    [InlineData("Kinesis-PutRecord", "@{ StreamName = 's'; Data = '$request.body' }", "'PartitionKey'")]
    [InlineData("AppConfig-GetConfiguration", "@{ Application = 'a'; Environment = 'e'; Configuration = 'c' }", "'ClientId'")]
    public void HttpAwsService_AMissingRequiredParameterIsRefused(string subtype, string parameters, string missing)
    {
        var api = moto.Seed.CreateApi("new-subtype-missing");
        using var ps = moto.NewSession();
        var error = AssertRefused(ps.Run($"New-ApiIntegration {api} -IntegrationSubtype {subtype} -CredentialsArn arn:aws:iam::123456789012:role/r -RequestParameters {parameters} -EndpointUrl $Endpoint"), "IT2008");
        Assert.Contains(missing, error.Exception.Message);
        Assert.Empty(moto.Seed.GetIntegrations(api));
    }

    [Fact]
    public void HttpAwsService_SubtypesCompleteWithWhatTheyNeed()
    {
        using var ps = moto.NewSession();
        var result = ps.Run("$Line = 'New-ApiIntegration -IntegrationSubtype SQS-'; (TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches | ForEach-Object { $_.CompletionText + '|' + $_.ToolTip }");
        result.ThrowIfFailed();
        var matches = result.Output.Select(o => o.ToString()).ToList();
        Assert.Equal(["SQS-SendMessage", "SQS-ReceiveMessage", "SQS-DeleteMessage", "SQS-PurgeQueue"], matches.Select(m => m.Split('|')[0]));
        Assert.Contains(matches, m => m.StartsWith("SQS-SendMessage|") && m.Contains("QueueUrl, MessageBody"));
    }

    // ---- WebSocket APIs ---------------------------------------------------------------------------------------------

    [Fact]
    public void WebSocketMock_TakesTemplatesSelectionAndPassthrough()
    {
        var api = moto.Seed.CreateApi("new-ws-mock", "WEBSOCKET");
        using var ps = moto.NewSession();
        var result = ps.Run($$"""
            New-ApiIntegration {{api}} -Mock -RequestTemplates @{ '$default' = '{"statusCode": 200}' } -TemplateSelectionExpression '\$default' `
                -PassthroughBehavior when_no_templates -TimeoutInMillis 29000 -EndpointUrl $Endpoint
            """);
        result.ThrowIfFailed();
        var item = Assert.Single(result.Output);
        Assert.Equal("WEBSOCKET", P(item, "ProtocolType"));
        Assert.Equal("MOCK", P(item, "IntegrationType"));
        Assert.Equal("WHEN_NO_TEMPLATES", P(item, "PassthroughBehavior"));
        Assert.Equal("\\$default", P(item, "TemplateSelectionExpression"));
        Assert.Equal("{\"statusCode\": 200}", Map(item, "RequestTemplates")["$default"]);
        Assert.Null(P(item, "IntegrationUri"));
    }

    [Fact]
    public void WebSocketHttp_IsHttpByDefault_HttpProxyWithProxy_AndTakesContentHandling()
    {
        var api = moto.Seed.CreateApi("new-ws-http", "WEBSOCKET");
        using var ps = moto.NewSession();
        var result = ps.Run($$"""
            New-ApiIntegration {{api}} -Url https://chat.example.com/messages -IntegrationType HTTP -ContentHandlingStrategy CONVERT_TO_TEXT `
                -RequestParameters @{ 'integration.request.header.x-connection' = 'context.connectionId' } -EndpointUrl $Endpoint
            New-ApiIntegration {{api}} -Url https://chat.example.com/relay -Proxy -IntegrationMethod PUT -EndpointUrl $Endpoint
            """);
        result.ThrowIfFailed();
        Assert.Equal(2, result.Output.Count);
        Assert.Equal("HTTP", P(result.Output[0], "IntegrationType"));
        Assert.Equal("POST", P(result.Output[0], "IntegrationMethod"));
        Assert.Equal("CONVERT_TO_TEXT", P(result.Output[0], "ContentHandlingStrategy"));
        Assert.Equal("context.connectionId", Map(result.Output[0], "RequestParameters")["integration.request.header.x-connection"]);
        Assert.Equal("HTTP_PROXY", P(result.Output[1], "IntegrationType"));
        Assert.Equal("PUT", P(result.Output[1], "IntegrationMethod"));
    }

    [Fact]
    public void WebSocketLambda_UsesTheInvocationUri()
    {
        var api = moto.Seed.CreateApi("new-ws-lambda", "WEBSOCKET");
        using var ps = moto.NewSession();
        var result = ps.Run($$"""
            New-ApiIntegration {{api}} -FunctionArn arn:aws:lambda:us-east-1:123456789012:function:chat -IntegrationType AWS_PROXY -EndpointUrl $Endpoint
            New-ApiIntegration {{api}} -FunctionArn 123456789012:function:chat -IntegrationType AWS -RequestTemplates @{ '$default' = '{"action": "$input.path(''$.action'')"}' } -EndpointUrl $Endpoint
            """);
        result.ThrowIfFailed();
        const string uri = "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:chat/invocations";
        Assert.Equal(2, result.Output.Count);
        Assert.All(result.Output, o =>
        {
            Assert.Equal(uri, P(o, "IntegrationUri"));
            Assert.Equal("POST", P(o, "IntegrationMethod"));
        });
        Assert.Equal("AWS_PROXY", P(result.Output[0], "IntegrationType"));
        Assert.Equal("AWS", P(result.Output[1], "IntegrationType"));
    }

    // ---- Every parameter set refused on the other protocol ------------------------------------------------------

    [Theory]
    [InlineData("WEBSOCKET", "-FunctionArn arn:aws:lambda:us-east-1:123456789012:function:chat", "-IntegrationType AWS_PROXY")]
    [InlineData("WEBSOCKET", "-Url https://chat.example.com", "-Proxy")]
    [InlineData("WEBSOCKET", "-ConnectionId vl1 -IntegrationUri " + Listener, "ConnectionType VPC_LINK")]
    [InlineData("WEBSOCKET", "-IntegrationSubtype SQS-PurgeQueue -RequestParameters @{ QueueUrl = 'q' } -CredentialsArn arn:aws:iam::123456789012:role/r", "IntegrationType AWS")]
    [InlineData("HTTP", "-Mock", "HTTP APIs have no MOCK")]
    [InlineData("HTTP", "-Url https://orders.example.com -Proxy", "HttpProxy")]
    [InlineData("HTTP", "-FunctionArn " + OrdersFunction + " -IntegrationType AWS_PROXY", "HttpLambdaProxy")]
    public void EveryParameterSetIsRefusedOnTheOtherProtocol_BeforeAnythingIsSent(string protocol, string parameters, string fix)
    {
        var api = moto.Seed.CreateApi("new-wrong-protocol", protocol);
        using var ps = moto.NewSession();
        var error = AssertRefused(ps.Run($"New-ApiIntegration {api} {parameters} -EndpointUrl $Endpoint -Verbose"), "IT2000");
        Assert.Contains(protocol == "HTTP" ? "is an HTTP API" : "is a WebSocket API", error.Exception.Message);
        Assert.Contains(fix, error.ErrorDetails!.RecommendedAction);
        Assert.Equal($"api/{api}", error.TargetObject);
        Assert.Empty(moto.Seed.GetIntegrations(api));
    }

    [Fact]
    public void AnHttpTypeIntegrationOnAnHttpApiIsRefusedThoughMotoWouldAcceptIt()
    {
        var api = moto.Seed.CreateApi("new-http-type");
        // moto accepts it: the seed proves the service stand-in would have created it.
        var other = moto.Seed.CreateApi("new-http-type-moto");
        moto.Seed.CreateIntegration(other, new { integrationType = "HTTP", integrationUri = "https://e.com", integrationMethod = "GET" });
        using var ps = moto.NewSession();
        var result = ps.Run($"@{{ IntegrationType = 'HTTP'; IntegrationUri = 'https://orders.example.com'; IntegrationMethod = 'GET'; PayloadFormatVersion = '1.0' }} | New-ApiIntegration -ApiId {api} -EndpointUrl $Endpoint -Verbose");
        var error = AssertRefused(result, "IT2002");
        Assert.Contains("only AWS_PROXY and HTTP_PROXY", error.Exception.Message);
        Assert.Empty(moto.Seed.GetIntegrations(api));
        // Nothing but the GetApi read went out.
        Assert.DoesNotContain(result.Verbose, v => v.StartsWith("POST"));
        Assert.Contains(result.Verbose, v => v.StartsWith("GET") && v.Contains($"/v2/apis/{api}"));
    }

    [Theory]
    [InlineData("HTTP", "IntegrationType = 'HTTP_PROXY'; IntegrationUri = 'https://e.com'; IntegrationMethod = 'ANY'; PayloadFormatVersion = '1.0'; RequestTemplates = @{ 'application/json' = '{}' }", "IT2003")]
    [InlineData("HTTP", "IntegrationType = 'HTTP_PROXY'; IntegrationUri = 'https://e.com'; IntegrationMethod = 'ANY'; PayloadFormatVersion = '2.0'", "IT2005")]
    [InlineData("HTTP", "IntegrationType = 'AWS_PROXY'; IntegrationUri = 'arn:aws:lambda:us-east-1:123456789012:function:f'", "IT2006")]
    [InlineData("HTTP", "IntegrationType = 'HTTP_PROXY'; IntegrationUri = 'https://e.com'; IntegrationMethod = 'ANY'; PayloadFormatVersion = '1.0'; TlsConfig = @{ ServerNameToVerify = 'e.com' }", "IT2012")]
    [InlineData("HTTP", "IntegrationType = 'HTTP_PROXY'; IntegrationUri = 'https://e.com'; IntegrationMethod = 'ANY'; PayloadFormatVersion = '1.0'; TimeoutInMillis = 30001", "IT2014")]
    [InlineData("HTTP", "IntegrationType = 'HTTP_PROXY'; IntegrationUri = 'https://e.com'; IntegrationMethod = 'ANY'; PayloadFormatVersion = '1.0'; RequestParameters = @{ 'overwrite:header.Connection' = 'close' }", "IT2017")]
    [InlineData("HTTP", "IntegrationType = 'HTTP_PROXY'; IntegrationUri = 'https://e.com'; IntegrationMethod = 'ANY'; PayloadFormatVersion = '1.0'; ResponseParameters = @{ '700' = @{ 'overwrite:statuscode' = '200' } }", "IT2019")]
    [InlineData("WEBSOCKET", "IntegrationType = 'MOCK'; TimeoutInMillis = 30000", "IT2014")]
    [InlineData("WEBSOCKET", "IntegrationType = 'MOCK'; PassthroughBehavior = 'ALWAYS'", "IT2015")]
    [InlineData("WEBSOCKET", "IntegrationType = 'HTTP_PROXY'; IntegrationUri = 'https://e.com'; IntegrationMethod = 'POST'; ResponseParameters = @{ '500' = @{ 'overwrite:statuscode' = '502' } }", "IT2004")]
    public void DefinitionsTheServiceWouldRefuseAreRefusedBeforeSending(string protocol, string fields, string ruleId)
    {
        var api = moto.Seed.CreateApi("new-refused", protocol);
        using var ps = moto.NewSession();
        AssertRefused(ps.Run($"@{{ {fields} }} | New-ApiIntegration -ApiId {api} -EndpointUrl $Endpoint"), ruleId);
        Assert.Empty(moto.Seed.GetIntegrations(api));
    }

    // ---- Pipeline forms -----------------------------------------------------------------------------------------

    [Fact]
    public void HashtablesPipeInWithKeysInAnyCase()
    {
        var api = moto.Seed.CreateApi("new-pipe-hashtable");
        using var ps = moto.NewSession();
        var result = ps.Run($$"""
            @{ apiid = '{{api}}'; INTEGRATIONTYPE = 'AWS_PROXY'; integrationUri = '{{OrdersFunction}}'; payloadformatversion = '2.0' },
            @{ ApiId = '{{api}}'; IntegrationType = 'HTTP_PROXY'; IntegrationUri = 'https://orders.example.com'; IntegrationMethod = 'GET'; PayloadFormatVersion = '1.0'; TimeoutInMillis = '5000' } |
                New-ApiIntegration -EndpointUrl $Endpoint
            """);
        result.ThrowIfFailed();
        Assert.Equal(2, result.Output.Count);
        Assert.Equal("AWS_PROXY", P(result.Output[0], "IntegrationType"));
        Assert.Equal(5000, P(result.Output[1], "TimeoutInMillis"));
        Assert.Equal(2, moto.Seed.GetIntegrations(api).Count);
    }

    [Fact]
    public void PSCustomObjectsPipeIn_AndTheirApiIdBindsByPropertyName()
    {
        var api = moto.Seed.CreateApi("new-pipe-object", "WEBSOCKET");
        using var ps = moto.NewSession();
        var result = ps.Run($$"""
            [pscustomobject]@{ ApiId = '{{api}}'; IntegrationType = 'MOCK'; RequestTemplates = [pscustomobject]@{ '$default' = '{"statusCode": 200}' } } |
                New-ApiIntegration -EndpointUrl $Endpoint
            """);
        result.ThrowIfFailed();
        var item = Assert.Single(result.Output);
        Assert.Equal("MOCK", P(item, "IntegrationType"));
        Assert.Equal(api, P(item, "ApiId"));
        Assert.Equal("{\"statusCode\": 200}", Map(item, "RequestTemplates")["$default"]);
    }

    [Fact]
    public void TheAwsCliSkeletonPipesInWithItsPascalCaseKeys_BlankMembersLeftOut()
    {
        var api = moto.Seed.CreateApi("new-pipe-skeleton");
        var link = moto.Seed.CreateVpcLink("skeleton-link");
        // aws apigatewayv2 create-integration --generate-cli-skeleton, filled in; members left blank are not sent.
        var skeleton = $$"""
            {
                "ApiId": "{{api}}",
                "ConnectionId": "{{link}}",
                "ConnectionType": "VPC_LINK",
                "CredentialsArn": "",
                "Description": "orders through the VPC link",
                "IntegrationMethod": "ANY",
                "IntegrationSubtype": "",
                "IntegrationType": "HTTP_PROXY",
                "IntegrationUri": "{{Listener}}",
                "PayloadFormatVersion": "1.0",
                "RequestParameters": { "overwrite:header.x-request-id": "$context.requestId" },
                "ResponseParameters": { "500": { "overwrite:statuscode": "502" } },
                "TemplateSelectionExpression": "",
                "TimeoutInMillis": 15000,
                "TlsConfig": { "ServerNameToVerify": "orders.internal.example.com" }
            }
            """;
        using var ps = moto.NewSession();
        var result = ps.Run(ConvertFromJson + "\nConvertFrom-JsonText $Skeleton | New-ApiIntegration -EndpointUrl $Endpoint -Verbose",
            new Dictionary<string, object?> { ["Skeleton"] = skeleton });
        result.ThrowIfFailed();
        var item = Assert.Single(result.Output);
        Assert.Equal("orders.internal.example.com", P(item, "ServerNameToVerify"));
        Assert.Equal(15000, P(item, "TimeoutInMillis"));
        Assert.Equal("502", ((IDictionary)Map(item, "ResponseParameters")["500"]!)["overwrite:statuscode"]);
        Assert.Equal(link, P(item, "ConnectionId"));
        var stored = moto.Seed.FindIntegration(api, (string)P(item, "IntegrationId")!)!;
        Assert.Null(stored["credentialsArn"]);
        Assert.Null(stored["templateSelectionExpression"]);
    }

    [Fact]
    public void GetApiIntegrationOutputPipesIn_ToCopyIntegrationsToAnotherApi()
    {
        var source = moto.Seed.CreateApi("new-copy-source");
        moto.Seed.CreateIntegration(source, new { integrationType = "AWS_PROXY", integrationUri = OrdersFunction, payloadFormatVersion = "2.0", description = "lambda" });
        moto.Seed.CreateIntegration(source, new { integrationType = "HTTP_PROXY", integrationUri = "https://e.com", integrationMethod = "GET", payloadFormatVersion = "1.0" });
        var target = moto.Seed.CreateApi("new-copy-target");
        using var ps = moto.NewSession();
        var result = ps.Run($"Get-ApiIntegration {source} -EndpointUrl $Endpoint | New-ApiIntegration -ApiId {target} -EndpointUrl $Endpoint");
        result.ThrowIfFailed();
        Assert.Equal(2, result.Output.Count);
        Assert.All(result.Output, o => Assert.Equal(target, P(o, "ApiId")));
        Assert.Equal(["AWS_PROXY", "HTTP_PROXY"], result.Output.Select(o => (string)P(o, "IntegrationType")!).Order());
        Assert.Equal(2, moto.Seed.GetIntegrations(target).Count);
    }

    [Fact]
    public void AnUnknownKeyIsAPreFlightErrorThatSuggestsTheField()
    {
        var api = moto.Seed.CreateApi("new-unknown-key");
        using var ps = moto.NewSession();
        var error = AssertRefused(ps.Run($"@{{ ApiId = '{api}'; IntegrationType = 'AWS_PROXY'; IntegrationUrl = '{OrdersFunction}'; PayloadFormatVersion = '2.0' }} | New-ApiIntegration -EndpointUrl $Endpoint"), "IT0002");
        Assert.Contains("'IntegrationUrl' is not a field", error.Exception.Message);
        Assert.Contains("Did you mean 'IntegrationUri'?", error.Exception.Message);
        Assert.Empty(moto.Seed.GetIntegrations(api));
    }

    [Fact]
    public void ADefinitionWithoutAnApiIdIsItsOwnError()
    {
        using var ps = moto.NewSession();
        var result = ps.Run("@{ IntegrationType = 'MOCK' } | New-ApiIntegration -EndpointUrl $Endpoint");
        var error = result.SingleError();
        Assert.Equal("NewApiIntegrationNoApiId,IntegrationTools.Commands.NewApiIntegrationCommand", error.FullyQualifiedErrorId);
        Assert.Equal("input 1", error.TargetObject);
    }

    [Fact]
    public void ABatchWithABadItemInTheMiddleCreatesTheOthersAndReportsIt()
    {
        var api = moto.Seed.CreateApi("new-batch");
        using var ps = moto.NewSession();
        var result = ps.Run($$"""
            @{ IntegrationType = 'AWS_PROXY'; IntegrationUri = '{{OrdersFunction}}'; PayloadFormatVersion = '2.0'; Description = 'first' },
            @{ IntegrationType = 'MOCK'; Description = 'second' },
            @{ IntegrationType = 'HTTP_PROXY'; IntegrationUri = 'https://e.com'; IntegrationMethod = 'GET'; PayloadFormatVersion = '1.0'; Description = 'third' } |
                New-ApiIntegration -ApiId {{api}} -EndpointUrl $Endpoint
            """);
        Assert.Equal(["first", "third"], result.Output.Select(o => (string)P(o, "Description")!));
        var error = Assert.Single(result.Errors);
        Assert.Equal(InvalidDefinition, error.FullyQualifiedErrorId);
        Assert.Contains("IT2002", error.Exception.Message);
        Assert.Equal(2, moto.Seed.GetIntegrations(api).Count);
    }

    [Fact]
    public void AMissingApiIsNotFound_AndTheBatchGoesOn()
    {
        var api = moto.Seed.CreateApi("new-missing-api");
        using var ps = moto.NewSession();
        var result = ps.Run($"[pscustomobject]@{{ ApiId = 'nosuchapi' }}, [pscustomobject]@{{ ApiId = '{api}' }} | New-ApiIntegration -Url https://e.com -EndpointUrl $Endpoint");
        Assert.Single(result.Output);
        var error = Assert.Single(result.Errors);
        Assert.Equal("NewApiIntegrationNotFound,IntegrationTools.Commands.NewApiIntegrationCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.Equal("api/nosuchapi", error.TargetObject);
    }

    // ---- -WhatIf ------------------------------------------------------------------------------------------------

    [Fact]
    public void WhatIfSendsNothingAndShowsTheExactRequest()
    {
        var api = moto.Seed.CreateApi("new-whatif");
        using var ps = moto.NewSession();
        var result = ps.Run($"New-ApiIntegration {api} -FunctionArn {OrdersFunction} -TimeoutInMillis 9000 -WhatIf -EndpointUrl $Endpoint");
        result.ThrowIfFailed();
        Assert.Empty(result.Output);
        Assert.Empty(moto.Seed.GetIntegrations(api));
        var text = ps.HostText;
        Assert.Contains($"What if: Performing the operation \"POST /v2/apis/{api}/integrations {{", text);
        Assert.Contains("\"integrationType\":\"AWS_PROXY\"", text);
        Assert.Contains($"\"integrationUri\":\"{OrdersFunction}\"", text);
        Assert.Contains("\"payloadFormatVersion\":\"2.0\"", text);
        Assert.Contains("\"timeoutInMillis\":9000", text);
        Assert.Contains($"on target \"api/{api}\"", text);
    }

    [Fact]
    public void WhatIfStillRefusesABadDefinition()
    {
        var api = moto.Seed.CreateApi("new-whatif-bad", "WEBSOCKET");
        using var ps = moto.NewSession();
        AssertRefused(ps.Run($"New-ApiIntegration {api} -Url https://e.com -WhatIf -EndpointUrl $Endpoint"), "IT2000");
        Assert.DoesNotContain("What if:", ps.HostText);
    }
}

using System.Collections;
using System.Diagnostics;
using System.Management.Automation;
using IntegrationTools.LocalAws;
using IntegrationTools.Tests.Infrastructure;

namespace IntegrationTools.Tests;

/// <summary>Set-RestIntegration against moto: every parameter set, every pipeline form, -WhatIf, and the pre-flight errors.</summary>
[Collection(MotoCollection.Name)]
public sealed class SetRestIntegrationTests(MotoFixture moto)
{
    private const string Suffix = ",IntegrationTools.Commands.SetRestIntegrationCommand";
    private const string FunctionArn = "arn:aws:lambda:us-east-1:123456789012:function:list-pets";
    private readonly RestIntegrationSeed _seed = new(moto.Endpoint);

    private static IDictionary Map(PSObject item, string name) => (IDictionary)item.Properties[name].Value;

    private static object? P(PSObject item, string name) => item.Properties[name].Value;

    // ---- one test per parameter set

    [Fact]
    public void Mock_PutsAMockIntegrationAndWritesItWithItsIds()
    {
        var shop = _seed.CreateShop("set-mock");
        using var ps = moto.NewSession();
        var result = ps.Run($$"""
            Set-RestIntegration -RestApiId {{shop.RestApiId}} -ResourcePath /pets -HttpMethod options -Mock `
                -RequestTemplates @{ 'application/json' = '{"statusCode": 200}' } -PassthroughBehavior WHEN_NO_TEMPLATES -EndpointUrl $Endpoint
            """);
        result.ThrowIfFailed();
        var item = Assert.Single(result.Output);
        Assert.Equal("IntegrationTools.Models.RestIntegration", item.TypeNames[0]);
        Assert.Equal(shop.RestApiId, P(item, "RestApiId"));
        Assert.Equal(shop.PetsId, P(item, "ResourceId"));
        Assert.Equal("/pets", P(item, "ResourcePath"));
        Assert.Equal("OPTIONS", P(item, "HttpMethod"));
        Assert.Equal("MOCK", P(item, "Type"));
        var stored = _seed.Integration(shop.RestApiId, shop.PetsId, "OPTIONS")!;
        Assert.Equal("MOCK", (string?)stored["type"]);
        Assert.Equal("{\"statusCode\": 200}", (string?)stored["requestTemplates"]!["application/json"]);
        Assert.Equal("WHEN_NO_TEMPLATES", (string?)stored["passthroughBehavior"]);
    }

    [Fact]
    public void Http_PutsEveryOptionWithItsWireName()
    {
        var shop = _seed.CreateShop("set-http");
        using var ps = moto.NewSession();
        var result = ps.Run($$"""
            Set-RestIntegration -RestApiId {{shop.RestApiId}} -ResourceId {{shop.PetsId}} -HttpMethod GET -Http `
                -Uri 'https://search.example.com/find' -IntegrationHttpMethod post `
                -RequestParameters @{ 'integration.request.querystring.term' = 'method.request.querystring.q'; 'integration.request.header.x-trace' = 'method.request.header.x-trace'; 'integration.request.header.x-source' = "'shop'" } `
                -RequestTemplates @{ 'application/json' = '{"q": "$input.params(''q'')"}' } -PassthroughBehavior when_no_match `
                -CacheNamespace shop-search -CacheKeyParameters method.request.querystring.q -ContentHandling CONVERT_TO_TEXT `
                -TimeoutInMillis 12000 -InsecureSkipVerification -EndpointUrl $Endpoint
            """);
        result.ThrowIfFailed();
        Assert.Empty(result.Warnings);
        var stored = _seed.Integration(shop.RestApiId, shop.PetsId, "GET")!;
        Assert.Equal("HTTP", (string?)stored["type"]);
        // The backend method travels as the body member httpMethod.
        Assert.Equal("POST", (string?)stored["httpMethod"]);
        Assert.Equal("https://search.example.com/find", (string?)stored["uri"]);
        Assert.Equal("method.request.querystring.q", (string?)stored["requestParameters"]!["integration.request.querystring.term"]);
        Assert.Equal("'shop'", (string?)stored["requestParameters"]!["integration.request.header.x-source"]);
        Assert.Equal("{\"q\": \"$input.params('q')\"}", (string?)stored["requestTemplates"]!["application/json"]);
        Assert.Equal("WHEN_NO_MATCH", (string?)stored["passthroughBehavior"]);
        Assert.Equal("shop-search", (string?)stored["cacheNamespace"]);
        Assert.Equal("CONVERT_TO_TEXT", (string?)stored["contentHandling"]);
        Assert.Equal("12000", stored["timeoutInMillis"]!.ToString());
        Assert.True((bool)stored["tlsConfig"]!["insecureSkipVerification"]!);
        var item = Assert.Single(result.Output);
        Assert.Equal("POST", P(item, "IntegrationHttpMethod"));
        Assert.Equal(12000, P(item, "TimeoutInMillis"));
    }

    [Theory]
    [InlineData("-Http", "HTTP")]
    [InlineData("-HttpProxy", "HTTP_PROXY")]
    public void VpcLink_PutsAPrivateIntegration(string kind, string type)
    {
        var shop = _seed.CreateShop("set-vpc" + type);
        const string listener = "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/pets/50dc6c495c0c9188/f2f7dc8efc522ab2";
        using var ps = moto.NewSession();
        var command = $"Set-RestIntegration -RestApiId {shop.RestApiId} -ResourcePath /pets -HttpMethod POST {kind} -Uri https://pets.internal.example.com/pets " +
                      $"-IntegrationHttpMethod POST -ConnectionId vl1234 -IntegrationTarget {listener} -EndpointUrl $Endpoint";
        var text = ps.Render(command + " -WhatIf");
        Assert.Contains("\"connectionType\":\"VPC_LINK\",\"connectionId\":\"vl1234\"", text);
        Assert.Contains($"\"integrationTarget\":\"{listener}\"", text);

        var result = ps.Run(command);
        result.ThrowIfFailed();
        var stored = _seed.Integration(shop.RestApiId, shop.PetsId, "POST")!;
        Assert.Equal(type, (string?)stored["type"]);
        Assert.Equal("VPC_LINK", (string?)stored["connectionType"]);
        Assert.Equal("VPC_LINK", P(Assert.Single(result.Output), "ConnectionType"));
    }

    [Fact]
    public void HttpProxy_AboveTheStandardTimeout_WarnsNamingTheQuota_AndStillSends()
    {
        var shop = _seed.CreateShop("set-proxy");
        using var ps = moto.NewSession();
        var result = ps.Run($$"""
            Set-RestIntegration -RestApiId {{shop.RestApiId}} -ResourcePath '/pets/{petId}' -HttpMethod GET -HttpProxy `
                -Uri 'https://pets.example.com/pets/{petId}' -IntegrationHttpMethod GET -TimeoutInMillis 120000 -ResponseTransferMode STREAM `
                -RequestParameters @{ 'integration.request.path.petId' = 'method.request.path.petId' } -EndpointUrl $Endpoint
            """);
        result.ThrowIfFailed();
        var warning = Assert.Single(result.Warnings);
        Assert.StartsWith("IT1016", warning);
        Assert.Contains("Maximum integration timeout", warning);
        Assert.Contains("Regional and private", warning);
        var stored = _seed.Integration(shop.RestApiId, shop.PetId, "GET")!;
        Assert.Equal("HTTP_PROXY", (string?)stored["type"]);
        Assert.Equal("120000", stored["timeoutInMillis"]!.ToString());
    }

    [Fact]
    public void LambdaProxy_BuildsTheInvocationUriAndUsesPost()
    {
        var shop = _seed.CreateShop("set-lambda-proxy");
        using var ps = moto.NewSession();
        var result = ps.Run($"Set-RestIntegration -RestApiId {shop.RestApiId} -ResourcePath /pets -HttpMethod GET -LambdaProxy -FunctionName {FunctionArn} -EndpointUrl $Endpoint");
        result.ThrowIfFailed();
        var stored = _seed.Integration(shop.RestApiId, shop.PetsId, "GET")!;
        Assert.Equal("AWS_PROXY", (string?)stored["type"]);
        Assert.Equal("POST", (string?)stored["httpMethod"]);
        Assert.Equal($"arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/{FunctionArn}/invocations", (string?)stored["uri"]);
    }

    [Fact]
    public void LambdaCustom_ByNameWithARole_TakesTheAccountFromTheRole()
    {
        var shop = _seed.CreateShop("set-lambda");
        using var ps = moto.NewSession();
        var result = ps.Run($$"""
            Set-RestIntegration -RestApiId {{shop.RestApiId}} -ResourcePath /orders -HttpMethod POST -Lambda -FunctionName place-order `
                -Credentials arn:aws:iam::123456789012:role/apigw-invoke -RequestTemplates @{ 'application/json' = '$input.json(''$'')' } -EndpointUrl $Endpoint
            """);
        result.ThrowIfFailed();
        var stored = _seed.Integration(shop.RestApiId, shop.OrdersId, "POST")!;
        Assert.Equal("AWS", (string?)stored["type"]);
        Assert.Equal("arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:place-order/invocations", (string?)stored["uri"]);
        Assert.Equal("arn:aws:iam::123456789012:role/apigw-invoke", (string?)stored["credentials"]);
    }

    [Theory]
    [InlineData("-Action SendMessage", "arn:aws:apigateway:us-east-1:sqs:action/SendMessage")]
    [InlineData("-Path '/123456789012/orders'", "arn:aws:apigateway:us-east-1:sqs:path/123456789012/orders")]
    public void AwsService_BuildsTheActionOrPathUri(string target, string uri)
    {
        var shop = _seed.CreateShop("set-aws");
        using var ps = moto.NewSession();
        var result = ps.Run($$"""
            Set-RestIntegration -RestApiId {{shop.RestApiId}} -ResourcePath /orders -HttpMethod POST -AwsService -Service sqs {{target}} `
                -IntegrationHttpMethod POST -Credentials arn:aws:iam::123456789012:role/apigw-sqs `
                -RequestParameters @{ 'integration.request.header.Content-Type' = "'application/x-www-form-urlencoded'" } -EndpointUrl $Endpoint
            """);
        result.ThrowIfFailed();
        var stored = _seed.Integration(shop.RestApiId, shop.OrdersId, "POST")!;
        Assert.Equal("AWS", (string?)stored["type"]);
        Assert.Equal(uri, (string?)stored["uri"]);
        Assert.Equal("arn:aws:iam::123456789012:role/apigw-sqs", (string?)stored["credentials"]);
    }

    [Fact]
    public void AwsService_WithTheCallersCredentials_SendsThePassThroughForm()
    {
        // moto refuses any role outside its own account, the pass-through form included: -WhatIf shows what is sent.
        var shop = _seed.CreateShop("set-aws-caller");
        using var ps = moto.NewSession();
        var text = ps.Render($"Set-RestIntegration -RestApiId {shop.RestApiId} -ResourcePath /orders -HttpMethod POST -AwsService -Service s3 -Path '{{bucket}}/{{key}}' " +
                             "-IntegrationHttpMethod GET -Credentials 'arn:aws:iam::*:user/*' -EndpointUrl $Endpoint -WhatIf");
        Assert.Contains("\"credentials\":\"arn:aws:iam::*:user/*\"", text);
        Assert.Contains("\"uri\":\"arn:aws:apigateway:us-east-1:s3:path/{bucket}/{key}\"", text);
        Assert.Null(_seed.Integration(shop.RestApiId, shop.OrdersId, "POST"));
    }

    [Fact]
    public void ARoleOfAnotherAccount_IsRefusedByTheService_AsPermissionDenied()
    {
        var shop = _seed.CreateShop("set-cross-account");
        using var ps = moto.NewSession();
        var result = ps.Run($"Set-RestIntegration -RestApiId {shop.RestApiId} -ResourcePath /orders -HttpMethod POST -AwsService -Service sqs -Action SendMessage " +
                            "-IntegrationHttpMethod POST -Credentials arn:aws:iam::210987654321:role/other -EndpointUrl $Endpoint");
        var error = Assert.Single(result.Errors);
        Assert.Equal("SetRestIntegrationAccessDenied" + Suffix, error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.PermissionDenied, error.CategoryInfo.Category);
        Assert.Equal($"restapi/{shop.RestApiId} /orders POST", error.TargetObject);
    }

    // ---- definitions from the pipeline

    [Fact]
    public void AHashtable_FromThePipeline()
    {
        var shop = _seed.CreateShop("set-hashtable");
        using var ps = moto.NewSession();
        var result = ps.Run($$"""
            @{ restapiid = '{{shop.RestApiId}}'; RESOURCEPATH = '/pets'; HttpMethod = 'post'; Type = 'http_proxy'; IntegrationHttpMethod = 'POST'
               Uri = 'https://pets.example.com/pets'; TimeoutInMillis = '5000'; InsecureSkipVerification = $true } | Set-RestIntegration -EndpointUrl $Endpoint
            """);
        result.ThrowIfFailed();
        var stored = _seed.Integration(shop.RestApiId, shop.PetsId, "POST")!;
        Assert.Equal("HTTP_PROXY", (string?)stored["type"]);
        Assert.Equal("5000", stored["timeoutInMillis"]!.ToString());
        Assert.True((bool)stored["tlsConfig"]!["insecureSkipVerification"]!);
    }

    [Fact]
    public void TheAwsCliSkeleton_AsAPSCustomObjectFromItsJson()
    {
        var shop = _seed.CreateShop("set-skeleton");
        var skeleton = AwsCli("apigateway", "put-integration", "--generate-cli-skeleton");
        using var ps = moto.NewSession();
        var result = ps.Run($$"""
            function ConvertFrom-JsonElement($e) {
                switch ($e.ValueKind.ToString()) {
                    'Object' { $o = [ordered]@{}; foreach ($p in $e.EnumerateObject()) { $o[$p.Name] = ConvertFrom-JsonElement $p.Value }; [pscustomobject]$o }
                    'Array' { , @($e.EnumerateArray() | ForEach-Object { ConvertFrom-JsonElement $_ }) }
                    'String' { $e.GetString() }
                    'Number' { $e.GetInt64() }
                    'True' { $true }
                    'False' { $false }
                    default { $null }
                }
            }
            $s = ConvertFrom-JsonElement ([System.Text.Json.JsonDocument]::Parse($Skeleton).RootElement)
            $s.restApiId = '{{shop.RestApiId}}'; $s.resourceId = '{{shop.PetsId}}'; $s.httpMethod = 'GET'
            $s.type = 'HTTP'; $s.integrationHttpMethod = 'GET'; $s.uri = 'https://search.example.com/find'; $s.connectionType = 'INTERNET'
            $s.requestParameters = [pscustomobject]@{ 'integration.request.querystring.term' = 'method.request.querystring.q' }
            $s.requestTemplates = [pscustomobject]@{ 'application/json' = '{}' }
            $s.passthroughBehavior = 'WHEN_NO_TEMPLATES'; $s.cacheNamespace = 'search'; $s.cacheKeyParameters = @('method.request.querystring.q')
            $s.contentHandling = 'CONVERT_TO_TEXT'; $s.timeoutInMillis = 12000; $s.responseTransferMode = 'BUFFERED'
            # connectionId, credentials and integrationTarget stay "" as the skeleton has them: not given.
            $s.GetType().FullName
            $s | Set-RestIntegration -EndpointUrl $Endpoint
            """, new Dictionary<string, object?> { ["Skeleton"] = skeleton });
        result.ThrowIfFailed();
        Assert.Equal("System.Management.Automation.PSCustomObject", result.Output[0].BaseObject);
        var stored = _seed.Integration(shop.RestApiId, shop.PetsId, "GET")!;
        Assert.Equal("HTTP", (string?)stored["type"]);
        Assert.Equal("GET", (string?)stored["httpMethod"]);
        Assert.Equal("method.request.querystring.q", (string?)stored["requestParameters"]!["integration.request.querystring.term"]);
        Assert.Equal("WHEN_NO_TEMPLATES", (string?)stored["passthroughBehavior"]);
        Assert.Equal("12000", stored["timeoutInMillis"]!.ToString());
        Assert.True((bool)stored["tlsConfig"]!["insecureSkipVerification"]!); // the skeleton's true, kept
        Assert.Null(stored["credentials"]?.GetValue<string>());
    }

    [Fact]
    public void ANestedHashtableMirroringTheSkeleton_WithCamelCaseKeys()
    {
        var shop = _seed.CreateShop("set-nested");
        using var ps = moto.NewSession();
        var result = ps.Run($$"""
            @{ restApiId = '{{shop.RestApiId}}'; resourceId = '{{shop.PetId}}'; httpMethod = 'DELETE'; type = 'HTTP'
               integrationHttpMethod = 'DELETE'; uri = 'https://pets.example.com/pets/{petId}'; connectionType = 'INTERNET'; connectionId = ''
               credentials = ''; requestParameters = @{ 'integration.request.path.petId' = 'method.request.path.petId' }; requestTemplates = @{}
               passthroughBehavior = 'WHEN_NO_MATCH'; cacheNamespace = ''; cacheKeyParameters = @(); contentHandling = 'CONVERT_TO_TEXT'
               timeoutInMillis = 8000; tlsConfig = @{ insecureSkipVerification = $false }; integrationTarget = '' } | Set-RestIntegration -EndpointUrl $Endpoint
            """);
        result.ThrowIfFailed();
        var stored = _seed.Integration(shop.RestApiId, shop.PetId, "DELETE")!;
        Assert.Equal("HTTP", (string?)stored["type"]);
        Assert.Equal("method.request.path.petId", (string?)stored["requestParameters"]!["integration.request.path.petId"]);
        Assert.False((bool)stored["tlsConfig"]!["insecureSkipVerification"]!);
        Assert.Equal("/pets/{petId}", P(Assert.Single(result.Output), "ResourcePath"));
    }

    [Fact]
    public void GetOutput_PipesBackIn_AndCopiesToAnotherApiByPath()
    {
        var from = _seed.CreateShop("set-copy-from");
        var to = _seed.CreateShop("set-copy-to");
        _seed.PutIntegration(from.RestApiId, from.PetsId, "POST", new { type = "HTTP_PROXY", httpMethod = "POST", uri = "https://pets.example.com/pets", timeoutInMillis = 7000 });
        _seed.PutIntegration(from.RestApiId, from.PetsId, "OPTIONS", new { type = "MOCK", requestTemplates = new Dictionary<string, string> { ["application/json"] = "{\"statusCode\": 200}" } });
        using var ps = moto.NewSession();
        var result = ps.Run($"Get-RestIntegration -RestApiId {from.RestApiId} -EndpointUrl $Endpoint | Set-RestIntegration -RestApiId {to.RestApiId} -EndpointUrl $Endpoint");
        result.ThrowIfFailed();
        Assert.Equal(2, result.Output.Count);
        Assert.All(result.Output, o => Assert.Equal(to.RestApiId, P(o, "RestApiId")));
        Assert.All(result.Output, o => Assert.Equal(to.PetsId, P(o, "ResourceId")));
        Assert.Equal("7000", _seed.Integration(to.RestApiId, to.PetsId, "POST")!["timeoutInMillis"]!.ToString());
        Assert.Equal("MOCK", (string?)_seed.Integration(to.RestApiId, to.PetsId, "OPTIONS")!["type"]);
    }

    [Fact]
    public void GetOutput_PipesIntoAKindSet_ByPropertyName()
    {
        var shop = _seed.CreateShop("set-retarget");
        _seed.PutIntegration(shop.RestApiId, shop.PetsId, "POST", new { type = "MOCK" });
        using var ps = moto.NewSession();
        var result = ps.Run($"Get-RestIntegration {shop.RestApiId} -EndpointUrl $Endpoint | Set-RestIntegration -HttpProxy -Uri https://new.example.com/pets -IntegrationHttpMethod POST -EndpointUrl $Endpoint");
        result.ThrowIfFailed();
        Assert.Equal("HTTP_PROXY", (string?)_seed.Integration(shop.RestApiId, shop.PetsId, "POST")!["type"]);
    }

    // ---- targets

    [Fact]
    public void ResourceIdWinsOverResourcePath()
    {
        var shop = _seed.CreateShop("set-id-wins");
        using var ps = moto.NewSession();
        var result = ps.Run($"@{{ RestApiId = '{shop.RestApiId}'; ResourceId = '{shop.PetsId}'; ResourcePath = '/no/such/path'; HttpMethod = 'POST'; Type = 'MOCK' }} | Set-RestIntegration -EndpointUrl $Endpoint");
        result.ThrowIfFailed();
        Assert.Equal("/pets", P(Assert.Single(result.Output), "ResourcePath"));
    }

    [Fact]
    public void AWrongPath_IsObjectNotFoundNamingTheClosestPaths()
    {
        var shop = _seed.CreateShop("set-typo");
        using var ps = moto.NewSession();
        var result = ps.Run($"Set-RestIntegration -RestApiId {shop.RestApiId} -ResourcePath '/pet/{{petId}}' -HttpMethod GET -Mock -EndpointUrl $Endpoint");
        var error = Assert.Single(result.Errors);
        Assert.Equal("SetRestIntegrationNotFound" + Suffix, error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.Contains("Closest existing paths: '/pets/{petId}'", error.Exception.Message);
        Assert.Contains("Get-RestIntegration", error.ErrorDetails.RecommendedAction);
    }

    [Fact]
    public void AMethodTheResourceDoesNotHave_IsObjectNotFoundNamingItsMethods()
    {
        var shop = _seed.CreateShop("set-no-method");
        using var ps = moto.NewSession();
        var result = ps.Run($"Set-RestIntegration -RestApiId {shop.RestApiId} -ResourcePath /orders -HttpMethod PUT -Mock -EndpointUrl $Endpoint");
        var error = Assert.Single(result.Errors);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.Contains("has no PUT method (it has POST)", error.Exception.Message);
    }

    // ---- -WhatIf

    [Fact]
    public void WhatIf_SendsNothing_AndShowsTheExactRequest()
    {
        var shop = _seed.CreateShop("set-whatif");
        using var ps = moto.NewSession();
        var text = ps.Render($"Set-RestIntegration -RestApiId {shop.RestApiId} -ResourcePath /pets -HttpMethod POST -HttpProxy -Uri https://pets.example.com/pets -IntegrationHttpMethod PUT -TimeoutInMillis 5000 -EndpointUrl $Endpoint -WhatIf");
        Assert.Contains($"What if: Performing the operation \"PUT /restapis/{shop.RestApiId}/resources/{shop.PetsId}/methods/POST/integration " +
                        "{\"type\":\"HTTP_PROXY\",\"httpMethod\":\"PUT\",\"uri\":\"https://pets.example.com/pets\",\"timeoutInMillis\":5000}\" " +
                        $"on target \"restapi/{shop.RestApiId} /pets POST\".", text);
        Assert.Null(_seed.Integration(shop.RestApiId, shop.PetsId, "POST"));
    }

    // ---- pre-flight: what the service would refuse is refused before any request, and nothing is sent

    [Theory]
    [InlineData("Type = 'HTTP'; Uri = 'https://x.example.com'", "IT1004", "IntegrationHttpMethod")]
    [InlineData("Type = 'HTTP_PROXY'; IntegrationHttpMethod = 'GET'; Uir = 'https://x.example.com'", "IT0002", "Did you mean 'Uri'?")]
    [InlineData("Type = 'HTTP_PROXY'; IntegrationHttpMethod = 'GET'; Uri = 'x.example.com/pets'", "IT1008", "not an absolute http or https URL")]
    [InlineData("Type = 'AWS'; IntegrationHttpMethod = 'POST'; Uri = 'arn:aws:lambda:us-east-1:123456789012:function:f'", "IT1009", "is a Lambda function ARN")]
    [InlineData("Type = 'AWS_PROXY'; IntegrationHttpMethod = 'POST'; Uri = 'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:function:f/invocations'", "IT1010", "not a full Lambda function ARN")]
    [InlineData("Type = 'AWS_PROXY'; IntegrationHttpMethod = 'GET'; Uri = '" + "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:f/invocations" + "'", "IT1005", "POST")]
    [InlineData("Type = 'MOCK'; IntegrationHttpMethod = 'GET'", "IT1006", "MOCK")]
    [InlineData("Type = 'LAMBDA'", "IT1003", "AWS_PROXY")]
    [InlineData("Type = 'HTTP_PROXY'; IntegrationHttpMethod = 'GET'; Uri = 'https://x.example.com'; ConnectionType = 'VPC_LINK'", "IT1012", "ConnectionId")]
    [InlineData("Type = 'HTTP_PROXY'; IntegrationHttpMethod = 'GET'; Uri = 'https://x.example.com'; TimeoutInMillis = 10", "IT1016", "under the minimum of 50")]
    [InlineData("Type = 'HTTP_PROXY'; IntegrationHttpMethod = 'GET'; Uri = 'https://x.example.com'; TimeoutInMillis = 400000", "IT1016", "above the maximum of 300,000")]
    [InlineData("Type = 'MOCK'; RequestParameters = @{ 'integration.request.header.Accept' = 'application/json' }", "IT1018", "not a mapping expression")]
    [InlineData("Type = 'MOCK'; RequestParameters = @{ 'x-id' = \"'1'\" }", "IT1017", "integration.request")]
    [InlineData("Type = 'MOCK'; RequestTemplates = @{ 'application/json' = @{ statusCode = 200 } }", "IT0003", "must be text")]
    [InlineData("Type = 'AWS'; IntegrationHttpMethod = 'POST'; Uri = 'arn:aws:apigateway:us-east-1:sqs:action/SendMessage'; Credentials = 'apigw-role'", "IT1021", "role")]
    [InlineData("Type = 'MOCK'; ResponseTransferMode = 'STREAM'", "IT1015", "proxy")]
    [InlineData("Type = 'AWS_PROXY'; IntegrationHttpMethod = 'POST'; Uri = '" + "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:f/invocations" + "'; InsecureSkipVerification = $true", "IT1020", "InsecureSkipVerification")]
    [InlineData("Type = 'HTTP_PROXY'; IntegrationHttpMethod = 'GET'; Uri = 'https://x.example.com'; CacheKeyParameters = @('querystring.q')", "IT1022", "method request parameter")]
    [InlineData("Type = 'HTTP_PROXY'; IntegrationHttpMethod = 'GET'; Uri = 'https://x.example.com'; IntegrationTarget = 'listener'", "IT1024", "VPC link")]
    [InlineData("Type = 'MOCK'; PassthroughBehavior = 'ALWAYS'", "IT1013", "ALWAYS")]
    [InlineData("Type = 'MOCK'; ContentHandling = 'CONVERT'", "IT1014", "CONVERT")]
    [InlineData("Type = 'HTTP_PROXY'; IntegrationHttpMethod = 'GET'; Uri = 'https://x.example.com'; ConnectionType = 'LAN'", "IT1011", "LAN")]
    public void PreFlight_RefusesBeforeAnyRequest(string fields, string ruleId, string expected)
    {
        var shop = _seed.CreateShop("set-preflight-" + ruleId);
        using var ps = moto.NewSession();
        var result = ps.Run($"@{{ RestApiId = '{shop.RestApiId}'; ResourcePath = '/pets'; HttpMethod = 'POST'; {fields} }} | Set-RestIntegration -EndpointUrl $Endpoint -Verbose");
        Assert.Empty(result.Output);
        var error = Assert.Single(result.Errors);
        Assert.Equal("SetRestIntegrationInvalidDefinition" + Suffix, error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.IsType<PSArgumentException>(error.Exception);
        Assert.Equal($"restapi/{shop.RestApiId} /pets POST", error.TargetObject);
        Assert.Contains(ruleId, error.Exception.Message);
        Assert.Contains(expected, error.Exception.Message + " " + error.ErrorDetails.RecommendedAction);
        Assert.False(string.IsNullOrWhiteSpace(error.ErrorDetails.RecommendedAction));
        // Nothing was sent at all: not even a read.
        Assert.Empty(result.Verbose);
        Assert.Null(_seed.Integration(shop.RestApiId, shop.PetsId, "POST"));
    }

    [Fact]
    public void PreFlight_AMappingFromAParameterTheMethodDoesNotDeclare_IsRefusedAfterReadingTheMethod()
    {
        var shop = _seed.CreateShop("set-undeclared");
        using var ps = moto.NewSession();
        var result = ps.Run($$"""
            Set-RestIntegration -RestApiId {{shop.RestApiId}} -ResourcePath /pets -HttpMethod GET -HttpProxy -Uri https://x.example.com -IntegrationHttpMethod GET `
                -RequestParameters @{ 'integration.request.querystring.term' = 'method.request.querystring.term' } -EndpointUrl $Endpoint
            """);
        var error = Assert.Single(result.Errors);
        Assert.Equal("SetRestIntegrationInvalidDefinition" + Suffix, error.FullyQualifiedErrorId);
        Assert.Contains("IT1023", error.Exception.Message);
        Assert.Contains("method.request.header.x-trace, method.request.querystring.q", error.Exception.Message);
        Assert.Null(_seed.Integration(shop.RestApiId, shop.PetsId, "GET"));
    }

    [Fact]
    public void ABatchWithABadItemInTheMiddle_ReportsItAndAppliesTheOthers()
    {
        var shop = _seed.CreateShop("set-batch");
        using var ps = moto.NewSession();
        var result = ps.Run($$"""
            @(
                @{ RestApiId = '{{shop.RestApiId}}'; ResourcePath = '/pets'; HttpMethod = 'POST'; Type = 'MOCK' }
                @{ RestApiId = '{{shop.RestApiId}}'; ResourcePath = '/pets'; HttpMethod = 'GET'; Type = 'HTTP'; Uri = 'https://x.example.com' }
                'not a definition'
                @{ RestApiId = '{{shop.RestApiId}}'; ResourcePath = '/orders'; HttpMethod = 'POST'; Type = 'MOCK' }
            ) | Set-RestIntegration -EndpointUrl $Endpoint
            """);
        Assert.Equal(["/pets", "/orders"], result.Output.Select(o => (string)P(o, "ResourcePath")!));
        Assert.Equal(2, result.Errors.Count);
        Assert.All(result.Errors, e => Assert.Equal("SetRestIntegrationInvalidDefinition" + Suffix, e.FullyQualifiedErrorId));
        Assert.Contains("IT1004", result.Errors[0].Exception.Message);
        Assert.Contains("IT0001", result.Errors[1].Exception.Message);
        Assert.Null(_seed.Integration(shop.RestApiId, shop.PetsId, "GET"));
        Assert.NotNull(_seed.Integration(shop.RestApiId, shop.OrdersId, "POST"));
    }

    [Fact]
    public void Syntax_HasOneParameterSetPerKindOfIntegration()
    {
        using var ps = moto.NewSession();
        var result = ps.Run("(Get-Command Set-RestIntegration).ParameterSets | ForEach-Object { $_.Name }");
        result.ThrowIfFailed();
        Assert.Equal(["Definition", "Mock", "Http", "HttpVpcLink", "HttpProxy", "HttpProxyVpcLink", "LambdaProxy", "LambdaCustom", "AwsServiceAction", "AwsServicePath"],
            result.Output.Select(o => o.ToString()));
        var syntax = ps.Run("Get-Command Set-RestIntegration -Syntax");
        syntax.ThrowIfFailed();
        var text = string.Join("\n", syntax.Output.Select(o => o.ToString()));
        Assert.Contains("-LambdaProxy -FunctionName <string>", text);
        Assert.Contains("-AwsService -IntegrationHttpMethod <string> -Service <string> -Path <string> -Credentials <string>", text);
    }

    internal static string AwsCli(params string[] args)
    {
        var cli = Tools.FindAwsCli() ?? throw new InvalidOperationException("The AWS CLI was not found.");
        var info = new ProcessStartInfo(cli) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args) info.ArgumentList.Add(arg);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(60_000)) { process.Kill(true); throw new TimeoutException("aws " + string.Join(' ', args)); }
        Assert.True(process.ExitCode == 0, $"aws {string.Join(' ', args)} failed: {stderr.Result}");
        return stdout.Result;
    }
}

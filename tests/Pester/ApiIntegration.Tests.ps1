#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.5.0' }

# New-, Set- and Remove-ApiIntegration and New-, Get- and Remove-ApiIntegrationResponse (WebSocket APIs) against a
# local moto server: every parameter set on its protocol and refused on the other, every pipeline form, -WhatIf,
# Outcome, the route guard, route keys and how a definition finds its integration (route keys, backend; ambiguity,
# AlreadyExists), and what the AWS CLI reads of what New-ApiIntegration wrote.

BeforeDiscovery {
    Import-Module -Name (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $HasAwsCli = [bool](Find-AwsCli)
}

BeforeAll {
    Import-Module -Name (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $moto = Start-TestSuite
    $Endpoint = $moto.Endpoint

    $InvalidDefinition = 'NewApiIntegrationInvalidDefinition,IntegrationTools.Commands.NewApiIntegrationCommand'
    $Listener = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/orders/50dc6c495c0c9188/0467ef3c8400ae65'
    $OrdersFunction = 'arn:aws:lambda:us-east-1:123456789012:function:orders'

    # The one error of a refused New-ApiIntegration: nothing written, InvalidArgument, the rule ids in the message, a fix.
    function Assert-Refused($Run, [string[]] $RuleId) {
        $Run.Output | Should -HaveCount 0
        $Run.Errors | Should -HaveCount 1
        $failure = $Run.Errors[0]
        $failure.FullyQualifiedErrorId | Should -BeExactly $InvalidDefinition
        $failure.CategoryInfo.Category | Should -Be 'InvalidArgument'
        foreach ($id in $RuleId) { $failure.Exception.Message | Should -BeLike "*$id*" }
        $failure.ErrorDetails.RecommendedAction | Should -Not -BeNullOrEmpty
        return $failure
    }

    # An HTTP API with a Lambda proxy ('orders lambda') and an HTTP proxy ('orders http', ANY, 20,000 ms).
    function New-SeededHttpApi([string] $Name) {
        $api = New-MotoApi -Name $Name -Endpoint $Endpoint
        $lambda = New-MotoApiIntegration -ApiId $api -Endpoint $Endpoint -Body @{
            integrationType = 'AWS_PROXY'; integrationUri = $OrdersFunction; payloadFormatVersion = '2.0'; description = 'orders lambda'
        }
        $http = New-MotoApiIntegration -ApiId $api -Endpoint $Endpoint -Body @{
            integrationType = 'HTTP_PROXY'; integrationUri = 'https://orders.example.com/{proxy}'; integrationMethod = 'ANY'
            payloadFormatVersion = '1.0'; description = 'orders http'; timeoutInMillis = 20000
        }
        return [pscustomobject]@{ Api = $api; Lambda = $lambda; Http = $http }
    }

    # A WebSocket API with one MOCK integration.
    function New-SeededWebSocketApi([string] $Name) {
        $api = New-MotoApi -Name $Name -ProtocolType WEBSOCKET -Endpoint $Endpoint
        $integration = New-MotoApiIntegration -ApiId $api -Endpoint $Endpoint -Body @{
            integrationType             = 'MOCK'
            requestTemplates            = @{ '$default' = '{"statusCode": 200}' }
            templateSelectionExpression = '\$default'
        }
        return [pscustomobject]@{ Api = $api; Integration = $integration }
    }
}

AfterAll {
    Stop-TestSuite $moto
}

Describe 'New-ApiIntegration' {

    Context 'HTTP APIs' {

        It 'makes a Lambda proxy integration with the function ARN and payload 2.0' {
            $api = New-MotoApi -Name 'new-lambda' -Endpoint $Endpoint
            $result = @(New-ApiIntegration -ApiId $api -FunctionArn $OrdersFunction -Description 'orders' -TimeoutInMillis 12000 -EndpointUrl $Endpoint)
            $result | Should -HaveCount 1
            $item = $result[0]
            $item.PSObject.TypeNames[0] | Should -Be 'IntegrationTools.Models.ApiIntegration'
            $item.ApiId | Should -BeExactly $api
            $item.ProtocolType | Should -Be 'HTTP'
            $item.IntegrationType | Should -Be 'AWS_PROXY'
            $item.IntegrationUri | Should -BeExactly $OrdersFunction
            $item.PayloadFormatVersion | Should -Be '2.0'
            $item.Description | Should -BeExactly 'orders'
            $item.TimeoutInMillis | Should -Be 12000
            (Get-MotoApiIntegration -ApiId $api -IntegrationId $item.IntegrationId -Endpoint $Endpoint).integrationUri | Should -BeExactly $OrdersFunction
        }

        It 'completes a partial ARN given as -FunctionName, and takes payload 1.0' {
            $api = New-MotoApi -Name 'new-lambda-partial' -Endpoint $Endpoint
            $item = New-ApiIntegration $api -FunctionName 123456789012:function:orders:live -PayloadFormatVersion 1.0 -EndpointUrl $Endpoint
            $item.IntegrationUri | Should -BeExactly 'arn:aws:lambda:us-east-1:123456789012:function:orders:live'
            $item.PayloadFormatVersion | Should -Be '1.0'
        }

        It 'makes an HTTP proxy with ANY and payload 1.0 by default, with parameter mappings and a role' {
            $api = New-MotoApi -Name 'new-http-proxy' -Endpoint $Endpoint
            $item = New-ApiIntegration -ApiId $api -Url 'https://orders.example.com/{proxy}' -EndpointUrl $Endpoint `
                -RequestParameters @{ 'overwrite:header.x-request-id' = '$context.requestId'; 'append:querystring.v' = '2' } `
                -ResponseParameters @{ 500 = @{ 'overwrite:statuscode' = '502'; 'append:header.x-error' = 'backend' } } `
                -CredentialsArn arn:aws:iam::123456789012:role/apigw
            $item.IntegrationType | Should -Be 'HTTP_PROXY'
            $item.IntegrationMethod | Should -Be 'ANY'
            $item.PayloadFormatVersion | Should -Be '1.0'
            $item.IntegrationUri | Should -BeExactly 'https://orders.example.com/{proxy}'
            $item.RequestParameters['overwrite:header.x-request-id'] | Should -BeExactly '$context.requestId'
            $item.ResponseParameters['500']['overwrite:statuscode'] | Should -BeExactly '502'
            $item.CredentialsArn | Should -BeExactly 'arn:aws:iam::123456789012:role/apigw'
        }

        It 'takes an -IntegrationMethod for an HTTP proxy' {
            $api = New-MotoApi -Name 'new-http-method' -Endpoint $Endpoint
            (New-ApiIntegration $api -Url https://orders.example.com/list -IntegrationMethod get -EndpointUrl $Endpoint).IntegrationMethod | Should -BeExactly 'GET'
        }

        It 'makes a private (VPC link) integration with TLS' {
            $api = New-MotoApi -Name 'new-private' -Endpoint $Endpoint
            $link = New-MotoVpcLink -Name 'orders-link' -Endpoint $Endpoint
            $item = New-ApiIntegration $api -ConnectionId $link -IntegrationUri $Listener -ServerNameToVerify orders.internal.example.com -EndpointUrl $Endpoint
            $item.IntegrationType | Should -Be 'HTTP_PROXY'
            $item.ConnectionType | Should -Be 'VPC_LINK'
            $item.ConnectionId | Should -BeExactly $link
            $item.IntegrationUri | Should -BeExactly $Listener
            $item.IntegrationMethod | Should -Be 'ANY'
            $item.ServerNameToVerify | Should -BeExactly 'orders.internal.example.com'
            (Get-MotoApiIntegration -ApiId $api -IntegrationId $item.IntegrationId -Endpoint $Endpoint).tlsConfig.serverNameToVerify | Should -BeExactly 'orders.internal.example.com'
        }

        It 'refuses a VPC link that does not exist (IT2030)' {
            $api = New-MotoApi -Name 'new-private-missing' -Endpoint $Endpoint
            $failure = Assert-Refused (Invoke-Captured { New-ApiIntegration $api -VpcLinkId nosuchlink -IntegrationUri $Listener -EndpointUrl $Endpoint }) 'IT2030'
            $failure.Exception.Message | Should -BeLike "*'nosuchlink' does not exist*"
            Get-MotoApiIntegrationList -ApiId $api -Endpoint $Endpoint | Should -HaveCount 0
        }

        It 'refuses a URL instead of a listener ARN for a private integration (IT2013)' {
            $api = New-MotoApi -Name 'new-private-url' -Endpoint $Endpoint
            $link = New-MotoVpcLink -Name 'url-link' -Endpoint $Endpoint
            $null = Assert-Refused (Invoke-Captured { New-ApiIntegration $api -ConnectionId $link -IntegrationUri https://orders.internal -EndpointUrl $Endpoint }) 'IT2013'
            Get-MotoApiIntegrationList -ApiId $api -Endpoint $Endpoint | Should -HaveCount 0
        }

        It 'makes an AWS service (subtype) integration with its parameters and role' {
            $api = New-MotoApi -Name 'new-sqs' -Endpoint $Endpoint
            $item = New-ApiIntegration $api -IntegrationSubtype SQS-SendMessage -CredentialsArn arn:aws:iam::123456789012:role/apigw-sqs `
                -RequestParameters @{ QueueUrl = 'https://sqs.us-east-1.amazonaws.com/123456789012/orders'; MessageBody = '$request.body' } -EndpointUrl $Endpoint
            $item.IntegrationType | Should -Be 'AWS_PROXY'
            $item.IntegrationSubtype | Should -BeExactly 'SQS-SendMessage'
            $item.PayloadFormatVersion | Should -Be '1.0'
            $item.RequestParameters['MessageBody'] | Should -BeExactly '$request.body'
        }

        It 'refuses <Subtype> without its required parameter <Missing> (IT2008)' -ForEach @(
            @{ Subtype = 'SQS-SendMessage'; Parameters = @{ QueueUrl = 'q' }; Missing = "'MessageBody'" }
            @{ Subtype = 'EventBridge-PutEvents'; Parameters = @{ Detail = '$request.body'; Source = 'orders' }; Missing = "'DetailType'" }
            @{ Subtype = 'StepFunctions-StartExecution'; Parameters = @{ Input = '$request.body' }; Missing = "'StateMachineArn'" }
            @{ Subtype = 'Kinesis-PutRecord'; Parameters = @{ StreamName = 's'; Data = '$request.body' }; Missing = "'PartitionKey'" }
            @{ Subtype = 'AppConfig-GetConfiguration'; Parameters = @{ Application = 'a'; Environment = 'e'; Configuration = 'c' }; Missing = "'ClientId'" }
        ) {
            $api = New-MotoApi -Name 'new-subtype-missing' -Endpoint $Endpoint
            $run = Invoke-Captured {
                New-ApiIntegration $api -IntegrationSubtype $Subtype -CredentialsArn arn:aws:iam::123456789012:role/r -RequestParameters $Parameters -EndpointUrl $Endpoint
            }
            $failure = Assert-Refused $run 'IT2008'
            $failure.Exception.Message | Should -BeLike "*$Missing*"
            Get-MotoApiIntegrationList -ApiId $api -Endpoint $Endpoint | Should -HaveCount 0
        }

        It 'completes -IntegrationSubtype with what each subtype needs' {
            $line = 'New-ApiIntegration -IntegrationSubtype SQS-'
            $matches_ = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches
            $matches_.CompletionText | Should -Be @('SQS-SendMessage', 'SQS-ReceiveMessage', 'SQS-DeleteMessage', 'SQS-PurgeQueue')
            ($matches_ | Where-Object CompletionText -EQ 'SQS-SendMessage').ToolTip | Should -BeLike '*QueueUrl, MessageBody*'
        }
    }

    Context 'WebSocket APIs' {

        It 'makes a MOCK integration with templates, selection and passthrough' {
            $api = New-MotoApi -Name 'new-ws-mock' -ProtocolType WEBSOCKET -Endpoint $Endpoint
            $item = New-ApiIntegration $api -Mock -RequestTemplates @{ '$default' = '{"statusCode": 200}' } -TemplateSelectionExpression '\$default' `
                -PassthroughBehavior when_no_templates -TimeoutInMillis 29000 -EndpointUrl $Endpoint
            $item.ProtocolType | Should -Be 'WEBSOCKET'
            $item.IntegrationType | Should -Be 'MOCK'
            $item.PassthroughBehavior | Should -BeExactly 'WHEN_NO_TEMPLATES'
            $item.TemplateSelectionExpression | Should -BeExactly '\$default'
            $item.RequestTemplates['$default'] | Should -BeExactly '{"statusCode": 200}'
            $item.IntegrationUri | Should -BeNullOrEmpty
        }

        It 'makes an HTTP integration by default and an HTTP_PROXY one with -Proxy' {
            $api = New-MotoApi -Name 'new-ws-http' -ProtocolType WEBSOCKET -Endpoint $Endpoint
            $http = New-ApiIntegration $api -Url https://chat.example.com/messages -IntegrationType HTTP -ContentHandlingStrategy CONVERT_TO_TEXT `
                -RequestParameters @{ 'integration.request.header.x-connection' = 'context.connectionId' } -EndpointUrl $Endpoint
            $proxy = New-ApiIntegration $api -Url https://chat.example.com/relay -Proxy -IntegrationMethod PUT -EndpointUrl $Endpoint
            $http.IntegrationType | Should -Be 'HTTP'
            $http.IntegrationMethod | Should -Be 'POST'
            $http.ContentHandlingStrategy | Should -Be 'CONVERT_TO_TEXT'
            $http.RequestParameters['integration.request.header.x-connection'] | Should -BeExactly 'context.connectionId'
            $proxy.IntegrationType | Should -Be 'HTTP_PROXY'
            $proxy.IntegrationMethod | Should -Be 'PUT'
        }

        It 'uses the Lambda invocation URI for AWS_PROXY and AWS integrations' {
            $api = New-MotoApi -Name 'new-ws-lambda' -ProtocolType WEBSOCKET -Endpoint $Endpoint
            $result = @(
                New-ApiIntegration $api -FunctionArn arn:aws:lambda:us-east-1:123456789012:function:chat -IntegrationType AWS_PROXY -EndpointUrl $Endpoint
                New-ApiIntegration $api -FunctionArn 123456789012:function:chat -IntegrationType AWS -RequestTemplates @{ '$default' = '{"action": "$input.path(''$.action'')"}' } -EndpointUrl $Endpoint
            )
            $result | Should -HaveCount 2
            $result | ForEach-Object {
                $_.IntegrationUri | Should -BeExactly 'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:chat/invocations'
                $_.IntegrationMethod | Should -Be 'POST'
            }
            $result.IntegrationType | Should -Be @('AWS_PROXY', 'AWS')
        }
    }

    Context 'options that do not fit the API''s protocol' {

        It 'refuses <Case> on a <Protocol> API before anything is sent (IT2000)' -ForEach @(
            @{ Protocol = 'WEBSOCKET'; Case = '-FunctionArn'; Arguments = @{ FunctionArn = 'arn:aws:lambda:us-east-1:123456789012:function:chat' }; Fix = '-IntegrationType AWS_PROXY' }
            @{ Protocol = 'WEBSOCKET'; Case = '-Url'; Arguments = @{ Url = 'https://chat.example.com' }; Fix = '-Proxy' }
            @{ Protocol = 'WEBSOCKET'; Case = '-ConnectionId'; Arguments = @{ ConnectionId = 'vl1'; IntegrationUri = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/orders/50dc6c495c0c9188/0467ef3c8400ae65' }; Fix = 'ConnectionType VPC_LINK' }
            @{ Protocol = 'WEBSOCKET'; Case = '-IntegrationSubtype'; Arguments = @{ IntegrationSubtype = 'SQS-PurgeQueue'; RequestParameters = @{ QueueUrl = 'q' }; CredentialsArn = 'arn:aws:iam::123456789012:role/r' }; Fix = 'IntegrationType AWS' }
            @{ Protocol = 'HTTP'; Case = '-Mock'; Arguments = @{ Mock = $true }; Fix = 'HTTP APIs have no MOCK' }
            @{ Protocol = 'HTTP'; Case = '-Url -Proxy'; Arguments = @{ Url = 'https://orders.example.com'; Proxy = $true }; Fix = 'HttpProxy' }
            @{ Protocol = 'HTTP'; Case = '-FunctionArn -IntegrationType AWS_PROXY'; Arguments = @{ FunctionArn = 'arn:aws:lambda:us-east-1:123456789012:function:orders'; IntegrationType = 'AWS_PROXY' }; Fix = 'HttpLambdaProxy' }
        ) {
            $api = New-MotoApi -Name 'new-wrong-protocol' -ProtocolType $Protocol -Endpoint $Endpoint
            $failure = Assert-Refused (Invoke-Captured { New-ApiIntegration $api @Arguments -EndpointUrl $Endpoint -Verbose }) 'IT2000'
            $expectedKind = if ($Protocol -eq 'HTTP') { 'is an HTTP API' } else { 'is a WebSocket API' }
            $failure.Exception.Message | Should -BeLike "*$expectedKind*"
            $failure.ErrorDetails.RecommendedAction.Contains($Fix) | Should -BeTrue -Because "the fix should mention '$Fix'"
            $failure.TargetObject | Should -BeExactly "api/$api"
            Get-MotoApiIntegrationList -ApiId $api -Endpoint $Endpoint | Should -HaveCount 0
        }

        It 'refuses an HTTP-type integration on an HTTP API (IT2002), though moto would accept it, after only reading the API' {
            $api = New-MotoApi -Name 'new-http-type' -Endpoint $Endpoint
            # moto accepts it: the seed proves the service stand-in would have created it.
            $other = New-MotoApi -Name 'new-http-type-moto' -Endpoint $Endpoint
            $null = New-MotoApiIntegration -ApiId $other -Endpoint $Endpoint -Body @{ integrationType = 'HTTP'; integrationUri = 'https://e.com'; integrationMethod = 'GET' }
            $run = Invoke-Captured {
                @{ IntegrationType = 'HTTP'; IntegrationUri = 'https://orders.example.com'; IntegrationMethod = 'GET'; PayloadFormatVersion = '1.0' } |
                    New-ApiIntegration -ApiId $api -EndpointUrl $Endpoint -Verbose
            }
            $failure = Assert-Refused $run 'IT2002'
            $failure.Exception.Message | Should -BeLike '*only AWS_PROXY and HTTP_PROXY*'
            Get-MotoApiIntegrationList -ApiId $api -Endpoint $Endpoint | Should -HaveCount 0
            # Nothing but the GetApi read went out.
            @($run.Verbose | Where-Object { $_.StartsWith('POST') }) | Should -HaveCount 0
            @($run.Verbose | Where-Object { $_.StartsWith('GET') -and $_.Contains("/v2/apis/$api") }) | Should -Not -BeNullOrEmpty
        }

        It 'refuses on a <Protocol> API what the service would refuse (<Rule>)' -ForEach @(
            @{ Protocol = 'HTTP'; Rule = 'IT2003'; Fields = @{ IntegrationType = 'HTTP_PROXY'; IntegrationUri = 'https://e.com'; IntegrationMethod = 'ANY'; PayloadFormatVersion = '1.0'; RequestTemplates = @{ 'application/json' = '{}' } } }
            @{ Protocol = 'HTTP'; Rule = 'IT2005'; Fields = @{ IntegrationType = 'HTTP_PROXY'; IntegrationUri = 'https://e.com'; IntegrationMethod = 'ANY'; PayloadFormatVersion = '2.0' } }
            @{ Protocol = 'HTTP'; Rule = 'IT2006'; Fields = @{ IntegrationType = 'AWS_PROXY'; IntegrationUri = 'arn:aws:lambda:us-east-1:123456789012:function:f' } }
            @{ Protocol = 'HTTP'; Rule = 'IT2012'; Fields = @{ IntegrationType = 'HTTP_PROXY'; IntegrationUri = 'https://e.com'; IntegrationMethod = 'ANY'; PayloadFormatVersion = '1.0'; TlsConfig = @{ ServerNameToVerify = 'e.com' } } }
            @{ Protocol = 'HTTP'; Rule = 'IT2014'; Fields = @{ IntegrationType = 'HTTP_PROXY'; IntegrationUri = 'https://e.com'; IntegrationMethod = 'ANY'; PayloadFormatVersion = '1.0'; TimeoutInMillis = 30001 } }
            @{ Protocol = 'HTTP'; Rule = 'IT2017'; Fields = @{ IntegrationType = 'HTTP_PROXY'; IntegrationUri = 'https://e.com'; IntegrationMethod = 'ANY'; PayloadFormatVersion = '1.0'; RequestParameters = @{ 'overwrite:header.Connection' = 'close' } } }
            @{ Protocol = 'HTTP'; Rule = 'IT2019'; Fields = @{ IntegrationType = 'HTTP_PROXY'; IntegrationUri = 'https://e.com'; IntegrationMethod = 'ANY'; PayloadFormatVersion = '1.0'; ResponseParameters = @{ '700' = @{ 'overwrite:statuscode' = '200' } } } }
            @{ Protocol = 'WEBSOCKET'; Rule = 'IT2014'; Fields = @{ IntegrationType = 'MOCK'; TimeoutInMillis = 30000 } }
            @{ Protocol = 'WEBSOCKET'; Rule = 'IT2015'; Fields = @{ IntegrationType = 'MOCK'; PassthroughBehavior = 'ALWAYS' } }
            @{ Protocol = 'WEBSOCKET'; Rule = 'IT2004'; Fields = @{ IntegrationType = 'HTTP_PROXY'; IntegrationUri = 'https://e.com'; IntegrationMethod = 'POST'; ResponseParameters = @{ '500' = @{ 'overwrite:statuscode' = '502' } } } }
        ) {
            $api = New-MotoApi -Name 'new-refused' -ProtocolType $Protocol -Endpoint $Endpoint
            $null = Assert-Refused (Invoke-Captured { $Fields | New-ApiIntegration -ApiId $api -EndpointUrl $Endpoint }) $Rule
            Get-MotoApiIntegrationList -ApiId $api -Endpoint $Endpoint | Should -HaveCount 0
        }
    }

    Context 'definitions from the pipeline' {

        It 'takes hashtables with keys in any case' {
            $api = New-MotoApi -Name 'new-pipe-hashtable' -Endpoint $Endpoint
            $result = @(
                @{ apiid = $api; INTEGRATIONTYPE = 'AWS_PROXY'; integrationUri = $OrdersFunction; payloadformatversion = '2.0' },
                @{ ApiId = $api; IntegrationType = 'HTTP_PROXY'; IntegrationUri = 'https://orders.example.com'; IntegrationMethod = 'GET'; PayloadFormatVersion = '1.0'; TimeoutInMillis = '5000' } |
                    New-ApiIntegration -EndpointUrl $Endpoint)
            $result | Should -HaveCount 2
            $result[0].IntegrationType | Should -Be 'AWS_PROXY'
            $result[1].TimeoutInMillis | Should -Be 5000
            Get-MotoApiIntegrationList -ApiId $api -Endpoint $Endpoint | Should -HaveCount 2
        }

        It 'takes a PSCustomObject whose ApiId binds by property name' {
            $api = New-MotoApi -Name 'new-pipe-object' -ProtocolType WEBSOCKET -Endpoint $Endpoint
            $result = @([pscustomobject]@{ ApiId = $api; IntegrationType = 'MOCK'; RequestTemplates = [pscustomobject]@{ '$default' = '{"statusCode": 200}' } } |
                    New-ApiIntegration -EndpointUrl $Endpoint)
            $result | Should -HaveCount 1
            $result[0].IntegrationType | Should -Be 'MOCK'
            $result[0].ApiId | Should -BeExactly $api
            $result[0].RequestTemplates['$default'] | Should -BeExactly '{"statusCode": 200}'
        }

        It 'takes the AWS CLI create-integration skeleton through ConvertFrom-Json, PascalCase keys, blank members left out' {
            $api = New-MotoApi -Name 'new-pipe-skeleton' -Endpoint $Endpoint
            $link = New-MotoVpcLink -Name 'skeleton-link' -Endpoint $Endpoint
            # aws apigatewayv2 create-integration --generate-cli-skeleton, filled in; members left blank are not sent.
            $skeleton = @"
{
    "ApiId": "$api",
    "ConnectionId": "$link",
    "ConnectionType": "VPC_LINK",
    "CredentialsArn": "",
    "Description": "orders through the VPC link",
    "IntegrationMethod": "ANY",
    "IntegrationSubtype": "",
    "IntegrationType": "HTTP_PROXY",
    "IntegrationUri": "$Listener",
    "PayloadFormatVersion": "1.0",
    "RequestParameters": { "overwrite:header.x-request-id": "`$context.requestId" },
    "ResponseParameters": { "500": { "overwrite:statuscode": "502" } },
    "TemplateSelectionExpression": "",
    "TimeoutInMillis": 15000,
    "TlsConfig": { "ServerNameToVerify": "orders.internal.example.com" }
}
"@
            $result = @($skeleton | ConvertFrom-Json | New-ApiIntegration -EndpointUrl $Endpoint)
            $result | Should -HaveCount 1
            $item = $result[0]
            $item.ServerNameToVerify | Should -BeExactly 'orders.internal.example.com'
            $item.TimeoutInMillis | Should -Be 15000
            $item.ResponseParameters['500']['overwrite:statuscode'] | Should -BeExactly '502'
            $item.ConnectionId | Should -BeExactly $link
            $stored = Get-MotoApiIntegration -ApiId $api -IntegrationId $item.IntegrationId -Endpoint $Endpoint
            $stored.credentialsArn | Should -BeNullOrEmpty
            $stored.templateSelectionExpression | Should -BeNullOrEmpty
        }

        It 'takes Get-ApiIntegration output, to copy integrations to another API' {
            $source = New-MotoApi -Name 'new-copy-source' -Endpoint $Endpoint
            $null = New-MotoApiIntegration -ApiId $source -Endpoint $Endpoint -Body @{ integrationType = 'AWS_PROXY'; integrationUri = $OrdersFunction; payloadFormatVersion = '2.0'; description = 'lambda' }
            $null = New-MotoApiIntegration -ApiId $source -Endpoint $Endpoint -Body @{ integrationType = 'HTTP_PROXY'; integrationUri = 'https://e.com'; integrationMethod = 'GET'; payloadFormatVersion = '1.0' }
            $target = New-MotoApi -Name 'new-copy-target' -Endpoint $Endpoint
            $result = @(Get-ApiIntegration $source -EndpointUrl $Endpoint | New-ApiIntegration -ApiId $target -EndpointUrl $Endpoint)
            $result | Should -HaveCount 2
            $result | ForEach-Object { $_.ApiId | Should -BeExactly $target }
            @($result.IntegrationType | Sort-Object) | Should -Be @('AWS_PROXY', 'HTTP_PROXY')
            Get-MotoApiIntegrationList -ApiId $target -Endpoint $Endpoint | Should -HaveCount 2
        }

        It 'refuses an unknown key, suggesting the field (IT0002)' {
            $api = New-MotoApi -Name 'new-unknown-key' -Endpoint $Endpoint
            $run = Invoke-Captured { @{ ApiId = $api; IntegrationType = 'AWS_PROXY'; IntegrationUrl = $OrdersFunction; PayloadFormatVersion = '2.0' } | New-ApiIntegration -EndpointUrl $Endpoint }
            $failure = Assert-Refused $run 'IT0002'
            $failure.Exception.Message | Should -BeLike "*'IntegrationUrl' is not a field*"
            $failure.Exception.Message | Should -BeLike "*Did you mean 'IntegrationUri'?*"
            Get-MotoApiIntegrationList -ApiId $api -Endpoint $Endpoint | Should -HaveCount 0
        }

        It 'reports a definition without an ApiId as its own error' {
            $run = Invoke-Captured { @{ IntegrationType = 'MOCK' } | New-ApiIntegration -EndpointUrl $Endpoint }
            $run.Errors | Should -HaveCount 1
            $run.Errors[0].FullyQualifiedErrorId | Should -BeExactly 'NewApiIntegrationNoApiId,IntegrationTools.Commands.NewApiIntegrationCommand'
            $run.Errors[0].TargetObject | Should -BeExactly 'input 1'
        }

        It 'creates the good items of a batch and reports the bad one in the middle' {
            $api = New-MotoApi -Name 'new-batch' -Endpoint $Endpoint
            $run = Invoke-Captured {
                @{ IntegrationType = 'AWS_PROXY'; IntegrationUri = $OrdersFunction; PayloadFormatVersion = '2.0'; Description = 'first' },
                @{ IntegrationType = 'MOCK'; Description = 'second' },
                @{ IntegrationType = 'HTTP_PROXY'; IntegrationUri = 'https://e.com'; IntegrationMethod = 'GET'; PayloadFormatVersion = '1.0'; Description = 'third' } |
                    New-ApiIntegration -ApiId $api -EndpointUrl $Endpoint
            }
            $run.Output.Description | Should -Be @('first', 'third')
            $run.Errors | Should -HaveCount 1
            $run.Errors[0].FullyQualifiedErrorId | Should -BeExactly $InvalidDefinition
            $run.Errors[0].Exception.Message | Should -BeLike '*IT2002*'
            Get-MotoApiIntegrationList -ApiId $api -Endpoint $Endpoint | Should -HaveCount 2
        }

        It 'reports a missing API as ObjectNotFound, and the batch goes on' {
            $api = New-MotoApi -Name 'new-missing-api' -Endpoint $Endpoint
            $run = Invoke-Captured { [pscustomobject]@{ ApiId = 'nosuchapi' }, [pscustomobject]@{ ApiId = $api } | New-ApiIntegration -Url https://e.com -EndpointUrl $Endpoint }
            $run.Output | Should -HaveCount 1
            $run.Errors | Should -HaveCount 1
            $run.Errors[0].FullyQualifiedErrorId | Should -BeExactly 'NewApiIntegrationNotFound,IntegrationTools.Commands.NewApiIntegrationCommand'
            $run.Errors[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
            $run.Errors[0].TargetObject | Should -BeExactly 'api/nosuchapi'
        }
    }

    Context 'what the AWS CLI reads back' {

        It 'is what was given to a private HTTP API integration, member by member, and what the cmdlet wrote out' -Skip:(-not $HasAwsCli) {
            $api = New-MotoApi -Name 'interop-v2-new' -Endpoint $Endpoint
            $link = New-MotoVpcLink -Name 'interop-v2-link' -Endpoint $Endpoint
            $result = @(New-ApiIntegration -ApiId $api -ConnectionId $link -IntegrationUri $Listener -IntegrationMethod PUT `
                    -ServerNameToVerify orders.internal.example.com -Description 'orders through the VPC link' -TimeoutInMillis 15000 `
                    -CredentialsArn arn:aws:iam::123456789012:role/apigw-vpc `
                    -RequestParameters @{ 'overwrite:header.x-request-id' = '$context.requestId'; 'append:querystring.v' = '2' } `
                    -ResponseParameters @{ '500' = @{ 'overwrite:statuscode' = '502'; 'append:header.x-error' = 'backend' } } -EndpointUrl $Endpoint)
            $result | Should -HaveCount 1
            $item = $result[0]
            $cli = Invoke-AwsCli apigatewayv2 get-integration --api-id $api --integration-id $item.IntegrationId

            $cli.IntegrationType | Should -BeExactly 'HTTP_PROXY'
            $cli.ConnectionType | Should -BeExactly 'VPC_LINK'
            $cli.ConnectionId | Should -BeExactly $link
            $cli.IntegrationUri | Should -BeExactly $Listener
            $cli.IntegrationMethod | Should -BeExactly 'PUT'
            $cli.PayloadFormatVersion | Should -BeExactly '1.0'
            $cli.Description | Should -BeExactly 'orders through the VPC link'
            $cli.TimeoutInMillis | Should -Be 15000
            $cli.CredentialsArn | Should -BeExactly 'arn:aws:iam::123456789012:role/apigw-vpc'
            $cli.TlsConfig.ServerNameToVerify | Should -BeExactly 'orders.internal.example.com'
            $cli.RequestParameters.'overwrite:header.x-request-id' | Should -BeExactly '$context.requestId'
            $cli.RequestParameters.'append:querystring.v' | Should -BeExactly '2'
            $cli.ResponseParameters.'500'.'overwrite:statuscode' | Should -BeExactly '502'
            $cli.ResponseParameters.'500'.'append:header.x-error' | Should -BeExactly 'backend'
            Get-AwsCliMismatch -Cli $cli -Object $item -Member @(
                'IntegrationId', 'IntegrationType', 'IntegrationMethod', 'IntegrationUri', 'PayloadFormatVersion', 'Description',
                'TimeoutInMillis', 'ConnectionType', 'ConnectionId', 'CredentialsArn', 'PassthroughBehavior', 'ContentHandlingStrategy',
                'TemplateSelectionExpression', 'IntegrationSubtype'
            ) -Map @('RequestParameters') | Should -BeNullOrEmpty
            $item.ServerNameToVerify | Should -BeExactly $cli.TlsConfig.ServerNameToVerify
            @($item.ResponseParameters.Keys) | Should -HaveCount @($cli.ResponseParameters.PSObject.Properties).Count
            Get-AwsCliMismatch -Cli $cli.ResponseParameters -Object $item.ResponseParameters -Map @('500') | Should -BeNullOrEmpty
        }

        It 'is what was given to a WebSocket API integration, member by member, and what the cmdlet wrote out' -Skip:(-not $HasAwsCli) {
            $api = New-MotoApi -Name 'interop-ws-new' -ProtocolType WEBSOCKET -Endpoint $Endpoint
            $result = @(New-ApiIntegration -ApiId $api -Url https://chat.example.com/messages -IntegrationType HTTP -IntegrationMethod POST `
                    -RequestTemplates @{ '$default' = '{"message": $input.body}' } -TemplateSelectionExpression '\$default' `
                    -PassthroughBehavior NEVER -ContentHandlingStrategy CONVERT_TO_TEXT -TimeoutInMillis 20000 `
                    -RequestParameters @{ 'integration.request.header.x-connection' = 'context.connectionId' } -EndpointUrl $Endpoint)
            $result | Should -HaveCount 1
            $item = $result[0]
            $cli = Invoke-AwsCli apigatewayv2 get-integration --api-id $api --integration-id $item.IntegrationId

            $cli.IntegrationType | Should -BeExactly 'HTTP'
            $cli.IntegrationUri | Should -BeExactly 'https://chat.example.com/messages'
            $cli.PassthroughBehavior | Should -BeExactly 'NEVER'
            $cli.ContentHandlingStrategy | Should -BeExactly 'CONVERT_TO_TEXT'
            $cli.TemplateSelectionExpression | Should -BeExactly '\$default'
            $cli.TimeoutInMillis | Should -Be 20000
            $cli.RequestTemplates.'$default' | Should -BeExactly '{"message": $input.body}'
            $cli.RequestParameters.'integration.request.header.x-connection' | Should -BeExactly 'context.connectionId'
            Get-AwsCliMismatch -Cli $cli -Object $item -Member @(
                'IntegrationId', 'IntegrationType', 'IntegrationMethod', 'IntegrationUri', 'Description', 'TimeoutInMillis',
                'ConnectionType', 'PassthroughBehavior', 'ContentHandlingStrategy', 'TemplateSelectionExpression', 'IntegrationResponseSelectionExpression'
            ) -Map @('RequestTemplates', 'RequestParameters') | Should -BeNullOrEmpty
        }
    }

    Context '-WhatIf and Outcome' {

        It 'sends nothing with -WhatIf and shows the exact request' {
            $api = New-MotoApi -Name 'new-whatif' -Endpoint $Endpoint
            $output = New-Object System.Collections.Generic.List[object]
            $text = Get-HostText { New-ApiIntegration $api -FunctionArn $OrdersFunction -TimeoutInMillis 9000 -WhatIf -EndpointUrl $Endpoint | ForEach-Object { $output.Add($_) } }
            $output | Should -HaveCount 0
            Get-MotoApiIntegrationList -ApiId $api -Endpoint $Endpoint | Should -HaveCount 0
            $text | Should -Match ([regex]::Escape("What if: Performing the operation `"POST /v2/apis/$api/integrations {"))
            $text | Should -Match ([regex]::Escape('"integrationType":"AWS_PROXY"'))
            $text | Should -Match ([regex]::Escape("`"integrationUri`":`"$OrdersFunction`""))
            $text | Should -Match ([regex]::Escape('"payloadFormatVersion":"2.0"'))
            $text | Should -Match ([regex]::Escape('"timeoutInMillis":9000'))
            $text | Should -Match ([regex]::Escape("on target `"api/$api`""))
        }

        It 'still refuses a bad definition with -WhatIf, and shows no request' {
            $api = New-MotoApi -Name 'new-whatif-bad' -ProtocolType WEBSOCKET -Endpoint $Endpoint
            $holder = @{}
            $text = Get-HostText { $holder.Run = Invoke-Captured { New-ApiIntegration $api -Url https://e.com -WhatIf -EndpointUrl $Endpoint } }
            $null = Assert-Refused $holder.Run 'IT2000'
            $text | Should -Not -Match 'What if:'
        }

        It 'says Created; Get-ApiIntegration output says nothing, and pipes back in as a definition (-Force: a second one like it)' {
            $api = New-MotoApi -Name 'apply-new' -Endpoint $Endpoint
            "$((New-ApiIntegration -ApiId $api -Url https://new.example.com -EndpointUrl $Endpoint).Outcome)" | Should -Be 'Created'
            $copied = @(Get-ApiIntegration $api -EndpointUrl $Endpoint | New-ApiIntegration -Force -EndpointUrl $Endpoint)
            $copied | Should -HaveCount 1
            "$($copied[0].Outcome)" | Should -Be 'Created'
            $listed = @(Get-ApiIntegration $api -EndpointUrl $Endpoint)
            $listed | Should -HaveCount 2
            $listed | ForEach-Object { $_.Outcome | Should -BeNullOrEmpty }
        }
    }
}

Describe 'Set-ApiIntegration' {

    It 'changes only the named fields' {
        $seed = New-SeededHttpApi 'set-named'
        $run = Invoke-Captured { Set-ApiIntegration -ApiId $seed.Api -IntegrationId $seed.Http -TimeoutInMillis 8000 -Description 'orders backend' -EndpointUrl $Endpoint -Verbose }
        $run.Errors | Should -HaveCount 0
        $run.Output | Should -HaveCount 0
        $stored = Get-MotoApiIntegration -ApiId $seed.Api -IntegrationId $seed.Http -Endpoint $Endpoint
        $stored.timeoutInMillis | Should -Be 8000
        $stored.description | Should -BeExactly 'orders backend'
        $stored.integrationUri | Should -BeExactly 'https://orders.example.com/{proxy}'
        $stored.integrationMethod | Should -BeExactly 'ANY'
        @($run.Verbose | Where-Object { $_.StartsWith('PATCH') -and $_.Contains("/v2/apis/$($seed.Api)/integrations/$($seed.Http)") }) | Should -Not -BeNullOrEmpty
    }

    It 'writes the changed integration with -PassThru' {
        $seed = New-SeededHttpApi 'set-passthru'
        $result = @(Set-ApiIntegration $seed.Api $seed.Lambda -PayloadFormatVersion 1.0 -RequestParameters @{ 'overwrite:header.x-source' = '$context.requestId' } -PassThru -EndpointUrl $Endpoint)
        $result | Should -HaveCount 1
        $item = $result[0]
        $item.PSObject.TypeNames[0] | Should -Be 'IntegrationTools.Models.ApiIntegration'
        $item.PayloadFormatVersion | Should -Be '1.0'
        $item.ProtocolType | Should -Be 'HTTP'
        $item.IntegrationUri | Should -BeExactly $OrdersFunction
        $item.RequestParameters['overwrite:header.x-source'] | Should -BeExactly '$context.requestId'
    }

    It 'takes Get-ApiIntegration output by property name' {
        $seed = New-SeededHttpApi 'set-pipe'
        $result = @(Get-ApiIntegration $seed.Api -EndpointUrl $Endpoint | Set-ApiIntegration -TimeoutInMillis 7000 -PassThru -EndpointUrl $Endpoint)
        $result | Should -HaveCount 2
        (Get-MotoApiIntegration -ApiId $seed.Api -IntegrationId $seed.Lambda -Endpoint $Endpoint).timeoutInMillis | Should -Be 7000
        (Get-MotoApiIntegration -ApiId $seed.Api -IntegrationId $seed.Http -Endpoint $Endpoint).timeoutInMillis | Should -Be 7000
        # The other fields are as they were.
        (Get-MotoApiIntegration -ApiId $seed.Api -IntegrationId $seed.Lambda -Endpoint $Endpoint).description | Should -BeExactly 'orders lambda'
    }

    It 'refuses a change that makes the integration invalid, and nothing changes' {
        $seed = New-SeededHttpApi 'set-refused'
        $run = Invoke-Captured { Set-ApiIntegration $seed.Api $seed.Http -PayloadFormatVersion 2.0 -PassThru -EndpointUrl $Endpoint }
        $run.Output | Should -HaveCount 0
        $run.Errors | Should -HaveCount 1
        $run.Errors[0].FullyQualifiedErrorId | Should -BeExactly 'SetApiIntegrationInvalidDefinition,IntegrationTools.Commands.SetApiIntegrationCommand'
        $run.Errors[0].Exception.Message | Should -BeLike '*IT2005*'
        $run.Errors[0].TargetObject | Should -BeExactly "api/$($seed.Api) integration/$($seed.Http)"
        (Get-MotoApiIntegration -ApiId $seed.Api -IntegrationId $seed.Http -Endpoint $Endpoint).payloadFormatVersion | Should -Be '1.0'
    }

    It 'refuses <Change> on a <Protocol> API (<Rule>)' -ForEach @(
        @{ Protocol = 'HTTP'; Change = '-IntegrationType HTTP'; Arguments = @{ IntegrationType = 'HTTP' }; Rule = 'IT2002' }
        @{ Protocol = 'HTTP'; Change = '-PassthroughBehavior NEVER'; Arguments = @{ PassthroughBehavior = 'NEVER' }; Rule = 'IT2003' }
        @{ Protocol = 'HTTP'; Change = '-ServerNameToVerify'; Arguments = @{ ServerNameToVerify = 'orders.example.com' }; Rule = 'IT2012' }
        @{ Protocol = 'HTTP'; Change = '-TimeoutInMillis 45000'; Arguments = @{ TimeoutInMillis = 45000 }; Rule = 'IT2014' }
        @{ Protocol = 'WEBSOCKET'; Change = '-TimeoutInMillis 30000'; Arguments = @{ TimeoutInMillis = 30000 }; Rule = 'IT2014' }
        @{ Protocol = 'WEBSOCKET'; Change = '-ResponseParameters'; Arguments = @{ ResponseParameters = @{ '500' = @{ 'overwrite:statuscode' = '502' } } }; Rule = 'IT2004' }
    ) {
        $api = New-MotoApi -Name 'set-protocol' -ProtocolType $Protocol -Endpoint $Endpoint
        $body = if ($Protocol -eq 'HTTP') {
            @{ integrationType = 'HTTP_PROXY'; integrationUri = 'https://e.com'; integrationMethod = 'ANY'; payloadFormatVersion = '1.0' }
        }
        else {
            @{ integrationType = 'MOCK' }
        }
        $id = New-MotoApiIntegration -ApiId $api -Body $body -Endpoint $Endpoint
        $run = Invoke-Captured { Set-ApiIntegration $api $id @Arguments -EndpointUrl $Endpoint }
        $run.Errors | Should -HaveCount 1
        $run.Errors[0].FullyQualifiedErrorId | Should -BeExactly 'SetApiIntegrationInvalidDefinition,IntegrationTools.Commands.SetApiIntegrationCommand'
        $run.Errors[0].Exception.Message | Should -BeLike "*$Rule*"
    }

    It 'shows with -WhatIf a PATCH of only the named members' {
        $seed = New-SeededHttpApi 'set-whatif'
        $text = Get-HostText { Set-ApiIntegration $seed.Api $seed.Http -Description 'changed' -WhatIf -EndpointUrl $Endpoint }
        $text | Should -Match ([regex]::Escape("What if: Performing the operation `"PATCH /v2/apis/$($seed.Api)/integrations/$($seed.Http) {`"description`":`"changed`"}`" on target `"api/$($seed.Api) integration/$($seed.Http)`""))
        (Get-MotoApiIntegration -ApiId $seed.Api -IntegrationId $seed.Http -Endpoint $Endpoint).description | Should -BeExactly 'orders http'
    }

    It 'stops the command when there is nothing to change' {
        $seed = New-SeededHttpApi 'set-nothing'
        $run = Invoke-Captured { Set-ApiIntegration $seed.Api $seed.Http -EndpointUrl $Endpoint }
        $run.Errors | Should -HaveCount 1
        $run.Errors[0].FullyQualifiedErrorId | Should -BeExactly 'SetApiIntegrationNothingToChange,IntegrationTools.Commands.SetApiIntegrationCommand'
    }

    It 'reports an unknown integration as ObjectNotFound' {
        $seed = New-SeededHttpApi 'set-missing'
        $run = Invoke-Captured { Set-ApiIntegration $seed.Api nosuchid -Description x -EndpointUrl $Endpoint }
        $run.Errors | Should -HaveCount 1
        $run.Errors[0].FullyQualifiedErrorId | Should -BeExactly 'SetApiIntegrationNotFound,IntegrationTools.Commands.SetApiIntegrationCommand'
        $run.Errors[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }

    Context 'Outcome' {

        It 'sends only the differing members, and nothing when none differs' {
            $api = New-MotoApi -Name 'apply-api' -Endpoint $Endpoint
            $id = New-MotoApiIntegration -ApiId $api -Endpoint $Endpoint -Body @{
                integrationType = 'HTTP_PROXY'; integrationMethod = 'ANY'; integrationUri = 'https://orders.example.com'; payloadFormatVersion = '1.0'; description = 'orders'
            }

            $same = Invoke-Captured { Set-ApiIntegration $api $id -Description orders -TimeoutInMillis 30000 -PassThru -EndpointUrl $Endpoint -Verbose }
            $same.Errors | Should -HaveCount 0
            "$($same.Output[0].Outcome)" | Should -Be 'Unchanged'
            @($same.Verbose | Where-Object { $_.StartsWith('PATCH ') }) | Should -HaveCount 0

            $text = Get-HostText { Set-ApiIntegration $api $id -Description orders -TimeoutInMillis 8000 -WhatIf -EndpointUrl $Endpoint }
            $text | Should -Match ([regex]::Escape("What if: Performing the operation `"PATCH /v2/apis/$api/integrations/$id {`"timeoutInMillis`":8000}`""))

            $text = Get-HostText { Set-ApiIntegration $api $id -Description orders -WhatIf -EndpointUrl $Endpoint }
            $text | Should -Match ([regex]::Escape("What if: api/$api integration/${id}: the integration already is as asked (Unchanged): nothing to send."))

            $changed = Invoke-Captured { Set-ApiIntegration $api $id -Description orders -TimeoutInMillis 8000 -PassThru -EndpointUrl $Endpoint -Verbose }
            $changed.Errors | Should -HaveCount 0
            $changed.Output | Should -HaveCount 1
            "$($changed.Output[0].Outcome)" | Should -Be 'Updated'
            $changed.Output[0].TimeoutInMillis | Should -Be 8000
            @($changed.Verbose | Where-Object { $_.EndsWith('Updated (it differed in TimeoutInMillis).') }) | Should -Not -BeNullOrEmpty
            (Get-MotoApiIntegration -ApiId $api -IntegrationId $id -Endpoint $Endpoint).timeoutInMillis | Should -Be 8000
        }
    }
}

Describe 'Route keys and identity' {

    BeforeAll {
        # The requests that change something, from the wire log a -Verbose run writes.
        function Get-Write($Run) { @($Run.Verbose | Where-Object { $_ -match '^(POST|PUT|PATCH|DELETE) ' }) }
        function Get-MotoRouteList([string] $ApiId) { @((Invoke-MotoRequest GET "/v2/apis/$ApiId/routes" -Endpoint $Endpoint).items) }
    }

    It 'New-ApiIntegration -RouteKey creates the routes, targeting the new integration; Get-ApiIntegration shows them' {
        $api = New-MotoApi -Name 'routes-new' -Endpoint $Endpoint
        $created = New-ApiIntegration -ApiId $api -Url https://orders.example.com -RouteKey 'GET /orders', 'POST /orders' -EndpointUrl $Endpoint
        "$($created.Outcome)" | Should -Be 'Created'
        @($created.RouteKeys) | Should -Be @('GET /orders', 'POST /orders')
        $routes = Get-MotoRouteList $api
        $routes | Should -HaveCount 2
        $routes | ForEach-Object { $_.target | Should -BeExactly "integrations/$($created.IntegrationId)" }
        $listed = Get-ApiIntegration -ApiId $api -EndpointUrl $Endpoint
        @($listed.RouteKeys) | Should -Be @('GET /orders', 'POST /orders')
        @((Get-ApiIntegration -ApiId $api -IntegrationId $created.IntegrationId -EndpointUrl $Endpoint).RouteKeys) | Should -Be @('GET /orders', 'POST /orders')
        ($listed | Format-List | Out-String) | Should -Match 'RouteKeys\s*:\s*GET /orders, POST /orders'
    }

    It 'Set-ApiIntegration -RouteKey re-targets a route from another integration, then sends nothing' {
        $seed = New-SeededHttpApi 'routes-retarget'
        $route = New-MotoRoute -ApiId $seed.Api -RouteKey 'GET /orders' -IntegrationId $seed.Lambda -Endpoint $Endpoint
        $run = Invoke-Captured { Set-ApiIntegration -ApiId $seed.Api -IntegrationId $seed.Http -RouteKey 'GET /orders', '$default' -PassThru -EndpointUrl $Endpoint -Verbose }
        $run.Errors | Should -HaveCount 0
        "$($run.Output[0].Outcome)" | Should -Be 'Updated'
        @(Get-Write $run | ForEach-Object { ($_ -split ' ')[0] } | Sort-Object) | Should -Be @('PATCH', 'POST')
        (Invoke-MotoRequest GET "/v2/apis/$($seed.Api)/routes/$route" -Endpoint $Endpoint).target | Should -BeExactly "integrations/$($seed.Http)"
        @(Get-ApiIntegration -ApiId $seed.Api -IntegrationId $seed.Http -EndpointUrl $Endpoint).RouteKeys | Should -Be @('$default', 'GET /orders')
        (Get-ApiIntegration -ApiId $seed.Api -IntegrationId $seed.Lambda -EndpointUrl $Endpoint).RouteKeys.Count | Should -Be 0
        $again = Invoke-Captured { Set-ApiIntegration -ApiId $seed.Api -IntegrationId $seed.Http -RouteKey 'GET /orders', '$default' -PassThru -EndpointUrl $Endpoint -Verbose }
        "$($again.Output[0].Outcome)" | Should -Be 'Unchanged'
        Get-Write $again | Should -HaveCount 0
    }

    It 'shows the route requests with -WhatIf, the new integration''s id as {integrationId}, and sends nothing' {
        $api = New-MotoApi -Name 'routes-whatif' -Endpoint $Endpoint
        $text = Get-HostText { New-ApiIntegration -ApiId $api -Url https://whatif.example.com -RouteKey 'GET /w' -WhatIf -EndpointUrl $Endpoint }
        $text | Should -Match ([regex]::Escape('POST /v2/apis/' + $api + '/routes'))
        $text | Should -Match ([regex]::Escape('"target":"integrations/{integrationId}"'))
        Get-MotoRouteList $api | Should -HaveCount 0
        Get-MotoApiIntegrationList -ApiId $api -Endpoint $Endpoint | Should -HaveCount 0
    }

    Context 'a definition without IntegrationId' {

        It 'is matched by its route keys: Updated with only the differing members sent' {
            $seed = New-SeededHttpApi 'match-route'
            $null = New-MotoRoute -ApiId $seed.Api -RouteKey 'ANY /orders/{proxy+}' -IntegrationId $seed.Http -Endpoint $Endpoint
            $definition = @{ ApiId = $seed.Api; RouteKeys = @('ANY /orders/{proxy+}'); IntegrationType = 'HTTP_PROXY'; IntegrationMethod = 'ANY'
                IntegrationUri = 'https://orders-v2.example.com/{proxy}'; PayloadFormatVersion = '1.0'; Description = 'orders http'; TimeoutInMillis = 20000 }
            $run = Invoke-Captured { $definition | Set-ApiIntegration -EndpointUrl $Endpoint -Verbose }
            $run.Errors | Should -HaveCount 0
            $run.Output | Should -HaveCount 1
            "$($run.Output[0].Outcome)" | Should -Be 'Updated'
            $run.Output[0].IntegrationId | Should -BeExactly $seed.Http
            $writes = @(Get-Write $run)
            $writes | Should -HaveCount 1
            $writes[0] | Should -BeLike "PATCH */v2/apis/$($seed.Api)/integrations/$($seed.Http)"
            ($run.Verbose -join "`n") | Should -Match 'it differed in IntegrationUri\)'
            Get-MotoApiIntegrationList -ApiId $seed.Api -Endpoint $Endpoint | Should -HaveCount 2
            (Get-MotoApiIntegration -ApiId $seed.Api -IntegrationId $seed.Http -Endpoint $Endpoint).integrationUri | Should -BeExactly 'https://orders-v2.example.com/{proxy}'
            $again = Invoke-Captured { $definition | Set-ApiIntegration -EndpointUrl $Endpoint -Verbose }
            "$($again.Output[0].Outcome)" | Should -Be 'Unchanged'
            Get-Write $again | Should -HaveCount 0
        }

        It 'is matched by its backend when it names no route keys: Unchanged, or Updated; a new backend is Created' {
            $seed = New-SeededHttpApi 'match-backend'
            $same = @{ ApiId = $seed.Api; IntegrationType = 'AWS_PROXY'; IntegrationUri = $OrdersFunction; PayloadFormatVersion = '2.0' }
            $described = @{ ApiId = $seed.Api; IntegrationType = 'AWS_PROXY'; IntegrationUri = $OrdersFunction; Description = 'orders v2' }
            $other = @{ ApiId = $seed.Api; IntegrationType = 'HTTP_PROXY'; IntegrationUri = 'https://billing.example.com'; IntegrationMethod = 'ANY'; PayloadFormatVersion = '1.0' }
            $run = Invoke-Captured { $same, $described, $other | Set-ApiIntegration -EndpointUrl $Endpoint -Verbose }
            $run.Errors | Should -HaveCount 0
            @($run.Output | ForEach-Object { "$($_.Outcome)" }) | Should -Be @('Unchanged', 'Updated', 'Created')
            $run.Output[0].IntegrationId | Should -BeExactly $seed.Lambda
            $run.Output[1].IntegrationId | Should -BeExactly $seed.Lambda
            (Get-MotoApiIntegration -ApiId $seed.Api -IntegrationId $seed.Lambda -Endpoint $Endpoint).description | Should -BeExactly 'orders v2'
            Get-MotoApiIntegrationList -ApiId $seed.Api -Endpoint $Endpoint | Should -HaveCount 3
        }

        It 'matching several integrations is one error naming them, and nothing is sent (<Case>)' -ForEach @(
            @{ Case = 'by backend'; Routes = $false }
            @{ Case = 'by route keys'; Routes = $true }
        ) {
            $api = New-MotoApi -Name "ambiguous-$Routes" -Endpoint $Endpoint
            $body = @{ integrationType = 'HTTP_PROXY'; integrationUri = 'https://twice.example.com'; integrationMethod = 'ANY'; payloadFormatVersion = '1.0' }
            $first = New-MotoApiIntegration -ApiId $api -Endpoint $Endpoint -Body $body
            $second = New-MotoApiIntegration -ApiId $api -Endpoint $Endpoint -Body $body
            $definition = @{ ApiId = $api; IntegrationType = 'HTTP_PROXY'; IntegrationUri = 'https://twice.example.com'; Description = 'which one?' }
            if ($Routes) {
                $null = New-MotoRoute -ApiId $api -RouteKey 'GET /a' -IntegrationId $first -Endpoint $Endpoint
                $null = New-MotoRoute -ApiId $api -RouteKey 'GET /b' -IntegrationId $second -Endpoint $Endpoint
                $definition['RouteKeys'] = @('GET /a', 'GET /b')
            }
            $run = Invoke-Captured { $definition | Set-ApiIntegration -EndpointUrl $Endpoint -Verbose }
            $run.Output | Should -HaveCount 0
            $run.Errors | Should -HaveCount 1
            $run.Errors[0].FullyQualifiedErrorId | Should -BeExactly 'SetApiIntegrationAmbiguous,IntegrationTools.Commands.SetApiIntegrationCommand'
            $run.Errors[0].Exception.Message | Should -BeLike "*$first*"
            $run.Errors[0].Exception.Message | Should -BeLike "*$second*"
            $run.Errors[0].ErrorDetails.RecommendedAction | Should -BeLike '*IntegrationId*'
            Get-Write $run | Should -HaveCount 0
            Get-MotoApiIntegrationList -ApiId $api -Endpoint $Endpoint | ForEach-Object { $_.PSObject.Properties['description'].Value | Should -BeNullOrEmpty }
        }
    }

    Context 'New-ApiIntegration when an equivalent integration exists' {

        It 'writes NewApiIntegrationAlreadyExists naming it and creates nothing; -Force creates another' {
            $seed = New-SeededHttpApi 'already'
            $run = Invoke-Captured { New-ApiIntegration -ApiId $seed.Api -Url 'https://orders.example.com/{proxy}' -EndpointUrl $Endpoint -Verbose }
            $run.Output | Should -HaveCount 0
            $run.Errors | Should -HaveCount 1
            $run.Errors[0].FullyQualifiedErrorId | Should -BeExactly 'NewApiIntegrationAlreadyExists,IntegrationTools.Commands.NewApiIntegrationCommand'
            $run.Errors[0].CategoryInfo.Category | Should -Be 'ResourceExists'
            $run.Errors[0].Exception.Message | Should -BeLike "*integration/$($seed.Http)*"
            $run.Errors[0].ErrorDetails.RecommendedAction | Should -BeLike '*-Force*'
            Get-Write $run | Should -HaveCount 0
            $forced = @(New-ApiIntegration -ApiId $seed.Api -Url 'https://orders.example.com/{proxy}' -Force -EndpointUrl $Endpoint)
            "$($forced[0].Outcome)" | Should -Be 'Created'
            $forced[0].IntegrationId | Should -Not -Be $seed.Http
            Get-MotoApiIntegrationList -ApiId $seed.Api -Endpoint $Endpoint | Should -HaveCount 3
        }

        It 'matches by route keys too: a definition whose route targets an integration already exists' {
            $seed = New-SeededHttpApi 'already-route'
            $null = New-MotoRoute -ApiId $seed.Api -RouteKey 'POST /orders' -IntegrationId $seed.Lambda -Endpoint $Endpoint
            $run = Invoke-Captured { New-ApiIntegration -ApiId $seed.Api -Url 'https://fresh.example.com' -RouteKey 'POST /orders' -EndpointUrl $Endpoint }
            $run.Errors | Should -HaveCount 1
            $run.Errors[0].Exception.Message | Should -BeLike "*'POST /orders'*integration/$($seed.Lambda)*"
            # Two definitions of one pipeline: the second is like the first, which the pipeline created.
            $twice = Invoke-Captured { 1..2 | ForEach-Object { @{ ApiId = $seed.Api; IntegrationType = 'HTTP_PROXY'; IntegrationUri = 'https://once.example.com'; IntegrationMethod = 'ANY' } } | New-ApiIntegration -EndpointUrl $Endpoint }
            $twice.Output | Should -HaveCount 1
            $twice.Errors | Should -HaveCount 1
            $twice.Errors[0].Exception.Message | Should -BeLike "*integration/$($twice.Output[0].IntegrationId)*"
        }
    }

    Context 'Set-ApiIntegration with definitions from the pipeline' {

        It 'takes edited Get-ApiIntegration output: Updated with the edit, the others Unchanged' {
            $seed = New-SeededHttpApi 'set-edited'
            $items = @(Get-ApiIntegration -ApiId $seed.Api -EndpointUrl $Endpoint)
            ($items | Where-Object IntegrationId -EQ $seed.Http).TimeoutInMillis = 9000
            $run = Invoke-Captured { $items | Set-ApiIntegration -EndpointUrl $Endpoint -Verbose }
            $run.Errors | Should -HaveCount 0
            ($run.Output | Where-Object IntegrationId -EQ $seed.Http).Outcome | Should -Be 'Updated'
            ($run.Output | Where-Object IntegrationId -EQ $seed.Lambda).Outcome | Should -Be 'Unchanged'
            Get-Write $run | Should -HaveCount 1
            (Get-MotoApiIntegration -ApiId $seed.Api -IntegrationId $seed.Http -Endpoint $Endpoint).timeoutInMillis | Should -Be 9000
        }

        It 'resolves a Lambda function name in -IntegrationUri to its ARN, as New-ApiIntegration does' {
            $seed = New-SeededHttpApi 'set-function-name'
            $null = Set-ApiIntegration -ApiId $seed.Api -IntegrationId $seed.Lambda -IntegrationUri billing -EndpointUrl $Endpoint
            (Get-MotoApiIntegration -ApiId $seed.Api -IntegrationId $seed.Lambda -Endpoint $Endpoint).integrationUri |
                Should -BeExactly 'arn:aws:lambda:us-east-1:123456789012:function:billing'
            $run = Invoke-Captured { @{ ApiId = $seed.Api; IntegrationType = 'AWS_PROXY'; IntegrationUri = 'billing'; PayloadFormatVersion = '2.0' } | Set-ApiIntegration -EndpointUrl $Endpoint -Verbose }
            "$($run.Output[0].Outcome)" | Should -Be 'Unchanged'
            $run.Output[0].IntegrationId | Should -BeExactly $seed.Lambda
        }

        It 'reports a definition without an ApiId as its own error' {
            $run = Invoke-Captured { @{ IntegrationType = 'MOCK' } | Set-ApiIntegration -EndpointUrl $Endpoint }
            $run.Errors | Should -HaveCount 1
            $run.Errors[0].FullyQualifiedErrorId | Should -BeLike 'SetApiIntegrationNoApiId,*'
        }
    }
}

Describe 'Remove-ApiIntegration' {

    It 'removes an integration no route targets' {
        $seed = New-SeededHttpApi 'remove-free'
        $null = New-MotoRoute -ApiId $seed.Api -RouteKey 'GET /orders' -IntegrationId $seed.Http -Endpoint $Endpoint
        $result = @(Remove-ApiIntegration -ApiId $seed.Api -IntegrationId $seed.Lambda -Confirm:$false -EndpointUrl $Endpoint)
        $result | Should -HaveCount 0
        Get-MotoApiIntegration -ApiId $seed.Api -IntegrationId $seed.Lambda -Endpoint $Endpoint | Should -BeNullOrEmpty
        Get-MotoApiIntegration -ApiId $seed.Api -IntegrationId $seed.Http -Endpoint $Endpoint | Should -Not -BeNullOrEmpty
    }

    It 'refuses while a route targets the integration, naming the routes (ResourceBusy), even with -Force' {
        $seed = New-SeededHttpApi 'remove-guard'
        $get = New-MotoRoute -ApiId $seed.Api -RouteKey 'GET /orders' -IntegrationId $seed.Http -Endpoint $Endpoint
        $post = New-MotoRoute -ApiId $seed.Api -RouteKey 'POST /orders' -IntegrationId $seed.Http -Endpoint $Endpoint
        $run = Invoke-Captured { Remove-ApiIntegration $seed.Api $seed.Http -Force -EndpointUrl $Endpoint }
        $run.Errors | Should -HaveCount 1
        $failure = $run.Errors[0]
        $failure.FullyQualifiedErrorId | Should -BeExactly 'RemoveApiIntegrationInUse,IntegrationTools.Commands.RemoveApiIntegrationCommand'
        $failure.CategoryInfo.Category | Should -Be 'ResourceBusy'
        $failure.TargetObject | Should -BeExactly "api/$($seed.Api) integration/$($seed.Http)"
        $failure.Exception.Message | Should -BeLike "*2 routes still target it: 'GET /orders' ($get), 'POST /orders' ($post)*"
        $failure.ErrorDetails.RecommendedAction | Should -BeLike '*update-route*'
        Get-MotoApiIntegration -ApiId $seed.Api -IntegrationId $seed.Http -Endpoint $Endpoint | Should -Not -BeNullOrEmpty
    }

    It 'removes the free integrations of a pipeline and reports the one in use' {
        $api = New-MotoApi -Name 'remove-batch' -Endpoint $Endpoint
        $ids = @(1..3 | ForEach-Object {
                New-MotoApiIntegration -ApiId $api -Endpoint $Endpoint -Body @{ integrationType = 'HTTP_PROXY'; integrationUri = "https://e$_.com"; integrationMethod = 'ANY'; payloadFormatVersion = '1.0' }
            })
        $null = New-MotoRoute -ApiId $api -RouteKey '$default' -IntegrationId $ids[1] -Endpoint $Endpoint
        $run = Invoke-Captured { Get-ApiIntegration $api -EndpointUrl $Endpoint | Remove-ApiIntegration -Force -PassThru -EndpointUrl $Endpoint }
        @($run.Output.IntegrationId | Sort-Object) | Should -Be @(@($ids[0], $ids[2]) | Sort-Object)
        $run.Errors | Should -HaveCount 1
        $run.Errors[0].FullyQualifiedErrorId | Should -BeExactly 'RemoveApiIntegrationInUse,IntegrationTools.Commands.RemoveApiIntegrationCommand'
        $run.Errors[0].Exception.Message | Should -BeLike "*'`$default'*"
        @((Get-MotoApiIntegrationList -ApiId $api -Endpoint $Endpoint).integrationId) | Should -Be @($ids[1])
    }

    It 'shows the DELETE with -WhatIf and removes nothing' {
        $seed = New-SeededHttpApi 'remove-whatif'
        $text = Get-HostText { Remove-ApiIntegration $seed.Api $seed.Lambda -WhatIf -Force -EndpointUrl $Endpoint }
        $text | Should -Match ([regex]::Escape("What if: Performing the operation `"DELETE /v2/apis/$($seed.Api)/integrations/$($seed.Lambda)`" on target `"api/$($seed.Api) integration/$($seed.Lambda)`""))
        Get-MotoApiIntegration -ApiId $seed.Api -IntegrationId $seed.Lambda -Endpoint $Endpoint | Should -Not -BeNullOrEmpty
    }

    It 'is of high impact, so it asks unless -Confirm:$false or -Force' {
        $attribute = (Get-Command Remove-ApiIntegration).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0]
        "$($attribute.ConfirmImpact)" | Should -Be 'High'
        (Get-Command Remove-ApiIntegration).Parameters.Keys | Should -Contain 'Force'
        # Where nobody can answer (a runspace without a host), asking fails, and nothing is removed.
        $seed = New-SeededHttpApi 'remove-confirm'
        $run = Invoke-WithoutHost -Script 'param($Api, $Id, $Endpoint) Remove-ApiIntegration $Api $Id -EndpointUrl $Endpoint' -ArgumentList $seed.Api, $seed.Lambda, $Endpoint
        $run.Errors | Should -HaveCount 1
        $run.Errors[0].Exception.Message | Should -BeLike '*prompts the user*Are you sure you want to perform this action?*'
        Get-MotoApiIntegration -ApiId $seed.Api -IntegrationId $seed.Lambda -Endpoint $Endpoint | Should -Not -BeNullOrEmpty
    }

    It 'reports an unknown integration as ObjectNotFound, though moto would answer the DELETE with 200' {
        $seed = New-SeededHttpApi 'remove-missing'
        $run = Invoke-Captured { Remove-ApiIntegration $seed.Api nosuchid -Force -EndpointUrl $Endpoint }
        $run.Errors | Should -HaveCount 1
        $run.Errors[0].FullyQualifiedErrorId | Should -BeExactly 'RemoveApiIntegrationNotFound,IntegrationTools.Commands.RemoveApiIntegrationCommand'
        $run.Errors[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }

    It 'removes a WebSocket integration and writes it with -PassThru' {
        $api = New-MotoApi -Name 'remove-ws' -ProtocolType WEBSOCKET -Endpoint $Endpoint
        $mock = New-MotoApiIntegration -ApiId $api -Body @{ integrationType = 'MOCK' } -Endpoint $Endpoint
        $result = @(Remove-ApiIntegration $api $mock -Confirm:$false -PassThru -EndpointUrl $Endpoint)
        $result | Should -HaveCount 1
        $result[0].IntegrationType | Should -Be 'MOCK'
        $result[0].ProtocolType | Should -Be 'WEBSOCKET'
        Get-MotoApiIntegration -ApiId $api -IntegrationId $mock -Endpoint $Endpoint | Should -BeNullOrEmpty
    }
}

Describe 'New-, Get- and Remove-ApiIntegrationResponse' {

    It 'creates a $default response with templates, selection, content handling and parameters' {
        $ws = New-SeededWebSocketApi 'ir-new'
        $result = @(New-ApiIntegrationResponse -ApiId $ws.Api -IntegrationId $ws.Integration -IntegrationResponseKey '$default' `
                -ResponseTemplates @{ '$default' = '{"ok": true}' } -TemplateSelectionExpression '\$default' -ContentHandlingStrategy convert_to_text `
                -ResponseParameters @{ 'method.response.header.x-request-id' = 'integration.response.header.x-request-id' } -EndpointUrl $Endpoint)
        $result | Should -HaveCount 1
        $item = $result[0]
        $item.PSObject.TypeNames[0] | Should -Be 'IntegrationTools.Models.ApiIntegrationResponse'
        $item.ApiId | Should -BeExactly $ws.Api
        $item.ProtocolType | Should -Be 'WEBSOCKET'
        $item.IntegrationId | Should -BeExactly $ws.Integration
        $item.IntegrationResponseKey | Should -BeExactly '$default'
        $item.ContentHandlingStrategy | Should -Be 'CONVERT_TO_TEXT'
        $item.TemplateSelectionExpression | Should -BeExactly '\$default'
        $item.ResponseTemplates['$default'] | Should -BeExactly '{"ok": true}'
        $item.ResponseParameters['method.response.header.x-request-id'] | Should -BeExactly 'integration.response.header.x-request-id'
        Get-MotoApiIntegrationResponseList -ApiId $ws.Api -IntegrationId $ws.Integration -Endpoint $Endpoint | Should -HaveCount 1
    }

    It 'takes Get-ApiIntegration output, with a status code regex as key' {
        $ws = New-SeededWebSocketApi 'ir-pipe'
        $result = @(Get-ApiIntegration $ws.Api $ws.Integration -EndpointUrl $Endpoint | New-ApiIntegrationResponse -IntegrationResponseKey '/2\d\d/' -EndpointUrl $Endpoint)
        $result | Should -HaveCount 1
        $result[0].IntegrationResponseKey | Should -BeExactly '/2\d\d/'
    }

    It 'refuses an HTTP API (IT2101), though moto would accept it' {
        $api = New-MotoApi -Name 'ir-http' -Endpoint $Endpoint
        $integration = New-MotoApiIntegration -ApiId $api -Endpoint $Endpoint -Body @{ integrationType = 'HTTP_PROXY'; integrationUri = 'https://e.com'; integrationMethod = 'ANY'; payloadFormatVersion = '1.0' }
        $run = Invoke-Captured { New-ApiIntegrationResponse $api $integration '$default' -EndpointUrl $Endpoint }
        $run.Output | Should -HaveCount 0
        $run.Errors | Should -HaveCount 1
        $run.Errors[0].FullyQualifiedErrorId | Should -BeExactly 'NewApiIntegrationResponseInvalidDefinition,IntegrationTools.Commands.NewApiIntegrationResponseCommand'
        $run.Errors[0].Exception.Message | Should -BeLike '*IT2101*'
        $run.Errors[0].ErrorDetails.RecommendedAction | Should -BeLike '*-ResponseParameters*'
        Get-MotoApiIntegrationResponseList -ApiId $api -IntegrationId $integration -Endpoint $Endpoint | Should -HaveCount 0
    }

    It 'refuses the key <Key> with the fix (<Hint>)' -ForEach @(
        @{ Key = 'default'; Hint = 'single quotes' }
        @{ Key = '2xx'; Hint = "'/2../'" }
        @{ Key = '/[2/'; Hint = 'not a valid regular expression' }
    ) {
        $ws = New-SeededWebSocketApi 'ir-bad-key'
        $run = Invoke-Captured { New-ApiIntegrationResponse $ws.Api $ws.Integration -IntegrationResponseKey $Key -EndpointUrl $Endpoint }
        $run.Errors | Should -HaveCount 1
        $run.Errors[0].Exception.Message | Should -BeLike '*IT2102*'
        $run.Errors[0].Exception.Message.Contains($Hint) | Should -BeTrue -Because "the message should mention $Hint"
        Get-MotoApiIntegrationResponseList -ApiId $ws.Api -IntegrationId $ws.Integration -Endpoint $Endpoint | Should -HaveCount 0
    }

    It 'refuses response parameters without their prefix (IT2104)' {
        $ws = New-SeededWebSocketApi 'ir-bad-parameters'
        $run = Invoke-Captured { New-ApiIntegrationResponse $ws.Api $ws.Integration '$default' -ResponseParameters @{ 'x-request-id' = 'integration.response.header.x' } -EndpointUrl $Endpoint }
        $run.Errors | Should -HaveCount 1
        $run.Errors[0].Exception.Message | Should -BeLike '*IT2104*'
    }

    It 'shows the request with -WhatIf and creates nothing' {
        $ws = New-SeededWebSocketApi 'ir-whatif'
        $text = Get-HostText { New-ApiIntegrationResponse $ws.Api $ws.Integration '$default' -WhatIf -EndpointUrl $Endpoint }
        $text | Should -Match ([regex]::Escape("What if: Performing the operation `"POST /v2/apis/$($ws.Api)/integrations/$($ws.Integration)/integrationresponses {`"integrationResponseKey`":`"`$default`"}`""))
        Get-MotoApiIntegrationResponseList -ApiId $ws.Api -IntegrationId $ws.Integration -Endpoint $Endpoint | Should -HaveCount 0
    }

    It 'Get-ApiIntegrationResponse lists all or one, takes Get-ApiIntegration output, and reports an unknown id' {
        $ws = New-SeededWebSocketApi 'ir-get'
        $first = New-MotoApiIntegrationResponse -ApiId $ws.Api -IntegrationId $ws.Integration -Body @{ integrationResponseKey = '$default' } -Endpoint $Endpoint
        $second = New-MotoApiIntegrationResponse -ApiId $ws.Api -IntegrationId $ws.Integration -Body @{ integrationResponseKey = '/4\d\d/'; contentHandlingStrategy = 'CONVERT_TO_BINARY' } -Endpoint $Endpoint
        $all = @(Get-ApiIntegration $ws.Api -EndpointUrl $Endpoint | Get-ApiIntegrationResponse -EndpointUrl $Endpoint)
        @($all.IntegrationResponseId | Sort-Object) | Should -Be @(@($first, $second) | Sort-Object)
        $one = @(Get-ApiIntegrationResponse $ws.Api $ws.Integration $second -EndpointUrl $Endpoint)
        $one | Should -HaveCount 1
        $one[0].ContentHandlingStrategy | Should -Be 'CONVERT_TO_BINARY'
        $missing = Invoke-Captured { Get-ApiIntegrationResponse $ws.Api $ws.Integration nosuchid -EndpointUrl $Endpoint }
        $missing.Errors | Should -HaveCount 1
        $missing.Errors[0].FullyQualifiedErrorId | Should -BeExactly 'GetApiIntegrationResponseNotFound,IntegrationTools.Commands.GetApiIntegrationResponseCommand'
    }

    It 'has a table view with keys and templates' {
        $ws = New-SeededWebSocketApi 'ir-view'
        $id = New-MotoApiIntegrationResponse -ApiId $ws.Api -IntegrationId $ws.Integration -Endpoint $Endpoint -Body @{
            integrationResponseKey      = '$default'
            responseTemplates           = @{ '$default' = '{}'; 'application/json' = '{}' }
            templateSelectionExpression = '\$default'
        }
        $text = Get-ApiIntegrationResponse $ws.Api $ws.Integration -EndpointUrl $Endpoint | ConvertTo-PlainText
        $lines = $text -split '\r?\n'
        $text | Should -Match ([regex]::Escape("API: $($ws.Api) integration $($ws.Integration)"))
        $lines -match '^ResponseId\s+Key\s+ContentHandling\s+TemplateSelection\s+Templates\s+Parameters\s*$' | Should -HaveCount 1
        @($lines | Where-Object { $_.StartsWith($id) -and $_.Contains('$default') -and $_.Contains('$default, application/json') }) | Should -HaveCount 1
    }

    It 'Remove-ApiIntegrationResponse deletes with -Force or -Confirm:$false, and takes Get- output' {
        $ws = New-SeededWebSocketApi 'ir-remove'
        $first = New-MotoApiIntegrationResponse -ApiId $ws.Api -IntegrationId $ws.Integration -Body @{ integrationResponseKey = '$default' } -Endpoint $Endpoint
        $null = New-MotoApiIntegrationResponse -ApiId $ws.Api -IntegrationId $ws.Integration -Body @{ integrationResponseKey = '/5\d\d/' } -Endpoint $Endpoint
        $one = @(Remove-ApiIntegrationResponse $ws.Api $ws.Integration $first -Force -PassThru -EndpointUrl $Endpoint)
        $one | Should -HaveCount 1
        $one[0].IntegrationResponseKey | Should -BeExactly '$default'
        Get-MotoApiIntegrationResponseList -ApiId $ws.Api -IntegrationId $ws.Integration -Endpoint $Endpoint | Should -HaveCount 1
        $rest = @(Get-ApiIntegrationResponse $ws.Api $ws.Integration -EndpointUrl $Endpoint | Remove-ApiIntegrationResponse -Confirm:$false -EndpointUrl $Endpoint)
        $rest | Should -HaveCount 0
        Get-MotoApiIntegrationResponseList -ApiId $ws.Api -IntegrationId $ws.Integration -Endpoint $Endpoint | Should -HaveCount 0
    }

    It 'Remove-ApiIntegrationResponse keeps the response with -WhatIf, and reports an unknown id' {
        $ws = New-SeededWebSocketApi 'ir-remove-whatif'
        $id = New-MotoApiIntegrationResponse -ApiId $ws.Api -IntegrationId $ws.Integration -Body @{ integrationResponseKey = '$default' } -Endpoint $Endpoint
        $text = Get-HostText { Remove-ApiIntegrationResponse $ws.Api $ws.Integration $id -WhatIf -EndpointUrl $Endpoint }
        $text | Should -Match ([regex]::Escape("`"DELETE /v2/apis/$($ws.Api)/integrations/$($ws.Integration)/integrationresponses/$id`""))
        Get-MotoApiIntegrationResponseList -ApiId $ws.Api -IntegrationId $ws.Integration -Endpoint $Endpoint | Should -HaveCount 1
        $run = Invoke-Captured { Remove-ApiIntegrationResponse $ws.Api $ws.Integration nosuchid -Force -EndpointUrl $Endpoint }
        $run.Errors | Should -HaveCount 1
        $run.Errors[0].FullyQualifiedErrorId | Should -BeExactly 'RemoveApiIntegrationResponseNotFound,IntegrationTools.Commands.RemoveApiIntegrationResponseCommand'
    }
}

#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.5.0' }

# Test-ApiIntegration offline (the rule catalog on every input form, -Quiet), with -Live against a local moto server
# (and through the fault proxy, for an account that cannot be read), and -Invoke against moto, which lacks
# TestInvokeMethod (so only -WhatIf and the clear errors are checked).

BeforeAll {
    Import-Module -Name (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module -Name (Join-Path $PSScriptRoot 'FaultProxy.psm1') -Force
    $moto = Start-TestSuite
    $Endpoint = $moto.Endpoint
    $Suffix = ',IntegrationTools.Commands.TestApiIntegrationCommand'
}

AfterAll {
    Stop-TestSuite $moto
}

Describe 'Test-ApiIntegration (offline)' {

    It 'writes one finding per problem of a bad REST definition, with rule, field, target and fix' {
        $findings = @(@{ RestApiId = 'a1b2c3d4e5'; ResourcePath = '/pets'; HttpMethod = 'GET'; Type = 'HTTP_PROXY'; Uri = 'petstore.example.com/pets' } | Test-ApiIntegration)
        $findings | ForEach-Object { $_.PSObject.TypeNames[0] | Should -Be 'IntegrationTools.Models.Finding' }
        @($findings.RuleId | Sort-Object) | Should -Be @('IT1004', 'IT1008')
        $byRule = @{}
        foreach ($finding in $findings) { $byRule[$finding.RuleId] = $finding }
        $byRule['IT1004'].Field | Should -BeExactly 'IntegrationHttpMethod'
        $byRule['IT1008'].Target | Should -BeExactly 'restapi/a1b2c3d4e5 /pets GET'
        "$($byRule['IT1008'].Severity)" | Should -Be 'Error'
        $byRule['IT1008'].Fix | Should -Not -BeNullOrEmpty
    }

    It 'writes no finding for a good definition, and with -Quiet $true or $false per input' {
        $good = @{ RestApiId = 'a1b2c3d4e5'; ResourcePath = '/pets'; HttpMethod = 'GET'; Type = 'MOCK'; RequestTemplates = @{ 'application/json' = '{"statusCode": 200}' } }
        $bad = @{ RestApiId = 'a1b2c3d4e5'; ResourcePath = '/pets'; HttpMethod = 'GET'; Type = 'MOCKK' }
        @(Test-ApiIntegration $good) | Should -HaveCount 0
        $quiet = @($good, $bad, $good | Test-ApiIntegration -Quiet)
        $quiet | Should -Be @($true, $false, $true)
        $quiet | ForEach-Object { $_ | Should -BeOfType ([bool]) }
    }

    It 'makes unreadable inputs findings, and the batch goes on' {
        $run = Invoke-Captured { 'just text', @{ Uir = 'x'; RestApiId = 'a' }, @{ Foo = 1 }, 42 | Test-ApiIntegration }
        $run.Errors | Should -HaveCount 0
        $rules = @($run.Output.RuleId)
        $rules | Should -Contain 'IT0001'   # not a definition
        $rules | Should -Contain 'IT0002'   # unknown key
        $rules | Should -Contain 'IT0005'   # neither kind
        ($run.Output | Where-Object RuleId -EQ 'IT0002' | Select-Object -First 1).Message | Should -BeLike "*Did you mean 'Uri'?*"
        # Each of the four inputs is accounted for by at least one finding with its own target.
        @($run.Output.Target | Select-Object -Unique) | Should -HaveCount 4
    }

    It 'takes Get-ApiIntegration output, which carries the protocol for the HTTP API rules' {
        $api = New-MotoApi -Name 'test-audit' -Endpoint $Endpoint
        # moto accepts this; the service (and the rule catalog) would not: payload 2.0 is for Lambda proxies only.
        $null = New-MotoApiIntegration -ApiId $api -Endpoint $Endpoint -Body @{
            integrationType = 'HTTP_PROXY'; integrationMethod = 'GET'; integrationUri = 'https://audit.example.com'; payloadFormatVersion = '2.0'
        }
        $findings = @(Get-ApiIntegration $api -EndpointUrl $Endpoint | Test-ApiIntegration)
        $findings | Should -HaveCount 1
        $findings[0].Field | Should -BeExactly 'PayloadFormatVersion'
        $findings[0].Target | Should -BeLike "api/$api integration/*"
    }

    It 'reads the camelCase keys of the AWS CLI skeleton as ConvertFrom-Json makes it' {
        $skeleton = @'
{
    "restApiId": "a1b2c3d4e5",
    "resourceId": "abc123",
    "httpMethod": "POST",
    "type": "AWS_PROXY",
    "integrationHttpMethod": "POST",
    "uri": "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:f/invocations",
    "timeoutInMillis": 10,
    "tlsConfig": { "insecureSkipVerification": false }
}
'@
        $findings = @($skeleton | ConvertFrom-Json | Test-ApiIntegration)
        $findings | Should -HaveCount 1
        $findings[0].Field | Should -BeExactly 'TimeoutInMillis'
    }

    It 'groups the finding view by target' {
        $text = @{ RestApiId = 'a1b2c3d4e5'; ResourcePath = '/pets'; HttpMethod = 'GET'; Type = 'HTTP_PROXY'; Uri = 'x' } | Test-ApiIntegration | ConvertTo-PlainText
        $lines = $text -split '\r?\n'
        $text | Should -Match ([regex]::Escape('Target: restapi/a1b2c3d4e5 /pets GET'))
        $lines -match '^RuleId\s+Severity\s+Field\s+Message\s*$' | Should -HaveCount 1
        @($lines | Where-Object { $_.StartsWith('IT1008  Error') }) | Should -HaveCount 1
    }

    It 'ends the command when request parameters are given without -Invoke' {
        $thrown = { @{ RestApiId = 'a1b2c3d4e5'; ResourcePath = '/pets'; HttpMethod = 'GET'; Type = 'MOCK' } | Test-ApiIntegration -Body '{}' -Header @{ a = 'b' } -ErrorAction Stop } |
            Should -Throw -ErrorId "TestApiIntegrationInvokeParameterWithoutInvoke$Suffix" -PassThru
        $thrown.Exception.Message | Should -BeLike '*-Body, -Header*'
    }
}

Describe 'Test-ApiIntegration -Live' {

    It 'checks REST definitions against the API, the resource, the method and the deployed integration' {
        $store = New-PetStore -Name 'live-rest' -Endpoint $Endpoint
        $http = New-MotoApi -Name 'live-rest-other' -Endpoint $Endpoint
        $deployed = @{ RestApiId = $store.RestApiId; ResourcePath = '/pets'; HttpMethod = 'POST'; Type = 'HTTP_PROXY'; IntegrationHttpMethod = 'POST'; Uri = 'https://petstore.example.com/pets' }
        $drifted = $deployed.Clone(); $drifted.Uri = 'https://petstore-v2.example.com/pets'; $drifted.TimeoutInMillis = 5000
        $noPath = $deployed.Clone(); $noPath.ResourcePath = '/pet'
        $noMethod = $deployed.Clone(); $noMethod.HttpMethod = 'PUT'
        $noApi = $deployed.Clone(); $noApi.RestApiId = 'zz9nothere'
        $otherKind = $deployed.Clone(); $otherKind.RestApiId = $http
        $noIntegration = @{ RestApiId = $store.RestApiId; ResourcePath = '/pets/{id}'; HttpMethod = 'DELETE'; Type = 'MOCK' }
        $all = $deployed, $drifted, $noPath, $noMethod, $noApi, $otherKind, $noIntegration

        $findings = @($all | Test-ApiIntegration -Live -EndpointUrl $Endpoint)
        $quiet = @($all | Test-ApiIntegration -Live -Quiet -EndpointUrl $Endpoint)

        # What is deployed as defined has no findings (moto leaves out the service defaults; they are not drift).
        $quiet | Should -Be @($true, $false, $false, $false, $false, $false, $false)
        $findings | ForEach-Object { $_.PSObject.TypeNames[0] | Should -Be 'IntegrationTools.Models.Finding' }

        $drift = @($findings | Where-Object RuleId -EQ 'IT3006')
        @($drift.Field | Sort-Object) | Should -Be @('TimeoutInMillis', 'Uri')
        ($drift | Where-Object Field -EQ 'Uri').Message |
            Should -BeExactly "Uri is 'https://petstore.example.com/pets' as deployed but 'https://petstore-v2.example.com/pets' in the definition."
        ($drift | Where-Object Field -EQ 'TimeoutInMillis').Message |
            Should -BeExactly 'TimeoutInMillis is not set (the default, 29000) as deployed but 5000 in the definition.'

        $path = @($findings | Where-Object RuleId -EQ 'IT3003')
        $path | Should -HaveCount 1
        $path[0].Message | Should -BeLike "*no resource with the path '/pet'*"
        $path[0].Message | Should -BeLike "*'/pets'*"
        @($findings | Where-Object RuleId -EQ 'IT3004')[0].Message | Should -BeLike '*it has GET, POST*'
        @($findings | Where-Object RuleId -EQ 'IT3001')[0].Message | Should -BeLike "*'zz9nothere'*"
        @($findings | Where-Object RuleId -EQ 'IT3002')[0].Message | Should -BeLike '*is an HTTP API, but the definition is for a REST API*'
        @($findings | Where-Object RuleId -EQ 'IT3007')[0].Message | Should -BeLike '*DELETE /pets/{id} has no integration yet*'
    }

    It 'passes HTTP and WebSocket integrations as deployed, and reports drift, missing ids and the wrong protocol' {
        $api = New-MotoApi -Name 'live-http' -Endpoint $Endpoint
        $lambda = New-MotoApiIntegration -ApiId $api -Endpoint $Endpoint -Body @{
            integrationType      = 'AWS_PROXY'
            integrationUri       = 'arn:aws:lambda:us-east-1:123456789012:function:orders'
            payloadFormatVersion = '2.0'
            requestParameters    = @{ 'overwrite:header.x-source' = '$context.requestId' }
        }
        $ws = New-MotoApi -Name 'live-ws' -ProtocolType WEBSOCKET -Endpoint $Endpoint
        $null = New-MotoApiIntegration -ApiId $ws -Endpoint $Endpoint -Body @{
            integrationType             = 'MOCK'
            requestTemplates            = @{ '$default' = '{"statusCode": 200}' }
            templateSelectionExpression = '\$default'
        }

        $asDeployed = @(Get-ApiIntegration $api -EndpointUrl $Endpoint) + @(Get-ApiIntegration $ws -EndpointUrl $Endpoint)
        @($asDeployed | Test-ApiIntegration -Live -EndpointUrl $Endpoint) | Should -HaveCount 0

        $changed = @{ ApiId = $api; IntegrationId = $lambda; IntegrationType = 'AWS_PROXY'; PayloadFormatVersion = '2.0'
            IntegrationUri = 'arn:aws:lambda:us-east-1:123456789012:function:orders-v2' }
        $gone = @{ ApiId = $api; IntegrationId = 'nope123'; IntegrationType = 'HTTP_PROXY'; IntegrationMethod = 'GET'; IntegrationUri = 'https://x.example.com'; PayloadFormatVersion = '1.0' }
        $wrongProtocol = @{ ApiId = $ws; ProtocolType = 'HTTP'; IntegrationType = 'HTTP_PROXY'; IntegrationMethod = 'GET'; IntegrationUri = 'https://x.example.com'; PayloadFormatVersion = '1.0' }
        $findings = @($changed, $gone, $wrongProtocol | Test-ApiIntegration -Live -EndpointUrl $Endpoint)

        $drift = @($findings | Where-Object RuleId -EQ 'IT3006')
        @($drift.Field | Sort-Object) | Should -Be @('IntegrationUri', 'RequestParameters')
        ($drift | Where-Object Field -EQ 'IntegrationUri').Message |
            Should -BeLike "*'arn:aws:lambda:us-east-1:123456789012:function:orders' as deployed but 'arn:aws:lambda:us-east-1:123456789012:function:orders-v2' in the definition*"
        @($findings | Where-Object RuleId -EQ 'IT3007') | Should -HaveCount 1
        @($findings | Where-Object RuleId -EQ 'IT3007')[0].Message | Should -BeLike "*'nope123'*"
        @($findings | Where-Object RuleId -EQ 'IT3002') | Should -HaveCount 1
        @($findings | Where-Object RuleId -EQ 'IT3002')[0].Message | Should -BeLike '*is a WebSocket API, but the definition is for an HTTP API*'
    }

    It 'looks VPC links up where the protocol keeps them (IT2030 for HTTP APIs, IT3005 for REST and WebSocket APIs)' {
        $http = New-MotoApi -Name 'live-vpc-http' -Endpoint $Endpoint
        $ws = New-MotoApi -Name 'live-vpc-ws' -ProtocolType WEBSOCKET -Endpoint $Endpoint
        $v1Link = New-MotoVpcLink -Name 'live-nlb' -Rest -Endpoint $Endpoint
        $v2Link = New-MotoVpcLink -Name 'live-v2' -Endpoint $Endpoint
        $store = New-PetStore -Name 'live-vpc-rest' -Endpoint $Endpoint
        $listener = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/orders/50dc6c495c0c9188/0467ef3c8400ae65'
        $httpOk = @{ ApiId = $http; IntegrationType = 'HTTP_PROXY'; IntegrationMethod = 'ANY'; ConnectionType = 'VPC_LINK'; ConnectionId = $v2Link; IntegrationUri = $listener; PayloadFormatVersion = '1.0' }
        $httpGone = $httpOk.Clone(); $httpGone.ConnectionId = 'gone111'
        $wsOk = @{ ApiId = $ws; IntegrationType = 'HTTP_PROXY'; IntegrationMethod = 'POST'; ConnectionType = 'VPC_LINK'; ConnectionId = $v1Link; IntegrationUri = 'http://orders.internal.example.com' }
        $wsGone = $wsOk.Clone(); $wsGone.ConnectionId = 'gone222'
        $restGone = @{ RestApiId = $store.RestApiId; ResourcePath = '/pets'; HttpMethod = 'POST'; Type = 'HTTP_PROXY'; IntegrationHttpMethod = 'POST'
            Uri = 'http://orders.internal.example.com/pets'; ConnectionType = 'VPC_LINK'; ConnectionId = 'gone333' }

        $lines = @($httpOk, $httpGone, $wsOk, $wsGone, $restGone | Test-ApiIntegration -Live -EndpointUrl $Endpoint |
                Where-Object { $_.RuleId -in 'IT2030', 'IT3005' } | ForEach-Object { "$($_.RuleId) $($_.Message)" })
        $lines | Should -HaveCount 3
        $lines | Should -Contain "IT2030 The VPC link 'gone111' does not exist in this account and region."
        $lines | Should -Contain "IT3005 The VPC link 'gone222' does not exist in this account and region."
        $lines | Should -Contain "IT3005 The VPC link 'gone333' does not exist in this account and region."
    }

    It 'reports an account that cannot be read as an error for that input, and the batch goes on' {
        $store = New-PetStore -Name 'live-throttled' -Endpoint $Endpoint
        # Every request is answered 429 TooManyRequestsException (Retry-After: 1); two attempts keep the wait short.
        $proxy = Start-FaultProxy -Upstream $Endpoint -TooManyRequestsRate 1.0
        $saved = Set-TestAwsEnvironment -Variables @{ AWS_MAX_ATTEMPTS = '2' }
        try {
            $definition = @{ RestApiId = $store.RestApiId; ResourcePath = '/pets'; HttpMethod = 'GET'; Type = 'MOCK' }
            $run = Invoke-Captured { $definition, 'not a definition', $definition | Test-ApiIntegration -Live -EndpointUrl $proxy.Endpoint }
        }
        finally {
            Restore-TestAwsEnvironment -Saved $saved
            Stop-FaultProxy $proxy
        }
        $run.Terminating | Should -BeNullOrEmpty
        $run.Errors | Should -HaveCount 2
        foreach ($failure in $run.Errors) {
            $failure.FullyQualifiedErrorId | Should -BeExactly "TestApiIntegrationLiveThrottled$Suffix"
            $failure.CategoryInfo.Category | Should -Be 'LimitsExceeded'
            $failure.TargetObject | Should -BeExactly "restapi/$($store.RestApiId) /pets GET"
            $failure.Exception.Message | Should -BeLike '*Gave up after 2 attempts*'
        }
        # The unreadable input in between still has its finding.
        $run.Output | Should -HaveCount 1
        $run.Output[0].RuleId | Should -BeExactly 'IT0001'
    }

    Context 'a session without a region' {
        BeforeAll {
            $saved = Set-TestAwsEnvironment -Variables (Get-UnconfiguredAwsEnvironment -Directory $TestDrive -KeepCredentials) -ClearShellDefaults
        }

        AfterAll {
            Restore-TestAwsEnvironment -Saved $saved
        }

        It 'ends the command with SessionNoRegion before any input is checked' {
            $run = Invoke-Captured { @{ RestApiId = 'a1b2c3d4e5'; ResourcePath = '/pets'; HttpMethod = 'GET'; Type = 'MOCK' } | Test-ApiIntegration -Live -EndpointUrl $Endpoint }
            $run.Output | Should -HaveCount 0
            $run.Errors | Should -HaveCount 1
            $run.Errors[0].FullyQualifiedErrorId | Should -BeExactly "SessionNoRegion$Suffix"
        }
    }
}

Describe 'Test-ApiIntegration -Invoke' {

    It 'is a clear NotImplemented error per input against an endpoint without TestInvokeMethod, and the batch goes on' {
        $store = New-PetStore -Name 'invoke-moto' -Endpoint $Endpoint
        $get = @{ RestApiId = $store.RestApiId; ResourcePath = '/pets'; HttpMethod = 'GET'; Type = 'MOCK' }
        $post = @{ RestApiId = $store.RestApiId; ResourcePath = '/pets'; HttpMethod = 'POST'; Type = 'HTTP_PROXY'; IntegrationHttpMethod = 'POST'; Uri = 'https://petstore.example.com/pets' }
        $http = @{ ApiId = 'x9y8z7w6'; IntegrationType = 'HTTP_PROXY'; IntegrationMethod = 'GET'; IntegrationUri = 'https://x.example.com'; PayloadFormatVersion = '1.0' }
        $run = Invoke-Captured {
            $get, $http, $post | Test-ApiIntegration -Invoke -PathWithQueryString '/pets?limit=2' -Header @{ Accept = 'application/json' } -StageVariable @{ stage = 'test' } -EndpointUrl $Endpoint
            'after'
        }
        $run.Terminating | Should -BeNullOrEmpty
        $run.Output | Should -HaveCount 1
        $run.Output[0] | Should -BeExactly 'after'
        $run.Errors | Should -HaveCount 3

        $unsupported = @($run.Errors | Where-Object FullyQualifiedErrorId -EQ "TestApiIntegrationInvokeNotSupported$Suffix")
        $unsupported | Should -HaveCount 2
        foreach ($failure in $unsupported) {
            $failure.CategoryInfo.Category | Should -Be 'NotImplemented'
            $failure.Exception | Should -BeOfType ([System.Management.Automation.PSNotSupportedException])
            $failure.Exception.Message | Should -BeLike '*does not support test invocation (TestInvokeMethod)*'
            $failure.Exception.Message.Contains($Endpoint) | Should -BeTrue -Because 'the message names the endpoint'
            $failure.ErrorDetails.RecommendedAction | Should -Not -BeNullOrEmpty
        }
        @($unsupported.TargetObject) | Should -Be @("restapi/$($store.RestApiId) /pets GET", "restapi/$($store.RestApiId) /pets POST")

        $notRest = @($run.Errors | Where-Object FullyQualifiedErrorId -EQ "TestApiIntegrationInvokeNotRestApi$Suffix")
        $notRest | Should -HaveCount 1
        $notRest[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
    }

    It 'sends no test invocation with -WhatIf' {
        $store = New-PetStore -Name 'invoke-whatif' -Endpoint $Endpoint
        $holder = @{}
        $text = Get-HostText {
            $holder.Run = Invoke-Captured {
                @{ RestApiId = $store.RestApiId; ResourcePath = '/pets'; HttpMethod = 'POST'; Type = 'HTTP_PROXY'; IntegrationHttpMethod = 'POST'; Uri = 'https://petstore.example.com/pets' } |
                    Test-ApiIntegration -Invoke -WhatIf -PathWithQueryString '/pets?dry=1' -EndpointUrl $Endpoint
            }
        }
        # Against moto a sent invocation is an error; with -WhatIf nothing is sent, so there is none.
        $holder.Run.Errors | Should -HaveCount 0
        $holder.Run.Output | Should -HaveCount 0
        $text | Should -Match ([regex]::Escape("What if: Performing the operation `"TestInvokeMethod POST /restapis/$($store.RestApiId)/resources/$($store.PetsId)/methods/POST for /pets?dry=1"))
    }

    It 'has table and list views for the invocation result' {
        $r = [pscustomobject]@{ RestApiId = 'a1b2c3d4e5'; ResourceId = 'res456'; ResourcePath = '/pets'; HttpMethod = 'GET'; PathWithQueryString = '/pets?limit=2'
            Status = 502; Latency = 30; Body = '{"message": "Internal server error"}'; Headers = @{ 'Content-Type' = 'application/json' }
            Log = [string[]]@('Sending request to https://petstore.example.com/pets', 'Received response. Status: 503')
        }
        $r.PSObject.TypeNames.Insert(0, 'IntegrationTools.Models.TestInvokeResult')
        $table = ($r | ConvertTo-PlainText) -split '\r?\n'
        $table -match '^Status\s+Latency\s+HttpMethod\s+ResourcePath\s+RestApiId\s+Body' | Should -HaveCount 1
        $table -match '^\s*502\s+30 ms\s+GET\s+/pets\s+a1b2c3d4e5' | Should -HaveCount 1
        $list = $r | Format-List | ConvertTo-PlainText
        foreach ($name in 'RestApiId', 'ResourceId', 'ResourcePath', 'HttpMethod', 'PathWithQueryString', 'Status', 'Latency', 'Headers', 'Body', 'Log') {
            $list | Should -Match "(?m)^$name\s*:"
        }
    }
}

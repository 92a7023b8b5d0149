#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.5.0' }

# Lambda functions given by name or partial ARN where an ARN is wanted (New-ApiIntegration -FunctionArn,
# Set-RestIntegration -LambdaProxy/-Lambda -FunctionName, piped definitions) against a local moto server, which also
# serves STS GetCallerIdentity (account 123456789012) on the same port.

BeforeAll {
    Import-Module -Name (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $moto = Start-TestSuite
    $Endpoint = $moto.Endpoint

    $Account = '123456789012'
    $NewSuffix = ',IntegrationTools.Commands.NewApiIntegrationCommand'
    $SetSuffix = ',IntegrationTools.Commands.SetRestIntegrationCommand'

    function Get-InvocationUri([string] $FunctionArn) {
        "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/$FunctionArn/invocations"
    }

    # The Verbose lines of the STS call (POST to the endpoint's root), as the wire layer logs each request.
    function Select-StsRequest([string[]] $Verbose) {
        @($Verbose | Where-Object { $_ -match '^POST https?://[^/]+/$' })
    }

    # A port nothing listens on, for an STS endpoint that cannot be reached.
    $ClosedStsEndpoint = "http://127.0.0.1:$(Get-FreeTcpPort)"
}

AfterAll {
    Stop-TestSuite $moto
}

Describe 'Lambda function names' {

    Context 'New-ApiIntegration' {

        It '-FunctionArn <Function> on an HTTP API becomes <Expected>' -ForEach @(
            @{ Function = 'orders-handler'; Expected = 'arn:aws:lambda:us-east-1:123456789012:function:orders-handler' }
            @{ Function = 'orders-handler:live'; Expected = 'arn:aws:lambda:us-east-1:123456789012:function:orders-handler:live' }
            @{ Function = '123456789012:function:orders-handler'; Expected = 'arn:aws:lambda:us-east-1:123456789012:function:orders-handler' }
            @{ Function = 'arn:aws:lambda:us-east-1:123456789012:function:orders-handler:7'; Expected = 'arn:aws:lambda:us-east-1:123456789012:function:orders-handler:7' }
        ) {
            $api = New-MotoApi -Name 'fn-http' -Endpoint $Endpoint
            $run = Invoke-Captured { New-ApiIntegration -ApiId $api -FunctionArn $Function -EndpointUrl $Endpoint }
            $run.Errors | Should -HaveCount 0
            $run.Output | Should -HaveCount 1
            $run.Output[0].IntegrationUri | Should -BeExactly $Expected
            (Get-MotoApiIntegration -ApiId $api -IntegrationId $run.Output[0].IntegrationId -Endpoint $Endpoint).integrationUri | Should -BeExactly $Expected
        }

        It '-FunctionArn name on a WebSocket API becomes the invocation URI of the full ARN' {
            $api = New-MotoApi -Name 'fn-ws' -ProtocolType WEBSOCKET -Endpoint $Endpoint
            $created = New-ApiIntegration -ApiId $api -FunctionArn chat-handler -IntegrationType AWS_PROXY -EndpointUrl $Endpoint
            $created.IntegrationUri | Should -BeExactly (Get-InvocationUri "arn:aws:lambda:us-east-1:$($Account):function:chat-handler")
        }

        It '-WhatIf shows the resolved ARN in the request and creates nothing' {
            $api = New-MotoApi -Name 'fn-whatif' -Endpoint $Endpoint
            $text = Get-HostText { New-ApiIntegration -ApiId $api -FunctionArn orders-handler -WhatIf -EndpointUrl $Endpoint }
            $text | Should -Match ([regex]::Escape("`"integrationUri`":`"arn:aws:lambda:us-east-1:$($Account):function:orders-handler`""))
            Get-MotoApiIntegrationList -ApiId $api -Endpoint $Endpoint | Should -HaveCount 0
        }

        It 'piped definitions with function names make one STS call for the whole pipeline (shared with the pacing)' {
            # Keys this process has not used yet: the account is looked up once, for the names and the pacing together.
            $keys = @{ AccessKey = "AKIAFN$(Get-Random -Minimum 100000 -Maximum 999999)"; SecretKey = 'fn-secret' }
            $api = New-MotoApi -Name 'fn-piped' -Endpoint $Endpoint
            $definitions = 'orders', 'billing', 'audit' | ForEach-Object {
                @{ IntegrationType = 'AWS_PROXY'; IntegrationUri = $_; PayloadFormatVersion = '2.0' }
            }
            $run = Invoke-Captured { $definitions | New-ApiIntegration -ApiId $api -EndpointUrl $Endpoint @keys -Verbose }
            $run.Errors | Should -HaveCount 0
            @($run.Output.IntegrationUri) | Should -Be @(
                "arn:aws:lambda:us-east-1:$($Account):function:orders"
                "arn:aws:lambda:us-east-1:$($Account):function:billing"
                "arn:aws:lambda:us-east-1:$($Account):function:audit"
            )
            Select-StsRequest $run.Verbose | Should -HaveCount 1
        }

        It 'a full ARN needs no STS call, once the process knows the account of the keys (the pacing asks once per process)' {
            $keys = @{ AccessKey = "AKIAFN$(Get-Random -Minimum 100000 -Maximum 999999)"; SecretKey = 'fn-secret' }
            $api = New-MotoApi -Name 'fn-full' -Endpoint $Endpoint
            $first = Invoke-Captured { Get-ApiIntegration -ApiId $api -EndpointUrl $Endpoint @keys -Verbose }
            $run = Invoke-Captured { New-ApiIntegration -ApiId $api -FunctionArn "arn:aws:lambda:us-east-1:$($Account):function:orders" -EndpointUrl $Endpoint @keys -Verbose }
            $first.Errors | Should -HaveCount 0
            Select-StsRequest $first.Verbose | Should -HaveCount 1 -Because 'the first command of new keys looks the account up for the pacing'
            $first.Verbose | Where-Object { $_ -like "Pacing at * for account $Account in us-east-1, shared by every command of this process." } | Should -HaveCount 1
            $run.Errors | Should -HaveCount 0
            Select-StsRequest $run.Verbose | Should -HaveCount 0
        }
    }

    Context 'Set-RestIntegration' {

        It '-LambdaProxy -FunctionName name builds the invocation URI of the full ARN' {
            $shop = New-MotoShop -Name 'fn-rest' -Endpoint $Endpoint
            $run = Invoke-Captured { Set-RestIntegration -RestApiId $shop.RestApiId -ResourcePath /pets -HttpMethod GET -LambdaProxy -FunctionName list-pets -EndpointUrl $Endpoint }
            $run.Errors | Should -HaveCount 0
            $expected = Get-InvocationUri "arn:aws:lambda:us-east-1:$($Account):function:list-pets"
            $run.Output[0].Uri | Should -BeExactly $expected
            $stored = Get-MotoRestIntegration -RestApiId $shop.RestApiId -ResourceId $shop.PetsId -HttpMethod GET -Endpoint $Endpoint
            $stored.type | Should -BeExactly 'AWS_PROXY'
            $stored.uri | Should -BeExactly $expected
        }

        It '-Lambda -FunctionName name:alias keeps the alias' {
            $shop = New-MotoShop -Name 'fn-rest-alias' -Endpoint $Endpoint
            $null = Set-RestIntegration -RestApiId $shop.RestApiId -ResourcePath /orders -HttpMethod POST -Lambda -FunctionName place-order:prod -EndpointUrl $Endpoint
            $stored = Get-MotoRestIntegration -RestApiId $shop.RestApiId -ResourceId $shop.OrdersId -HttpMethod POST -Endpoint $Endpoint
            $stored.uri | Should -BeExactly (Get-InvocationUri "arn:aws:lambda:us-east-1:$($Account):function:place-order:prod")
        }

        It '-WhatIf shows the resolved invocation URI and sends nothing' {
            $shop = New-MotoShop -Name 'fn-rest-whatif' -Endpoint $Endpoint
            $text = Get-HostText { Set-RestIntegration -RestApiId $shop.RestApiId -ResourcePath /pets -HttpMethod GET -LambdaProxy -FunctionName list-pets -WhatIf -EndpointUrl $Endpoint }
            $text | Should -Match ([regex]::Escape("arn:aws:lambda:us-east-1:$($Account):function:list-pets/invocations"))
            Get-MotoRestIntegration -RestApiId $shop.RestApiId -ResourceId $shop.PetsId -HttpMethod GET -Endpoint $Endpoint | Should -BeNullOrEmpty
        }

        It 'a piped definition with a function name as Uri gets the invocation URI' {
            $shop = New-MotoShop -Name 'fn-rest-piped' -Endpoint $Endpoint
            $definition = @{ RestApiId = $shop.RestApiId; ResourcePath = '/pets'; HttpMethod = 'GET'; Type = 'AWS_PROXY'; IntegrationHttpMethod = 'POST'; Uri = 'list-pets' }
            $run = Invoke-Captured { $definition | Set-RestIntegration -EndpointUrl $Endpoint }
            $run.Errors | Should -HaveCount 0
            $run.Output[0].Uri | Should -BeExactly (Get-InvocationUri "arn:aws:lambda:us-east-1:$($Account):function:list-pets")
        }
    }

    Context 'A failed lookup' {

        BeforeAll {
            # API Gateway on moto, STS on a port nothing listens on, one attempt per request. The variables are
            # put back afterwards (removed, not left empty: an empty AWS_MAX_ATTEMPTS breaks the next moto server's botocore).
            $failingEnvironment = @{
                AWS_ENDPOINT_URL_API_GATEWAY = $Endpoint
                AWS_ENDPOINT_URL_STS         = $ClosedStsEndpoint
                AWS_MAX_ATTEMPTS             = '1'
            }
            $previousEnvironment = @{}
            foreach ($name in $failingEnvironment.Keys) {
                $previousEnvironment[$name] = [System.Environment]::GetEnvironmentVariable($name)
                Set-Item -Path "Env:$name" -Value $failingEnvironment[$name]
            }
        }

        AfterAll {
            foreach ($name in $failingEnvironment.Keys) {
                if ($null -eq $previousEnvironment[$name]) { Remove-Item -Path "Env:$name" -ErrorAction Ignore }
                else { Set-Item -Path "Env:$name" -Value $previousEnvironment[$name] }
            }
        }

        It 'is one FunctionNotResolved error per input that names the function and the fix, and nothing is sent' {
            $api = New-MotoApi -Name 'fn-fail' -Endpoint $Endpoint
            $run = Invoke-Captured { 'orders', 'billing' | ForEach-Object { @{ IntegrationType = 'AWS_PROXY'; IntegrationUri = $_; PayloadFormatVersion = '2.0' } } | New-ApiIntegration -ApiId $api }
            $run.Output | Should -HaveCount 0
            $run.Errors | Should -HaveCount 2
            foreach ($failure in $run.Errors) {
                $failure.FullyQualifiedErrorId | Should -BeExactly "NewApiIntegrationFunctionNotResolved$NewSuffix"
                $failure.CategoryInfo.Category | Should -Be ([System.Management.Automation.ErrorCategory]::ConnectionError)
                $failure.Exception.Message | Should -BeLike '*given by name*STS GetCallerIdentity*AWS_ENDPOINT_URL_STS*'
                $failure.ErrorDetails.RecommendedAction | Should -BeLike '*full ARN*arn:aws:lambda:us-east-1:123456789012:function:*'
                $failure.Exception.Message | Should -Not -BeLike '*   at *'
            }
            $run.Errors[0].Exception.Message | Should -BeLike "*'orders'*"
            $run.Errors[1].Exception.Message | Should -BeLike "*'billing'*"
            Get-MotoApiIntegrationList -ApiId $api -Endpoint $Endpoint | Should -HaveCount 0
        }

        It 'Set-RestIntegration -LambdaProxy -FunctionName writes the same one error and sends nothing' {
            $shop = New-MotoShop -Name 'fn-rest-fail' -Endpoint $Endpoint
            $run = Invoke-Captured { Set-RestIntegration -RestApiId $shop.RestApiId -ResourcePath /pets -HttpMethod GET -LambdaProxy -FunctionName list-pets }
            $run.Errors | Should -HaveCount 1
            $run.Errors[0].FullyQualifiedErrorId | Should -BeExactly "SetRestIntegrationFunctionNotResolved$SetSuffix"
            $run.Errors[0].ErrorDetails.RecommendedAction | Should -BeLike '*arn:aws:lambda:us-east-1:123456789012:function:list-pets*'
            Get-MotoRestIntegration -RestApiId $shop.RestApiId -ResourceId $shop.PetsId -HttpMethod GET -Endpoint $Endpoint | Should -BeNullOrEmpty
        }

        It 'does not stop a full ARN' {
            $api = New-MotoApi -Name 'fn-fail-full' -Endpoint $Endpoint
            $run = Invoke-Captured { New-ApiIntegration -ApiId $api -FunctionArn "arn:aws:lambda:us-east-1:$($Account):function:orders" }
            $run.Errors | Should -HaveCount 0
            $run.Output | Should -HaveCount 1
        }

        It 'does not stop a command that needs no account: the pacing goes by the access key, and Verbose says why' {
            $api = New-MotoApi -Name 'fn-fail-pacing' -Endpoint $Endpoint
            $keys = @{ AccessKey = "AKIAFN$(Get-Random -Minimum 100000 -Maximum 999999)"; SecretKey = 'fn-secret' }
            $run = Invoke-Captured { Get-ApiIntegration -ApiId $api @keys -Verbose }
            $run.Errors | Should -HaveCount 0
            $note = @($run.Verbose | Where-Object { $_ -like 'Pacing at *' })
            $note | Should -HaveCount 1
            $note[0] | Should -BeLike "*for these credentials in us-east-1 at $Endpoint (the account is not known*STS GetCallerIdentity*"
            $note[0] | Should -Not -BeLike "*$($keys.AccessKey)*"
        }
    }
}

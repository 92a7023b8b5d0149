#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.5.0' }

# Set-, Update- and Remove-RestIntegration and Set-, Get- and Remove-RestIntegrationResponse against a local moto
# server (every parameter set, every pipeline form, -WhatIf, Outcome, the pre-flight refusals), and what the AWS CLI
# reads of what Set-RestIntegration wrote.
# moto answers UpdateIntegration (PATCH) with 500, so Update-RestIntegration is checked up to the request it would
# send (-WhatIf) and in its pre-flight; the engine's tests cover the PATCH itself.

BeforeDiscovery {
    Import-Module -Name (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $HasAwsCli = [bool](Find-AwsCli)
}

BeforeAll {
    Import-Module -Name (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $moto = Start-TestSuite
    $Endpoint = $moto.Endpoint

    $SetSuffix = ',IntegrationTools.Commands.SetRestIntegrationCommand'
    $UpdateSuffix = ',IntegrationTools.Commands.UpdateRestIntegrationCommand'
    $RemoveSuffix = ',IntegrationTools.Commands.RemoveRestIntegrationCommand'
    $SetResponseSuffix = ',IntegrationTools.Commands.SetRestIntegrationResponseCommand'
    $FunctionArn = 'arn:aws:lambda:us-east-1:123456789012:function:list-pets'

    # A shop with three integrations: GET /pets (HTTP, a 10 ms timeout, two request parameters, a template),
    # OPTIONS /pets (MOCK) and GET /pets/{petId} (HTTP_PROXY); POST /orders has none.
    function New-ShopWithIntegrations([string] $Name) {
        $shop = New-MotoShop -Name $Name -Endpoint $Endpoint
        $null = Set-MotoIntegration -RestApiId $shop.RestApiId -ResourceId $shop.PetsId -HttpMethod GET -Endpoint $Endpoint -Body @{
            type              = 'HTTP'
            httpMethod        = 'GET'
            uri               = 'https://search.example.com/find'
            timeoutInMillis   = 10
            requestParameters = @{ 'integration.request.querystring.term' = 'method.request.querystring.q'; 'integration.request.header.x-old' = "'1'" }
            requestTemplates  = @{ 'application/json' = '{}' }
        }
        $null = Set-MotoIntegration -RestApiId $shop.RestApiId -ResourceId $shop.PetsId -HttpMethod OPTIONS -Endpoint $Endpoint -Body @{ type = 'MOCK' }
        $null = Set-MotoIntegration -RestApiId $shop.RestApiId -ResourceId $shop.PetId -HttpMethod GET -Endpoint $Endpoint -Body @{
            type = 'HTTP_PROXY'; httpMethod = 'GET'; uri = 'https://pets.example.com/pets/{petId}'
        }
        return $shop
    }

    # A shop whose OPTIONS /pets and POST /orders are MOCK integrations, for the integration response cmdlets.
    function New-ShopWithMocks([string] $Name) {
        $shop = New-MotoShop -Name $Name -Endpoint $Endpoint
        $null = Set-MotoIntegration -RestApiId $shop.RestApiId -ResourceId $shop.PetsId -HttpMethod OPTIONS -Endpoint $Endpoint -Body @{
            type = 'MOCK'; requestTemplates = @{ 'application/json' = '{"statusCode": 200}' }
        }
        $null = Set-MotoIntegration -RestApiId $shop.RestApiId -ResourceId $shop.OrdersId -HttpMethod POST -Endpoint $Endpoint -Body @{ type = 'MOCK' }
        return $shop
    }

    # What `aws apigateway put-integration --generate-cli-skeleton` prints (AWS CLI 2).
    $PutIntegrationSkeleton = @'
{
    "restApiId": "",
    "resourceId": "",
    "httpMethod": "",
    "type": "MOCK",
    "integrationHttpMethod": "",
    "uri": "",
    "connectionType": "INTERNET",
    "connectionId": "",
    "credentials": "",
    "requestParameters": {
        "KeyName": ""
    },
    "requestTemplates": {
        "KeyName": ""
    },
    "passthroughBehavior": "",
    "cacheNamespace": "",
    "cacheKeyParameters": [
        ""
    ],
    "contentHandling": "CONVERT_TO_BINARY",
    "timeoutInMillis": 0,
    "tlsConfig": {
        "insecureSkipVerification": true
    },
    "responseTransferMode": "BUFFERED",
    "integrationTarget": ""
}
'@
}

AfterAll {
    Stop-TestSuite $moto
}

Describe 'Set-RestIntegration' {

    Context 'the parameter sets' {

        It 'has one parameter set per kind of integration' {
            (Get-Command Set-RestIntegration).ParameterSets.Name | Should -Be @(
                'Definition', 'Mock', 'Http', 'HttpProxy', 'LambdaProxy', 'LambdaCustom', 'AwsServiceAction', 'AwsServicePath')
            $syntax = (Get-Command Set-RestIntegration -Syntax) | Out-String
            $syntax | Should -BeLike '*-LambdaProxy -FunctionName <string>*'
            $syntax | Should -BeLike '*-AwsService -IntegrationHttpMethod <string> -Service <string> -Path <string> -Credentials <string>*'
        }

        It '-Mock puts a MOCK integration and writes it with its ids' {
            $shop = New-MotoShop -Name 'set-mock' -Endpoint $Endpoint
            $result = @(Set-RestIntegration -RestApiId $shop.RestApiId -ResourcePath /pets -HttpMethod options -Mock `
                    -RequestTemplates @{ 'application/json' = '{"statusCode": 200}' } -PassthroughBehavior WHEN_NO_TEMPLATES -EndpointUrl $Endpoint)
            $result | Should -HaveCount 1
            $item = $result[0]
            $item.PSObject.TypeNames[0] | Should -Be 'IntegrationTools.Models.RestIntegration'
            $item.RestApiId | Should -BeExactly $shop.RestApiId
            $item.ResourceId | Should -BeExactly $shop.PetsId
            $item.ResourcePath | Should -BeExactly '/pets'
            $item.HttpMethod | Should -BeExactly 'OPTIONS'
            $item.Type | Should -BeExactly 'MOCK'
            $stored = Get-MotoRestIntegration -RestApiId $shop.RestApiId -ResourceId $shop.PetsId -HttpMethod OPTIONS -Endpoint $Endpoint
            $stored.type | Should -BeExactly 'MOCK'
            $stored.requestTemplates.'application/json' | Should -BeExactly '{"statusCode": 200}'
            $stored.passthroughBehavior | Should -BeExactly 'WHEN_NO_TEMPLATES'
        }

        It '-Http puts every option under its wire name' {
            $shop = New-MotoShop -Name 'set-http' -Endpoint $Endpoint
            $run = Invoke-Captured {
                Set-RestIntegration -RestApiId $shop.RestApiId -ResourceId $shop.PetsId -HttpMethod GET -Http `
                    -Uri 'https://search.example.com/find' -IntegrationHttpMethod post `
                    -RequestParameters @{ 'integration.request.querystring.term' = 'method.request.querystring.q'; 'integration.request.header.x-trace' = 'method.request.header.x-trace'; 'integration.request.header.x-source' = "'shop'" } `
                    -RequestTemplates @{ 'application/json' = '{"q": "$input.params(''q'')"}' } -PassthroughBehavior when_no_match `
                    -CacheNamespace shop-search -CacheKeyParameters method.request.querystring.q -ContentHandling CONVERT_TO_TEXT `
                    -TimeoutInMillis 12000 -InsecureSkipVerification -EndpointUrl $Endpoint
            }
            $run.Errors | Should -HaveCount 0
            $run.Warnings | Should -HaveCount 0
            $stored = Get-MotoRestIntegration -RestApiId $shop.RestApiId -ResourceId $shop.PetsId -HttpMethod GET -Endpoint $Endpoint
            $stored.type | Should -BeExactly 'HTTP'
            # The backend method travels as the body member httpMethod.
            $stored.httpMethod | Should -BeExactly 'POST'
            $stored.uri | Should -BeExactly 'https://search.example.com/find'
            $stored.requestParameters.'integration.request.querystring.term' | Should -BeExactly 'method.request.querystring.q'
            $stored.requestParameters.'integration.request.header.x-source' | Should -BeExactly "'shop'"
            $stored.requestTemplates.'application/json' | Should -BeExactly '{"q": "$input.params(''q'')"}'
            $stored.passthroughBehavior | Should -BeExactly 'WHEN_NO_MATCH'
            $stored.cacheNamespace | Should -BeExactly 'shop-search'
            $stored.contentHandling | Should -BeExactly 'CONVERT_TO_TEXT'
            "$($stored.timeoutInMillis)" | Should -Be '12000'
            $stored.tlsConfig.insecureSkipVerification | Should -BeTrue
            $run.Output | Should -HaveCount 1
            $run.Output[0].IntegrationHttpMethod | Should -BeExactly 'POST'
            $run.Output[0].TimeoutInMillis | Should -Be 12000
        }

        It '<Kind> with -ConnectionId puts a private (VPC_LINK) <Type> integration' -ForEach @(
            @{ Kind = 'Http'; Type = 'HTTP' }
            @{ Kind = 'HttpProxy'; Type = 'HTTP_PROXY' }
        ) {
            $shop = New-MotoShop -Name "set-vpc-$Type" -Endpoint $Endpoint
            $listener = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/pets/50dc6c495c0c9188/f2f7dc8efc522ab2'
            $arguments = @{
                RestApiId = $shop.RestApiId; ResourcePath = '/pets'; HttpMethod = 'POST'; $Kind = $true
                Uri = 'https://pets.internal.example.com/pets'; IntegrationHttpMethod = 'POST'; ConnectionId = 'vl1234'
                IntegrationTarget = $listener; EndpointUrl = $Endpoint
            }
            $text = Get-HostText { Set-RestIntegration @arguments -WhatIf }
            $text | Should -Match ([regex]::Escape('"connectionType":"VPC_LINK","connectionId":"vl1234"'))
            $text | Should -Match ([regex]::Escape("`"integrationTarget`":`"$listener`""))

            $result = @(Set-RestIntegration @arguments)
            $result | Should -HaveCount 1
            $result[0].ConnectionType | Should -BeExactly 'VPC_LINK'
            $stored = Get-MotoRestIntegration -RestApiId $shop.RestApiId -ResourceId $shop.PetsId -HttpMethod POST -Endpoint $Endpoint
            $stored.type | Should -BeExactly $Type
            $stored.connectionType | Should -BeExactly 'VPC_LINK'
        }

        It '<Kind> with -IntegrationTarget but no -ConnectionId is refused by IT1024, and nothing is sent' -ForEach @(
            @{ Kind = 'Http' }
            @{ Kind = 'HttpProxy' }
        ) {
            $shop = New-MotoShop -Name "set-novpc-$Kind" -Endpoint $Endpoint
            $run = Invoke-Captured {
                $arguments = @{
                    RestApiId = $shop.RestApiId; ResourcePath = '/pets'; HttpMethod = 'POST'; $Kind = $true
                    Uri = 'https://pets.internal.example.com/pets'; IntegrationHttpMethod = 'POST'; EndpointUrl = $Endpoint
                    IntegrationTarget = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/pets/50dc6c495c0c9188/f2f7dc8efc522ab2'
                }
                Set-RestIntegration @arguments
            }
            $run.Output | Should -HaveCount 0
            $run.Errors | Should -HaveCount 1
            $run.Errors[0].FullyQualifiedErrorId | Should -BeExactly 'SetRestIntegrationInvalidDefinition,IntegrationTools.Commands.SetRestIntegrationCommand'
            $run.Errors[0].Exception.Message | Should -BeLike '*IT1024 IntegrationTarget: IntegrationTarget is given, but the integration does not use a VPC link.*'
            $run.Errors[0].ErrorDetails.RecommendedAction | Should -BeLike '*ConnectionId*'
            Get-MotoRestIntegration -RestApiId $shop.RestApiId -ResourceId $shop.PetsId -HttpMethod POST -Endpoint $Endpoint | Should -BeNullOrEmpty
        }

        It '-HttpProxy above the standard timeout warns naming the quota, and still sends' {
            $shop = New-MotoShop -Name 'set-proxy' -Endpoint $Endpoint
            $run = Invoke-Captured {
                Set-RestIntegration -RestApiId $shop.RestApiId -ResourcePath '/pets/{petId}' -HttpMethod GET -HttpProxy `
                    -Uri 'https://pets.example.com/pets/{petId}' -IntegrationHttpMethod GET -TimeoutInMillis 120000 -ResponseTransferMode STREAM `
                    -RequestParameters @{ 'integration.request.path.petId' = 'method.request.path.petId' } -EndpointUrl $Endpoint
            }
            $run.Errors | Should -HaveCount 0
            $run.Warnings | Should -HaveCount 1
            $run.Warnings[0] | Should -BeLike 'IT1016*'
            $run.Warnings[0] | Should -BeLike '*Maximum integration timeout*'
            $run.Warnings[0] | Should -BeLike '*Regional and private*'
            $stored = Get-MotoRestIntegration -RestApiId $shop.RestApiId -ResourceId $shop.PetId -HttpMethod GET -Endpoint $Endpoint
            $stored.type | Should -BeExactly 'HTTP_PROXY'
            "$($stored.timeoutInMillis)" | Should -Be '120000'
        }

        It '-LambdaProxy builds the invocation URI and uses POST' {
            $shop = New-MotoShop -Name 'set-lambda-proxy' -Endpoint $Endpoint
            $null = Set-RestIntegration -RestApiId $shop.RestApiId -ResourcePath /pets -HttpMethod GET -LambdaProxy -FunctionName $FunctionArn -EndpointUrl $Endpoint
            $stored = Get-MotoRestIntegration -RestApiId $shop.RestApiId -ResourceId $shop.PetsId -HttpMethod GET -Endpoint $Endpoint
            $stored.type | Should -BeExactly 'AWS_PROXY'
            $stored.httpMethod | Should -BeExactly 'POST'
            $stored.uri | Should -BeExactly "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/$FunctionArn/invocations"
        }

        It '-Lambda by function name with a role: the caller''s account completes the ARN, the role is the credentials' {
            $shop = New-MotoShop -Name 'set-lambda' -Endpoint $Endpoint
            $null = Set-RestIntegration -RestApiId $shop.RestApiId -ResourcePath /orders -HttpMethod POST -Lambda -FunctionName place-order `
                -Credentials arn:aws:iam::123456789012:role/apigw-invoke -RequestTemplates @{ 'application/json' = '$input.json(''$'')' } -EndpointUrl $Endpoint
            $stored = Get-MotoRestIntegration -RestApiId $shop.RestApiId -ResourceId $shop.OrdersId -HttpMethod POST -Endpoint $Endpoint
            $stored.type | Should -BeExactly 'AWS'
            $stored.uri | Should -BeExactly 'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:place-order/invocations'
            $stored.credentials | Should -BeExactly 'arn:aws:iam::123456789012:role/apigw-invoke'
        }

        It '-AwsService <Target> builds <Uri>' -ForEach @(
            @{ Target = '-Action SendMessage'; Arguments = @{ Action = 'SendMessage' }; Uri = 'arn:aws:apigateway:us-east-1:sqs:action/SendMessage' }
            @{ Target = '-Path /123456789012/orders'; Arguments = @{ Path = '/123456789012/orders' }; Uri = 'arn:aws:apigateway:us-east-1:sqs:path/123456789012/orders' }
        ) {
            $shop = New-MotoShop -Name 'set-aws' -Endpoint $Endpoint
            $null = Set-RestIntegration -RestApiId $shop.RestApiId -ResourcePath /orders -HttpMethod POST -AwsService -Service sqs @Arguments `
                -IntegrationHttpMethod POST -Credentials arn:aws:iam::123456789012:role/apigw-sqs `
                -RequestParameters @{ 'integration.request.header.Content-Type' = "'application/x-www-form-urlencoded'" } -EndpointUrl $Endpoint
            $stored = Get-MotoRestIntegration -RestApiId $shop.RestApiId -ResourceId $shop.OrdersId -HttpMethod POST -Endpoint $Endpoint
            $stored.type | Should -BeExactly 'AWS'
            $stored.uri | Should -BeExactly $Uri
            $stored.credentials | Should -BeExactly 'arn:aws:iam::123456789012:role/apigw-sqs'
        }

        It '-AwsService with the caller''s credentials sends the pass-through form (shown with -WhatIf: moto refuses foreign roles)' {
            $shop = New-MotoShop -Name 'set-aws-caller' -Endpoint $Endpoint
            $text = Get-HostText {
                Set-RestIntegration -RestApiId $shop.RestApiId -ResourcePath /orders -HttpMethod POST -AwsService -Service s3 -Path '{bucket}/{key}' `
                    -IntegrationHttpMethod GET -Credentials 'arn:aws:iam::*:user/*' -EndpointUrl $Endpoint -WhatIf
            }
            $text | Should -Match ([regex]::Escape('"credentials":"arn:aws:iam::*:user/*"'))
            $text | Should -Match ([regex]::Escape('"uri":"arn:aws:apigateway:us-east-1:s3:path/{bucket}/{key}"'))
            Get-MotoRestIntegration -RestApiId $shop.RestApiId -ResourceId $shop.OrdersId -HttpMethod POST -Endpoint $Endpoint | Should -BeNullOrEmpty
        }

        It 'reports a role of another account, refused by the service, as PermissionDenied' {
            $shop = New-MotoShop -Name 'set-cross-account' -Endpoint $Endpoint
            $run = Invoke-Captured {
                Set-RestIntegration -RestApiId $shop.RestApiId -ResourcePath /orders -HttpMethod POST -AwsService -Service sqs -Action SendMessage `
                    -IntegrationHttpMethod POST -Credentials arn:aws:iam::210987654321:role/other -EndpointUrl $Endpoint
            }
            $run.Errors | Should -HaveCount 1
            $run.Errors[0].FullyQualifiedErrorId | Should -BeExactly "SetRestIntegrationAccessDenied$SetSuffix"
            $run.Errors[0].CategoryInfo.Category | Should -Be 'PermissionDenied'
            $run.Errors[0].TargetObject | Should -BeExactly "restapi/$($shop.RestApiId) /orders POST"
        }
    }

    Context 'definitions from the pipeline' {

        It 'takes a hashtable with keys in any case' {
            $shop = New-MotoShop -Name 'set-hashtable' -Endpoint $Endpoint
            $null = @{ restapiid = $shop.RestApiId; RESOURCEPATH = '/pets'; HttpMethod = 'post'; Type = 'http_proxy'; IntegrationHttpMethod = 'POST'
                Uri = 'https://pets.example.com/pets'; TimeoutInMillis = '5000'; InsecureSkipVerification = $true
            } | Set-RestIntegration -EndpointUrl $Endpoint
            $stored = Get-MotoRestIntegration -RestApiId $shop.RestApiId -ResourceId $shop.PetsId -HttpMethod POST -Endpoint $Endpoint
            $stored.type | Should -BeExactly 'HTTP_PROXY'
            "$($stored.timeoutInMillis)" | Should -Be '5000'
            $stored.tlsConfig.insecureSkipVerification | Should -BeTrue
        }

        It 'takes the AWS CLI put-integration skeleton as ConvertFrom-Json makes it (blank members left out)' {
            $shop = New-MotoShop -Name 'set-skeleton' -Endpoint $Endpoint
            $s = $PutIntegrationSkeleton | ConvertFrom-Json
            $s | Should -BeOfType ([System.Management.Automation.PSCustomObject])
            $s.restApiId = $shop.RestApiId; $s.resourceId = $shop.PetsId; $s.httpMethod = 'GET'
            $s.type = 'HTTP'; $s.integrationHttpMethod = 'GET'; $s.uri = 'https://search.example.com/find'; $s.connectionType = 'INTERNET'
            $s.requestParameters = [pscustomobject]@{ 'integration.request.querystring.term' = 'method.request.querystring.q' }
            $s.requestTemplates = [pscustomobject]@{ 'application/json' = '{}' }
            $s.passthroughBehavior = 'WHEN_NO_TEMPLATES'; $s.cacheNamespace = 'search'; $s.cacheKeyParameters = @('method.request.querystring.q')
            $s.contentHandling = 'CONVERT_TO_TEXT'; $s.timeoutInMillis = 12000; $s.responseTransferMode = 'BUFFERED'
            # connectionId, credentials and integrationTarget stay "" as the skeleton has them: not given.
            $result = @($s | Set-RestIntegration -EndpointUrl $Endpoint)
            $result | Should -HaveCount 1
            $stored = Get-MotoRestIntegration -RestApiId $shop.RestApiId -ResourceId $shop.PetsId -HttpMethod GET -Endpoint $Endpoint
            $stored.type | Should -BeExactly 'HTTP'
            $stored.httpMethod | Should -BeExactly 'GET'
            $stored.requestParameters.'integration.request.querystring.term' | Should -BeExactly 'method.request.querystring.q'
            $stored.passthroughBehavior | Should -BeExactly 'WHEN_NO_TEMPLATES'
            "$($stored.timeoutInMillis)" | Should -Be '12000'
            $stored.tlsConfig.insecureSkipVerification | Should -BeTrue   # the skeleton's true, kept
            $stored.credentials | Should -BeNullOrEmpty
        }

        It 'takes a nested hashtable mirroring the skeleton, with camelCase keys' {
            $shop = New-MotoShop -Name 'set-nested' -Endpoint $Endpoint
            $result = @(@{ restApiId = $shop.RestApiId; resourceId = $shop.PetId; httpMethod = 'DELETE'; type = 'HTTP'
                    integrationHttpMethod = 'DELETE'; uri = 'https://pets.example.com/pets/{petId}'; connectionType = 'INTERNET'; connectionId = ''
                    credentials = ''; requestParameters = @{ 'integration.request.path.petId' = 'method.request.path.petId' }; requestTemplates = @{}
                    passthroughBehavior = 'WHEN_NO_MATCH'; cacheNamespace = ''; cacheKeyParameters = @(); contentHandling = 'CONVERT_TO_TEXT'
                    timeoutInMillis = 8000; tlsConfig = @{ insecureSkipVerification = $false }; integrationTarget = ''
                } | Set-RestIntegration -EndpointUrl $Endpoint)
            $result | Should -HaveCount 1
            $result[0].ResourcePath | Should -BeExactly '/pets/{petId}'
            $stored = Get-MotoRestIntegration -RestApiId $shop.RestApiId -ResourceId $shop.PetId -HttpMethod DELETE -Endpoint $Endpoint
            $stored.type | Should -BeExactly 'HTTP'
            $stored.requestParameters.'integration.request.path.petId' | Should -BeExactly 'method.request.path.petId'
            $stored.tlsConfig.insecureSkipVerification | Should -BeFalse
        }

        It 'takes Get-RestIntegration output, and copies the integrations to another API by path' {
            $from = New-MotoShop -Name 'set-copy-from' -Endpoint $Endpoint
            $to = New-MotoShop -Name 'set-copy-to' -Endpoint $Endpoint
            $null = Set-MotoIntegration -RestApiId $from.RestApiId -ResourceId $from.PetsId -HttpMethod POST -Endpoint $Endpoint -Body @{
                type = 'HTTP_PROXY'; httpMethod = 'POST'; uri = 'https://pets.example.com/pets'; timeoutInMillis = 7000
            }
            $null = Set-MotoIntegration -RestApiId $from.RestApiId -ResourceId $from.PetsId -HttpMethod OPTIONS -Endpoint $Endpoint -Body @{
                type = 'MOCK'; requestTemplates = @{ 'application/json' = '{"statusCode": 200}' }
            }
            $result = @(Get-RestIntegration -RestApiId $from.RestApiId -EndpointUrl $Endpoint | Set-RestIntegration -RestApiId $to.RestApiId -EndpointUrl $Endpoint)
            $result | Should -HaveCount 2
            $result | ForEach-Object {
                $_.RestApiId | Should -BeExactly $to.RestApiId
                $_.ResourceId | Should -BeExactly $to.PetsId
            }
            "$((Get-MotoRestIntegration -RestApiId $to.RestApiId -ResourceId $to.PetsId -HttpMethod POST -Endpoint $Endpoint).timeoutInMillis)" | Should -Be '7000'
            (Get-MotoRestIntegration -RestApiId $to.RestApiId -ResourceId $to.PetsId -HttpMethod OPTIONS -Endpoint $Endpoint).type | Should -BeExactly 'MOCK'
        }

        It 'takes Get-RestIntegration output into a kind''s parameter set by property name' {
            $shop = New-MotoShop -Name 'set-retarget' -Endpoint $Endpoint
            $null = Set-MotoIntegration -RestApiId $shop.RestApiId -ResourceId $shop.PetsId -HttpMethod POST -Endpoint $Endpoint -Body @{ type = 'MOCK' }
            $null = Get-RestIntegration $shop.RestApiId -EndpointUrl $Endpoint |
                Set-RestIntegration -HttpProxy -Uri https://new.example.com/pets -IntegrationHttpMethod POST -EndpointUrl $Endpoint
            (Get-MotoRestIntegration -RestApiId $shop.RestApiId -ResourceId $shop.PetsId -HttpMethod POST -Endpoint $Endpoint).type | Should -BeExactly 'HTTP_PROXY'
        }

        It 'reports the bad items of a batch and applies the others' {
            $shop = New-MotoShop -Name 'set-batch' -Endpoint $Endpoint
            $run = Invoke-Captured {
                @(
                    @{ RestApiId = $shop.RestApiId; ResourcePath = '/pets'; HttpMethod = 'POST'; Type = 'MOCK' }
                    @{ RestApiId = $shop.RestApiId; ResourcePath = '/pets'; HttpMethod = 'GET'; Type = 'HTTP'; Uri = 'https://x.example.com' }
                    'not a definition'
                    @{ RestApiId = $shop.RestApiId; ResourcePath = '/orders'; HttpMethod = 'POST'; Type = 'MOCK' }
                ) | Set-RestIntegration -EndpointUrl $Endpoint
            }
            $run.Output.ResourcePath | Should -Be @('/pets', '/orders')
            $run.Errors | Should -HaveCount 2
            $run.Errors | ForEach-Object { $_.FullyQualifiedErrorId | Should -BeExactly "SetRestIntegrationInvalidDefinition$SetSuffix" }
            $run.Errors[0].Exception.Message | Should -BeLike '*IT1004*'
            $run.Errors[1].Exception.Message | Should -BeLike '*IT0001*'
            Get-MotoRestIntegration -RestApiId $shop.RestApiId -ResourceId $shop.PetsId -HttpMethod GET -Endpoint $Endpoint | Should -BeNullOrEmpty
            Get-MotoRestIntegration -RestApiId $shop.RestApiId -ResourceId $shop.OrdersId -HttpMethod POST -Endpoint $Endpoint | Should -Not -BeNullOrEmpty
        }
    }

    Context 'targets' {

        It 'lets ResourceId win over ResourcePath' {
            $shop = New-MotoShop -Name 'set-id-wins' -Endpoint $Endpoint
            $result = @(@{ RestApiId = $shop.RestApiId; ResourceId = $shop.PetsId; ResourcePath = '/no/such/path'; HttpMethod = 'POST'; Type = 'MOCK' } |
                    Set-RestIntegration -EndpointUrl $Endpoint)
            $result | Should -HaveCount 1
            $result[0].ResourcePath | Should -BeExactly '/pets'
        }

        It 'reports a wrong path as ObjectNotFound, naming the closest paths' {
            $shop = New-MotoShop -Name 'set-typo' -Endpoint $Endpoint
            $run = Invoke-Captured { Set-RestIntegration -RestApiId $shop.RestApiId -ResourcePath '/pet/{petId}' -HttpMethod GET -Mock -EndpointUrl $Endpoint }
            $run.Errors | Should -HaveCount 1
            $run.Errors[0].FullyQualifiedErrorId | Should -BeExactly "SetRestIntegrationNotFound$SetSuffix"
            $run.Errors[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
            $run.Errors[0].Exception.Message | Should -BeLike "*Closest existing paths: '/pets/{petId}'*"
            $run.Errors[0].ErrorDetails.RecommendedAction | Should -BeLike '*Get-RestIntegration*'
        }

        It 'reports a method the resource does not have as ObjectNotFound, naming its methods' {
            $shop = New-MotoShop -Name 'set-no-method' -Endpoint $Endpoint
            $run = Invoke-Captured { Set-RestIntegration -RestApiId $shop.RestApiId -ResourcePath /orders -HttpMethod PUT -Mock -EndpointUrl $Endpoint }
            $run.Errors | Should -HaveCount 1
            $run.Errors[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
            $run.Errors[0].Exception.Message | Should -BeLike '*has no PUT method (it has POST)*'
        }
    }

    Context '-WhatIf' {

        It 'sends nothing and shows the exact request' {
            $shop = New-MotoShop -Name 'set-whatif' -Endpoint $Endpoint
            $text = Get-HostText {
                Set-RestIntegration -RestApiId $shop.RestApiId -ResourcePath /pets -HttpMethod POST -HttpProxy -Uri https://pets.example.com/pets `
                    -IntegrationHttpMethod PUT -TimeoutInMillis 5000 -EndpointUrl $Endpoint -WhatIf
            }
            $expected = "What if: Performing the operation `"PUT /restapis/$($shop.RestApiId)/resources/$($shop.PetsId)/methods/POST/integration " +
                '{"type":"HTTP_PROXY","httpMethod":"PUT","uri":"https://pets.example.com/pets","timeoutInMillis":5000}" ' +
                "on target `"restapi/$($shop.RestApiId) /pets POST`"."
            $text | Should -Match ([regex]::Escape($expected))
            Get-MotoRestIntegration -RestApiId $shop.RestApiId -ResourceId $shop.PetsId -HttpMethod POST -Endpoint $Endpoint | Should -BeNullOrEmpty
        }
    }

    Context 'what the AWS CLI reads back' {

        It 'is what was given, member by member, and what the cmdlet wrote out' -Skip:(-not $HasAwsCli) {
            $shop = New-MotoShop -Name 'interop-v1-set' -Endpoint $Endpoint
            $result = @(Set-RestIntegration -RestApiId $shop.RestApiId -ResourcePath /pets -HttpMethod GET -Http -Uri 'https://search.example.com/find' `
                    -IntegrationHttpMethod POST -RequestParameters @{ 'integration.request.querystring.term' = 'method.request.querystring.q'; 'integration.request.header.x-source' = "'shop'" } `
                    -RequestTemplates @{ 'application/json' = '{"q": "$input.params(''q'')"}' } -PassthroughBehavior WHEN_NO_TEMPLATES `
                    -CacheNamespace search-cache -ContentHandling CONVERT_TO_TEXT -TimeoutInMillis 12000 -InsecureSkipVerification -EndpointUrl $Endpoint)
            $result | Should -HaveCount 1
            $cli = Invoke-AwsCli apigateway get-integration --rest-api-id $shop.RestApiId --resource-id $shop.PetsId --http-method GET

            $cli.type | Should -BeExactly 'HTTP'
            $cli.httpMethod | Should -BeExactly 'POST'
            $cli.uri | Should -BeExactly 'https://search.example.com/find'
            $cli.passthroughBehavior | Should -BeExactly 'WHEN_NO_TEMPLATES'
            $cli.cacheNamespace | Should -BeExactly 'search-cache'
            $cli.contentHandling | Should -BeExactly 'CONVERT_TO_TEXT'
            $cli.timeoutInMillis | Should -Be 12000
            $cli.tlsConfig.insecureSkipVerification | Should -BeTrue
            $cli.requestParameters.'integration.request.querystring.term' | Should -BeExactly 'method.request.querystring.q'
            $cli.requestParameters.'integration.request.header.x-source' | Should -BeExactly "'shop'"
            $cli.requestTemplates.'application/json' | Should -BeExactly '{"q": "$input.params(''q'')"}'
            Get-AwsCliMismatch -Cli $cli -Object $result[0] -Member ([ordered]@{
                    type = 'Type'; httpMethod = 'IntegrationHttpMethod'; uri = 'Uri'; passthroughBehavior = 'PassthroughBehavior'
                    cacheNamespace = 'CacheNamespace'; contentHandling = 'ContentHandling'; timeoutInMillis = 'TimeoutInMillis'
                    connectionType = 'ConnectionType'; credentials = 'Credentials'
                }) -Map ([ordered]@{ requestParameters = 'RequestParameters'; requestTemplates = 'RequestTemplates' }) | Should -BeNullOrEmpty
            $result[0].InsecureSkipVerification | Should -Be $cli.tlsConfig.insecureSkipVerification
        }
    }

    Context 'pre-flight: what the service would refuse is refused before any request' {

        It 'refuses <Rule> (<Expected>) and sends nothing, not even a read' -ForEach @(
            @{ Rule = 'IT1004'; Expected = 'IntegrationHttpMethod'; Fields = @{ Type = 'HTTP'; Uri = 'https://x.example.com' } }
            @{ Rule = 'IT0002'; Expected = "Did you mean 'Uri'?"; Fields = @{ Type = 'HTTP_PROXY'; IntegrationHttpMethod = 'GET'; Uir = 'https://x.example.com' } }
            @{ Rule = 'IT1008'; Expected = 'not an absolute http or https URL'; Fields = @{ Type = 'HTTP_PROXY'; IntegrationHttpMethod = 'GET'; Uri = 'x.example.com/pets' } }
            @{ Rule = 'IT1009'; Expected = 'is a Lambda function ARN'; Fields = @{ Type = 'AWS'; IntegrationHttpMethod = 'POST'; Uri = 'arn:aws:lambda:us-east-1:123456789012:function:f' } }
            @{ Rule = 'IT1010'; Expected = 'not a full Lambda function ARN'; Fields = @{ Type = 'AWS_PROXY'; IntegrationHttpMethod = 'POST'; Uri = 'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:function:f/invocations' } }
            @{ Rule = 'IT1005'; Expected = 'POST'; Fields = @{ Type = 'AWS_PROXY'; IntegrationHttpMethod = 'GET'; Uri = 'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:f/invocations' } }
            @{ Rule = 'IT1006'; Expected = 'MOCK'; Fields = @{ Type = 'MOCK'; IntegrationHttpMethod = 'GET' } }
            @{ Rule = 'IT1003'; Expected = 'AWS_PROXY'; Fields = @{ Type = 'LAMBDA' } }
            @{ Rule = 'IT1012'; Expected = 'ConnectionId'; Fields = @{ Type = 'HTTP_PROXY'; IntegrationHttpMethod = 'GET'; Uri = 'https://x.example.com'; ConnectionType = 'VPC_LINK' } }
            @{ Rule = 'IT1016'; Expected = 'under the minimum of 50'; Fields = @{ Type = 'HTTP_PROXY'; IntegrationHttpMethod = 'GET'; Uri = 'https://x.example.com'; TimeoutInMillis = 10 } }
            @{ Rule = 'IT1016'; Expected = 'above the maximum of 300,000'; Fields = @{ Type = 'HTTP_PROXY'; IntegrationHttpMethod = 'GET'; Uri = 'https://x.example.com'; TimeoutInMillis = 400000 } }
            @{ Rule = 'IT1018'; Expected = 'not a mapping expression'; Fields = @{ Type = 'MOCK'; RequestParameters = @{ 'integration.request.header.Accept' = 'application/json' } } }
            @{ Rule = 'IT1017'; Expected = 'integration.request'; Fields = @{ Type = 'MOCK'; RequestParameters = @{ 'x-id' = "'1'" } } }
            @{ Rule = 'IT0003'; Expected = 'must be text'; Fields = @{ Type = 'MOCK'; RequestTemplates = @{ 'application/json' = @{ statusCode = 200 } } } }
            @{ Rule = 'IT1021'; Expected = 'role'; Fields = @{ Type = 'AWS'; IntegrationHttpMethod = 'POST'; Uri = 'arn:aws:apigateway:us-east-1:sqs:action/SendMessage'; Credentials = 'apigw-role' } }
            @{ Rule = 'IT1015'; Expected = 'proxy'; Fields = @{ Type = 'MOCK'; ResponseTransferMode = 'STREAM' } }
            @{ Rule = 'IT1020'; Expected = 'InsecureSkipVerification'; Fields = @{ Type = 'AWS_PROXY'; IntegrationHttpMethod = 'POST'; Uri = 'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:f/invocations'; InsecureSkipVerification = $true } }
            @{ Rule = 'IT1022'; Expected = 'method request parameter'; Fields = @{ Type = 'HTTP_PROXY'; IntegrationHttpMethod = 'GET'; Uri = 'https://x.example.com'; CacheKeyParameters = @('querystring.q') } }
            @{ Rule = 'IT1024'; Expected = 'VPC link'; Fields = @{ Type = 'HTTP_PROXY'; IntegrationHttpMethod = 'GET'; Uri = 'https://x.example.com'; IntegrationTarget = 'listener' } }
            @{ Rule = 'IT1013'; Expected = 'ALWAYS'; Fields = @{ Type = 'MOCK'; PassthroughBehavior = 'ALWAYS' } }
            @{ Rule = 'IT1014'; Expected = 'CONVERT'; Fields = @{ Type = 'MOCK'; ContentHandling = 'CONVERT' } }
            @{ Rule = 'IT1011'; Expected = 'LAN'; Fields = @{ Type = 'HTTP_PROXY'; IntegrationHttpMethod = 'GET'; Uri = 'https://x.example.com'; ConnectionType = 'LAN' } }
        ) {
            $shop = New-MotoShop -Name "set-preflight-$Rule" -Endpoint $Endpoint
            $definition = @{ RestApiId = $shop.RestApiId; ResourcePath = '/pets'; HttpMethod = 'POST' } + $Fields
            $run = Invoke-Captured { $definition | Set-RestIntegration -EndpointUrl $Endpoint -Verbose }
            $run.Output | Should -HaveCount 0
            $run.Errors | Should -HaveCount 1
            $failure = $run.Errors[0]
            $failure.FullyQualifiedErrorId | Should -BeExactly "SetRestIntegrationInvalidDefinition$SetSuffix"
            $failure.CategoryInfo.Category | Should -Be 'InvalidArgument'
            $failure.Exception | Should -BeOfType ([System.Management.Automation.PSArgumentException])
            $failure.TargetObject | Should -BeExactly "restapi/$($shop.RestApiId) /pets POST"
            $failure.Exception.Message | Should -BeLike "*$Rule*"
            "$($failure.Exception.Message) $($failure.ErrorDetails.RecommendedAction)".Contains($Expected) | Should -BeTrue -Because "the message or the fix should mention '$Expected'"
            $failure.ErrorDetails.RecommendedAction | Should -Not -BeNullOrEmpty
            # Nothing was sent at all: not even a read.
            $run.Verbose | Should -HaveCount 0
            Get-MotoRestIntegration -RestApiId $shop.RestApiId -ResourceId $shop.PetsId -HttpMethod POST -Endpoint $Endpoint | Should -BeNullOrEmpty
        }

        It 'refuses a mapping from a parameter the method does not declare, after reading the method (IT1023)' {
            $shop = New-MotoShop -Name 'set-undeclared' -Endpoint $Endpoint
            $run = Invoke-Captured {
                Set-RestIntegration -RestApiId $shop.RestApiId -ResourcePath /pets -HttpMethod GET -HttpProxy -Uri https://x.example.com -IntegrationHttpMethod GET `
                    -RequestParameters @{ 'integration.request.querystring.term' = 'method.request.querystring.term' } -EndpointUrl $Endpoint
            }
            $run.Errors | Should -HaveCount 1
            $run.Errors[0].FullyQualifiedErrorId | Should -BeExactly "SetRestIntegrationInvalidDefinition$SetSuffix"
            $run.Errors[0].Exception.Message | Should -BeLike '*IT1023*'
            $run.Errors[0].Exception.Message | Should -BeLike '*method.request.header.x-trace, method.request.querystring.q*'
            Get-MotoRestIntegration -RestApiId $shop.RestApiId -ResourceId $shop.PetsId -HttpMethod GET -Endpoint $Endpoint | Should -BeNullOrEmpty
        }
    }

    Context 'idempotent applies (Outcome)' {
        BeforeAll {
            function New-OrdersDefinition($Shop, [string] $Uri, $TimeoutInMillis, [string] $Path = '/orders', [string] $Method = 'POST') {
                $definition = @{ RestApiId = $Shop.RestApiId; ResourcePath = $Path; HttpMethod = $Method; Type = 'HTTP_PROXY'; IntegrationHttpMethod = 'POST'; Uri = $Uri }
                if ($null -ne $TimeoutInMillis) { $definition['TimeoutInMillis'] = $TimeoutInMillis }
                return $definition
            }
        }

        It 'says Created, then Unchanged without a request, then Updated; Get- output carries no outcome and pipes back as Unchanged' {
            $shop = New-MotoShop -Name 'apply-rest' -Endpoint $Endpoint

            $created = Invoke-Captured { New-OrdersDefinition $shop 'https://orders.example.com/v1' | Set-RestIntegration -EndpointUrl $Endpoint -Verbose }
            $created.Errors | Should -HaveCount 0
            $created.Output | Should -HaveCount 1
            "$($created.Output[0].Outcome)" | Should -Be 'Created'
            @($created.Verbose | Where-Object { $_.StartsWith('PUT ') }) | Should -Not -BeNullOrEmpty

            # The same definition again (moto leaves out the defaults AWS returns): nothing is sent.
            $again = Invoke-Captured { New-OrdersDefinition $shop 'https://orders.example.com/v1' 29000 | Set-RestIntegration -EndpointUrl $Endpoint -Verbose }
            $again.Errors | Should -HaveCount 0
            $again.Output | Should -HaveCount 1
            "$($again.Output[0].Outcome)" | Should -Be 'Unchanged'
            $again.Output[0].Uri | Should -BeExactly 'https://orders.example.com/v1'
            @($again.Verbose | Where-Object { $_.StartsWith('PUT ') }) | Should -HaveCount 0
            @($again.Verbose | Where-Object { $_.Contains('the integration already is as defined (Unchanged): nothing to send.') }) | Should -Not -BeNullOrEmpty

            $changed = Invoke-Captured { New-OrdersDefinition $shop 'https://orders.example.com/v2' | Set-RestIntegration -EndpointUrl $Endpoint -Verbose }
            $changed.Errors | Should -HaveCount 0
            "$($changed.Output[0].Outcome)" | Should -Be 'Updated'
            @($changed.Verbose | Where-Object { $_.EndsWith('Updated (it differed in Uri).') }) | Should -Not -BeNullOrEmpty
            (Get-MotoRestIntegration -RestApiId $shop.RestApiId -ResourceId $shop.OrdersId -HttpMethod POST -Endpoint $Endpoint).uri | Should -BeExactly 'https://orders.example.com/v2'

            $got = @(Get-RestIntegration $shop.RestApiId -ResourcePath /orders -HttpMethod POST -EndpointUrl $Endpoint)
            $got | Should -HaveCount 1
            $got[0].Outcome | Should -BeNullOrEmpty
            $roundTrip = @(Get-RestIntegration $shop.RestApiId -ResourcePath /orders -HttpMethod POST -EndpointUrl $Endpoint | Set-RestIntegration -EndpointUrl $Endpoint)
            "$($roundTrip[0].Outcome)" | Should -Be 'Unchanged'
        }

        It 'says with -WhatIf that an unchanged item has nothing to send, and shows the request of one that differs' {
            $shop = New-MotoShop -Name 'apply-rest-whatif' -Endpoint $Endpoint
            $null = Set-MotoIntegration -RestApiId $shop.RestApiId -ResourceId $shop.OrdersId -HttpMethod POST -Endpoint $Endpoint -Body @{
                type = 'HTTP_PROXY'; httpMethod = 'POST'; uri = 'https://orders.example.com/v1'
            }
            $output = New-Object System.Collections.Generic.List[object]
            $text = Get-HostText {
                (New-OrdersDefinition $shop 'https://orders.example.com/v1'), (New-OrdersDefinition $shop 'https://orders.example.com/v3' -Path '/pets' -Method 'OPTIONS') |
                    Set-RestIntegration -EndpointUrl $Endpoint -WhatIf | ForEach-Object { $output.Add($_) }
            }
            $output | Should -HaveCount 0
            $text | Should -Match ([regex]::Escape("What if: restapi/$($shop.RestApiId) /orders POST: the integration already is as defined (Unchanged): nothing to send."))
            $text | Should -Not -Match ([regex]::Escape("PUT /restapis/$($shop.RestApiId)/resources/$($shop.OrdersId)/methods/POST/integration"))
            $text | Should -Match ([regex]::Escape("What if: Performing the operation `"PUT /restapis/$($shop.RestApiId)/resources/$($shop.PetsId)/methods/OPTIONS/integration"))
            Get-MotoRestIntegration -RestApiId $shop.RestApiId -ResourceId $shop.PetsId -HttpMethod OPTIONS -Endpoint $Endpoint | Should -BeNullOrEmpty
        }
    }
}

Describe 'Update-RestIntegration' {

    It 'shows with -WhatIf only what was named, as patch operations with escaped keys' {
        $shop = New-ShopWithIntegrations 'update-whatif'
        $text = Get-HostText {
            Update-RestIntegration $shop.RestApiId -ResourcePath /pets -HttpMethod GET -TimeoutInMillis 5000 -RequestParameters @{
                'integration.request.header.x-trace' = 'method.request.header.x-trace'; 'integration.request.header.x-old' = $null
            } -RequestTemplates @{ 'application/json' = '{"q": 1}'; 'text/plain' = 'q' } -EndpointUrl $Endpoint -WhatIf
        }
        $expected = "What if: Performing the operation `"PATCH /restapis/$($shop.RestApiId)/resources/$($shop.PetsId)/methods/GET/integration " +
            '{"patchOperations":[{"op":"replace","path":"/timeoutInMillis","value":"5000"},' +
            '{"op":"remove","path":"/requestParameters/integration.request.header.x-old"},' +
            '{"op":"add","path":"/requestParameters/integration.request.header.x-trace","value":"method.request.header.x-trace"},' +
            '{"op":"replace","path":"/requestTemplates/application~1json","value":"{\"q\": 1}"},' +
            '{"op":"add","path":"/requestTemplates/text~1plain","value":"q"}]}" ' +
            "on target `"restapi/$($shop.RestApiId) /pets GET`"."
        $text | Should -Match ([regex]::Escape($expected))
        # The current integration has a timeout of 10 ms, which the update replaces: no complaint about it.
        $text | Should -Not -Match 'IT1016'
    }

    It 'makes one request per integration piped from Get-RestIntegration' {
        $shop = New-ShopWithIntegrations 'update-pipe'
        $text = Get-HostText { Get-RestIntegration $shop.RestApiId -EndpointUrl $Endpoint | Update-RestIntegration -CacheNamespace shared -EndpointUrl $Endpoint -WhatIf }
        $lines = @($text -split '\r?\n' | Where-Object { $_.StartsWith('What if:') })
        $lines | Should -HaveCount 3
        $lines | ForEach-Object { $_ | Should -Match ([regex]::Escape('{"patchOperations":[{"op":"replace","path":"/cacheNamespace","value":"shared"}]}')) }
        @($lines | Where-Object { $_.Contains("restapi/$($shop.RestApiId) /pets/{petId} GET") }) | Should -HaveCount 1
    }

    It 'sends raw -PatchOperation after the named changes' {
        $shop = New-ShopWithIntegrations 'update-raw'
        $text = Get-HostText {
            Update-RestIntegration $shop.RestApiId -ResourceId $shop.PetId -HttpMethod GET -Uri 'https://new.example.com/pets/{petId}' `
                -PatchOperation @{ Op = 'Add'; Path = '/requestParameters/integration.request.path.petId'; Value = 'method.request.path.petId' } -EndpointUrl $Endpoint -WhatIf
        }
        $text | Should -Match ([regex]::Escape('[{"op":"replace","path":"/uri","value":"https://new.example.com/pets/{petId}"},{"op":"add","path":"/requestParameters/integration.request.path.petId","value":"method.request.path.petId"}]'))
    }

    It 'refuses <Change> with <ErrorId> (<Expected>) and sends nothing' -ForEach @(
        @{ Change = '-TimeoutInMillis 20'; Arguments = @{ TimeoutInMillis = 20 }; ErrorId = 'UpdateRestIntegrationInvalidDefinition'; Expected = 'IT1016' }
        @{ Change = "-Uri 'not a url'"; Arguments = @{ Uri = 'not a url' }; ErrorId = 'UpdateRestIntegrationInvalidDefinition'; Expected = 'IT1008' }
        @{ Change = 'an undeclared method parameter'; Arguments = @{ RequestParameters = @{ 'integration.request.header.x' = 'method.request.header.undeclared' } }; ErrorId = 'UpdateRestIntegrationInvalidDefinition'; Expected = 'IT1023' }
        @{ Change = 'an unknown patch op'; Arguments = @{ PatchOperation = @{ op = 'set'; path = '/uri'; value = 'x' } }; ErrorId = 'UpdateRestIntegrationInvalidTarget'; Expected = 'IT1301' }
        @{ Change = 'no change'; Arguments = @{}; ErrorId = 'UpdateRestIntegrationNothingToChange'; Expected = 'nothing to change' }
    ) {
        $shop = New-ShopWithIntegrations 'update-refused'
        $run = Invoke-Captured { Update-RestIntegration $shop.RestApiId -ResourcePath /pets -HttpMethod GET @Arguments -EndpointUrl $Endpoint }
        $run.Errors | Should -HaveCount 1
        $run.Errors[0].FullyQualifiedErrorId | Should -BeExactly "$ErrorId$UpdateSuffix"
        $run.Errors[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $run.Errors[0].Exception.Message | Should -BeLike "*$Expected*"
        "$((Get-MotoRestIntegration -RestApiId $shop.RestApiId -ResourceId $shop.PetsId -HttpMethod GET -Endpoint $Endpoint).timeoutInMillis)" | Should -Be '10'
    }

    It 'warns and sends nothing when the update would change nothing' {
        $shop = New-ShopWithIntegrations 'update-noop'
        $run = Invoke-Captured {
            Update-RestIntegration $shop.RestApiId -ResourcePath /pets -HttpMethod GET -RequestParameters @{ 'integration.request.header.not-there' = $null } -PassThru -EndpointUrl $Endpoint
        }
        $run.Errors | Should -HaveCount 0
        $run.Warnings | Should -HaveCount 1
        $run.Warnings[0] | Should -BeLike '*nothing was sent*'
        $run.Output | Should -HaveCount 1
        $run.Output[0].Type | Should -BeExactly 'HTTP'
    }

    It 'reports a method without an integration as ObjectNotFound' {
        $shop = New-MotoShop -Name 'update-none' -Endpoint $Endpoint
        $run = Invoke-Captured { Update-RestIntegration $shop.RestApiId -ResourcePath /orders -HttpMethod POST -TimeoutInMillis 5000 -EndpointUrl $Endpoint }
        $run.Errors | Should -HaveCount 1
        $run.Errors[0].FullyQualifiedErrorId | Should -BeExactly "UpdateRestIntegrationNotFound$UpdateSuffix"
        $run.Errors[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }
}

Describe 'Remove-RestIntegration' {

    It 'removes with -Confirm:$false and writes nothing' {
        $shop = New-ShopWithIntegrations 'remove-one'
        $result = @(Remove-RestIntegration -RestApiId $shop.RestApiId -ResourcePath /pets -HttpMethod OPTIONS -Confirm:$false -EndpointUrl $Endpoint)
        $result | Should -HaveCount 0
        Get-MotoRestIntegration -RestApiId $shop.RestApiId -ResourceId $shop.PetsId -HttpMethod OPTIONS -Endpoint $Endpoint | Should -BeNullOrEmpty
        Get-MotoRestIntegration -RestApiId $shop.RestApiId -ResourceId $shop.PetsId -HttpMethod GET -Endpoint $Endpoint | Should -Not -BeNullOrEmpty
    }

    It 'names what would go with -WhatIf, and sends nothing' {
        $shop = New-ShopWithIntegrations 'remove-whatif'
        $text = Get-HostText { Remove-RestIntegration -RestApiId $shop.RestApiId -ResourcePath '/pets/{petId}' -HttpMethod GET -EndpointUrl $Endpoint -WhatIf }
        $expected = "What if: Performing the operation `"DELETE /restapis/$($shop.RestApiId)/resources/$($shop.PetId)/methods/GET/integration`" " +
            "on target `"restapi/$($shop.RestApiId) /pets/{petId} GET (HTTP_PROXY https://pets.example.com/pets/{petId})`"."
        $text | Should -Match ([regex]::Escape($expected))
        Get-MotoRestIntegration -RestApiId $shop.RestApiId -ResourceId $shop.PetId -HttpMethod GET -Endpoint $Endpoint | Should -Not -BeNullOrEmpty
    }

    It 'removes with -Force without asking, where nobody could answer' {
        $shop = New-ShopWithIntegrations 'remove-force'
        $run = Invoke-WithoutHost -Script 'param($Api, $Endpoint) Remove-RestIntegration -RestApiId $Api -ResourcePath /pets -HttpMethod OPTIONS -Force -EndpointUrl $Endpoint' `
            -ArgumentList $shop.RestApiId, $Endpoint
        $run.Errors | Should -HaveCount 0
        Get-MotoRestIntegration -RestApiId $shop.RestApiId -ResourceId $shop.PetsId -HttpMethod OPTIONS -Endpoint $Endpoint | Should -BeNullOrEmpty
    }

    It '-Force never overrides -WhatIf' {
        $shop = New-ShopWithIntegrations 'remove-force-whatif'
        $text = Get-HostText { Remove-RestIntegration -RestApiId $shop.RestApiId -ResourcePath /pets -HttpMethod OPTIONS -Force -WhatIf -EndpointUrl $Endpoint }
        $text | Should -Match ([regex]::Escape("What if: Performing the operation `"DELETE /restapis/$($shop.RestApiId)/resources/$($shop.PetsId)/methods/OPTIONS/integration`""))
        Get-MotoRestIntegration -RestApiId $shop.RestApiId -ResourceId $shop.PetsId -HttpMethod OPTIONS -Endpoint $Endpoint | Should -Not -BeNullOrEmpty
    }

    It 'is of high impact, so it asks before removing unless told -Confirm:$false' {
        $attribute = (Get-Command Remove-RestIntegration).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0]
        "$($attribute.ConfirmImpact)" | Should -Be 'High'
        $attribute.SupportsShouldProcess | Should -BeTrue
        # Where nobody can answer (a runspace without a host), asking fails, and nothing is removed.
        $shop = New-ShopWithIntegrations 'remove-confirm'
        $run = Invoke-WithoutHost -Script 'param($Api, $Endpoint) Remove-RestIntegration -RestApiId $Api -ResourcePath /pets -HttpMethod OPTIONS -EndpointUrl $Endpoint' `
            -ArgumentList $shop.RestApiId, $Endpoint
        $run.Errors | Should -HaveCount 1
        $run.Errors[0].Exception.Message | Should -BeLike '*prompts the user*Are you sure you want to perform this action?*'
        Get-MotoRestIntegration -RestApiId $shop.RestApiId -ResourceId $shop.PetsId -HttpMethod OPTIONS -Endpoint $Endpoint | Should -Not -BeNullOrEmpty
    }

    It 'writes what it removed with -PassThru, piped from Get-RestIntegration' {
        $shop = New-ShopWithIntegrations 'remove-pipe'
        $result = @(Get-RestIntegration $shop.RestApiId -EndpointUrl $Endpoint | Where-Object Type -NE MOCK |
                Remove-RestIntegration -Confirm:$false -PassThru -EndpointUrl $Endpoint)
        $result.Type | Should -Be @('HTTP', 'HTTP_PROXY')
        $result[0].PSObject.TypeNames[0] | Should -Be 'IntegrationTools.Models.RestIntegration'
        Get-MotoRestIntegration -RestApiId $shop.RestApiId -ResourceId $shop.PetsId -HttpMethod GET -Endpoint $Endpoint | Should -BeNullOrEmpty
        Get-MotoRestIntegration -RestApiId $shop.RestApiId -ResourceId $shop.PetId -HttpMethod GET -Endpoint $Endpoint | Should -BeNullOrEmpty
        Get-MotoRestIntegration -RestApiId $shop.RestApiId -ResourceId $shop.PetsId -HttpMethod OPTIONS -Endpoint $Endpoint | Should -Not -BeNullOrEmpty
    }

    It 'reports a missing integration in the middle of a batch and removes the others' {
        $shop = New-ShopWithIntegrations 'remove-batch'
        $run = Invoke-Captured {
            @(
                [pscustomobject]@{ RestApiId = $shop.RestApiId; ResourcePath = '/pets'; HttpMethod = 'OPTIONS' }
                [pscustomobject]@{ RestApiId = $shop.RestApiId; ResourcePath = '/orders'; HttpMethod = 'POST' }
                [pscustomobject]@{ RestApiId = $shop.RestApiId; ResourcePath = '/pets'; HttpMethod = 'GET' }
            ) | Remove-RestIntegration -Confirm:$false -EndpointUrl $Endpoint
        }
        $run.Errors | Should -HaveCount 1
        $run.Errors[0].FullyQualifiedErrorId | Should -BeExactly "RemoveRestIntegrationNotFound$RemoveSuffix"
        $run.Errors[0].TargetObject | Should -BeExactly "restapi/$($shop.RestApiId) /orders POST"
        Get-MotoRestIntegration -RestApiId $shop.RestApiId -ResourceId $shop.PetsId -HttpMethod OPTIONS -Endpoint $Endpoint | Should -BeNullOrEmpty
        Get-MotoRestIntegration -RestApiId $shop.RestApiId -ResourceId $shop.PetsId -HttpMethod GET -Endpoint $Endpoint | Should -BeNullOrEmpty
    }

    It 'reports a target without a resource as InvalidTarget (IT1001)' {
        $run = Invoke-Captured { Remove-RestIntegration -RestApiId abc123 -HttpMethod GET -Confirm:$false -EndpointUrl $Endpoint }
        $run.Errors | Should -HaveCount 1
        $run.Errors[0].FullyQualifiedErrorId | Should -BeExactly "RemoveRestIntegrationInvalidTarget$RemoveSuffix"
        $run.Errors[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $run.Errors[0].Exception.Message | Should -BeLike '*IT1001*'
    }
}

Describe 'Set-, Get- and Remove-RestIntegrationResponse' {

    It 'puts a response by path, and Get-RestIntegrationResponse reads it back' {
        $shop = New-ShopWithMocks 'response-set'
        $set = @(Set-RestIntegrationResponse -RestApiId $shop.RestApiId -ResourcePath /pets -HttpMethod OPTIONS -StatusCode 200 -SelectionPattern '2\d{2}' `
                -ResponseParameters @{ 'method.response.header.Access-Control-Allow-Origin' = "'*'" } `
                -ResponseTemplates @{ 'application/json' = '{}' } -ContentHandling convert_to_text -EndpointUrl $Endpoint)
        $got = @(Get-RestIntegrationResponse $shop.RestApiId -ResourcePath /pets -HttpMethod OPTIONS -StatusCode 200 -EndpointUrl $Endpoint)
        $set | Should -HaveCount 1
        $got | Should -HaveCount 1
        foreach ($item in @($set[0], $got[0])) {
            $item.PSObject.TypeNames[0] | Should -Be 'IntegrationTools.Models.RestIntegrationResponse'
            $item.RestApiId | Should -BeExactly $shop.RestApiId
            $item.ResourceId | Should -BeExactly $shop.PetsId
            $item.ResourcePath | Should -BeExactly '/pets'
            $item.HttpMethod | Should -BeExactly 'OPTIONS'
            $item.StatusCode | Should -BeExactly '200'
            $item.SelectionPattern | Should -BeExactly '2\d{2}'
            $item.ResponseParameters['method.response.header.Access-Control-Allow-Origin'] | Should -BeExactly "'*'"
            $item.ContentHandling | Should -BeExactly 'CONVERT_TO_TEXT'
        }
    }

    It 'lists every response without -StatusCode, and takes Get-RestIntegration output from the pipeline' {
        $shop = New-ShopWithMocks 'response-list'
        Set-MotoIntegrationResponse -RestApiId $shop.RestApiId -ResourceId $shop.OrdersId -HttpMethod POST -StatusCode 200 -Body @{ selectionPattern = '' } -Endpoint $Endpoint
        Set-MotoIntegrationResponse -RestApiId $shop.RestApiId -ResourceId $shop.OrdersId -HttpMethod POST -StatusCode 400 -Body @{ selectionPattern = '4\d{2}' } -Endpoint $Endpoint
        Set-MotoIntegrationResponse -RestApiId $shop.RestApiId -ResourceId $shop.PetsId -HttpMethod OPTIONS -StatusCode 200 -Body @{ selectionPattern = '' } -Endpoint $Endpoint
        @(Get-RestIntegrationResponse $shop.RestApiId -ResourcePath /orders -HttpMethod POST -EndpointUrl $Endpoint).StatusCode | Should -Be @('200', '400')
        $all = @(Get-RestIntegration $shop.RestApiId -EndpointUrl $Endpoint | Get-RestIntegrationResponse -EndpointUrl $Endpoint)
        @($all | ForEach-Object { '{0} {1} {2}' -f $_.HttpMethod, $_.ResourcePath, $_.StatusCode }) | Should -Be @('POST /orders 200', 'POST /orders 400', 'OPTIONS /pets 200')
    }

    It 'reports a missing status code as ObjectNotFound' {
        $shop = New-ShopWithMocks 'response-missing'
        $run = Invoke-Captured { Get-RestIntegrationResponse $shop.RestApiId -ResourcePath /orders -HttpMethod POST -StatusCode 404 -EndpointUrl $Endpoint }
        $run.Errors | Should -HaveCount 1
        $run.Errors[0].FullyQualifiedErrorId | Should -BeExactly 'GetRestIntegrationResponseNotFound,IntegrationTools.Commands.GetRestIntegrationResponseCommand'
        $run.Errors[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }

    It 'takes hashtables and Get-RestIntegrationResponse output from the pipeline' {
        $shop = New-ShopWithMocks 'response-pipe'
        $first = @(@{ restApiId = $shop.RestApiId; resourceId = $shop.OrdersId; httpMethod = 'POST'; statusCode = '500'; selectionPattern = '5\d{2}' } |
                Set-RestIntegrationResponse -EndpointUrl $Endpoint)
        $copied = @(Get-RestIntegrationResponse $shop.RestApiId -ResourcePath /orders -HttpMethod POST -StatusCode 500 -EndpointUrl $Endpoint |
                Set-RestIntegrationResponse -ResourcePath /pets -HttpMethod OPTIONS -EndpointUrl $Endpoint)
        $first | Should -HaveCount 1
        $copied | Should -HaveCount 1
        $copied[0].ResourcePath | Should -BeExactly '/pets'
        $copied[0].SelectionPattern | Should -BeExactly '5\d{2}'
    }

    It 'sends nothing with -WhatIf and shows the request' {
        $shop = New-ShopWithMocks 'response-whatif'
        $text = Get-HostText { Set-RestIntegrationResponse -RestApiId $shop.RestApiId -ResourcePath /orders -HttpMethod POST -StatusCode 201 -SelectionPattern '' -EndpointUrl $Endpoint -WhatIf }
        $expected = "What if: Performing the operation `"PUT /restapis/$($shop.RestApiId)/resources/$($shop.OrdersId)/methods/POST/integration/responses/201 " +
            '{"selectionPattern":""}" ' + "on target `"restapi/$($shop.RestApiId) /orders POST 201`"."
        $text | Should -Match ([regex]::Escape($expected))
        @(Get-RestIntegrationResponse $shop.RestApiId -ResourcePath /orders -HttpMethod POST -EndpointUrl $Endpoint) | Should -HaveCount 0
    }

    It 'refuses <Case> (<Rule>) before any request' -ForEach @(
        @{ Case = 'a status code pattern'; Rule = 'IT1102'; Arguments = @{ StatusCode = '2XX' } }
        @{ Case = 'a header without its prefix'; Rule = 'IT1104'; Arguments = @{ StatusCode = '200'; ResponseParameters = @{ 'Access-Control-Allow-Origin' = "'*'" } } }
        @{ Case = 'an unquoted static value'; Rule = 'IT1105'; Arguments = @{ StatusCode = '200'; ResponseParameters = @{ 'method.response.header.Access-Control-Allow-Origin' = '*' } } }
        @{ Case = 'a template key that is no media type'; Rule = 'IT1106'; Arguments = @{ StatusCode = '200'; ResponseTemplates = @{ json = '{}' } } }
        @{ Case = 'a template that is not text'; Rule = 'IT0003'; Arguments = @{ StatusCode = '200'; ResponseTemplates = @{ 'application/json' = @{ a = 1 } } } }
    ) {
        $shop = New-ShopWithMocks 'response-refused'
        $run = Invoke-Captured { Set-RestIntegrationResponse -RestApiId $shop.RestApiId -ResourcePath /orders -HttpMethod POST @Arguments -EndpointUrl $Endpoint -Verbose }
        $run.Errors | Should -HaveCount 1
        $run.Errors[0].FullyQualifiedErrorId | Should -BeExactly "SetRestIntegrationResponseInvalidDefinition$SetResponseSuffix"
        $run.Errors[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $run.Errors[0].Exception.Message | Should -BeLike "*$Rule*"
        $run.Verbose | Should -HaveCount 0
    }

    It 'warns about a selection pattern that does not compile, and still sends it' {
        $shop = New-ShopWithMocks 'response-pattern'
        $run = Invoke-Captured { Set-RestIntegrationResponse -RestApiId $shop.RestApiId -ResourcePath /orders -HttpMethod POST -StatusCode 400 -SelectionPattern '(4' -EndpointUrl $Endpoint }
        $run.Errors | Should -HaveCount 0
        $run.Warnings | Should -HaveCount 1
        $run.Warnings[0] | Should -BeLike 'IT1107*'
        $run.Output | Should -HaveCount 1
    }

    It 'Remove-RestIntegrationResponse keeps the response with -WhatIf, and removes what is piped from Get- with -PassThru' {
        $shop = New-ShopWithMocks 'response-remove'
        Set-MotoIntegrationResponse -RestApiId $shop.RestApiId -ResourceId $shop.OrdersId -HttpMethod POST -StatusCode 200 -Body @{ selectionPattern = '' } -Endpoint $Endpoint
        Set-MotoIntegrationResponse -RestApiId $shop.RestApiId -ResourceId $shop.OrdersId -HttpMethod POST -StatusCode 400 -Body @{ selectionPattern = '4\d{2}' } -Endpoint $Endpoint
        $text = Get-HostText { Remove-RestIntegrationResponse $shop.RestApiId -ResourcePath /orders -HttpMethod POST -StatusCode 400 -EndpointUrl $Endpoint -WhatIf }
        $text | Should -Match ([regex]::Escape("`"DELETE /restapis/$($shop.RestApiId)/resources/$($shop.OrdersId)/methods/POST/integration/responses/400`" on target `"restapi/$($shop.RestApiId) /orders POST 400`""))
        @(Get-RestIntegrationResponse $shop.RestApiId -ResourcePath /orders -HttpMethod POST -EndpointUrl $Endpoint) | Should -HaveCount 2

        $removed = @(Get-RestIntegrationResponse $shop.RestApiId -ResourcePath /orders -HttpMethod POST -EndpointUrl $Endpoint |
                Remove-RestIntegrationResponse -Confirm:$false -PassThru -EndpointUrl $Endpoint)
        $removed.StatusCode | Should -Be @('200', '400')
        @(Get-RestIntegrationResponse $shop.RestApiId -ResourcePath /orders -HttpMethod POST -EndpointUrl $Endpoint) | Should -HaveCount 0
    }

    It 'Remove-RestIntegrationResponse removes with -Force without asking, and -Force never overrides -WhatIf' {
        $shop = New-ShopWithMocks 'response-remove-force'
        Set-MotoIntegrationResponse -RestApiId $shop.RestApiId -ResourceId $shop.OrdersId -HttpMethod POST -StatusCode 200 -Body @{ selectionPattern = '' } -Endpoint $Endpoint
        $text = Get-HostText { Remove-RestIntegrationResponse $shop.RestApiId -ResourcePath /orders -HttpMethod POST -StatusCode 200 -Force -WhatIf -EndpointUrl $Endpoint }
        $text | Should -BeLike '*What if: *DELETE /restapis/*/responses/200*'
        @(Get-RestIntegrationResponse $shop.RestApiId -ResourcePath /orders -HttpMethod POST -EndpointUrl $Endpoint) | Should -HaveCount 1

        $run = Invoke-WithoutHost -Script 'param($Api, $Endpoint) Remove-RestIntegrationResponse $Api -ResourcePath /orders -HttpMethod POST -StatusCode 200 -Force -EndpointUrl $Endpoint' `
            -ArgumentList $shop.RestApiId, $Endpoint
        $run.Errors | Should -HaveCount 0
        @(Get-RestIntegrationResponse $shop.RestApiId -ResourcePath /orders -HttpMethod POST -EndpointUrl $Endpoint) | Should -HaveCount 0
    }

    It 'Remove-RestIntegrationResponse reports a missing response as NotFound and a bad status code as InvalidTarget' {
        $shop = New-ShopWithMocks 'response-remove-missing'
        $missing = Invoke-Captured { Remove-RestIntegrationResponse $shop.RestApiId -ResourcePath /orders -HttpMethod POST -StatusCode 404 -Confirm:$false -EndpointUrl $Endpoint }
        $missing.Errors | Should -HaveCount 1
        $missing.Errors[0].FullyQualifiedErrorId | Should -BeExactly 'RemoveRestIntegrationResponseNotFound,IntegrationTools.Commands.RemoveRestIntegrationResponseCommand'
        $bad = Invoke-Captured { Remove-RestIntegrationResponse $shop.RestApiId -ResourcePath /orders -HttpMethod POST -StatusCode 20 -Confirm:$false -EndpointUrl $Endpoint }
        $bad.Errors | Should -HaveCount 1
        $bad.Errors[0].FullyQualifiedErrorId | Should -BeExactly 'RemoveRestIntegrationResponseInvalidTarget,IntegrationTools.Commands.RemoveRestIntegrationResponseCommand'
        $bad.Errors[0].Exception.Message | Should -BeLike '*IT1102*'
    }

    It 'has a table view with Method, ResourcePath, Status, SelectionPattern, ContentHandling and Headers' {
        $shop = New-ShopWithMocks 'response-view'
        Set-MotoIntegrationResponse -RestApiId $shop.RestApiId -ResourceId $shop.PetsId -HttpMethod OPTIONS -StatusCode 200 -Endpoint $Endpoint -Body @{
            selectionPattern   = ''
            responseParameters = @{ 'method.response.header.Access-Control-Allow-Origin' = "'*'" }
        }
        $text = Get-RestIntegrationResponse $shop.RestApiId -ResourcePath /pets -HttpMethod OPTIONS -EndpointUrl $Endpoint | ConvertTo-PlainText
        $lines = $text -split '\r?\n'
        $text | Should -Match ([regex]::Escape("REST API: $($shop.RestApiId)"))
        $lines -match '^Method\s+ResourcePath\s+Status\s+SelectionPattern\s+ContentHandling\s+Headers\s*$' | Should -HaveCount 1
        $lines -match '^OPTIONS\s+/pets\s+200\s+Access-Control-Allow-Origin\s*$' | Should -HaveCount 1
    }
}

#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.5.0' }

# Get-RestIntegration against a local moto server, and against what an independent client (the AWS CLI) wrote.

BeforeDiscovery {
    Import-Module -Name (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $HasAwsCli = [bool](Find-AwsCli)
}

BeforeAll {
    Import-Module -Name (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $moto = Start-TestSuite
    $Endpoint = $moto.Endpoint
    $NotFoundId = 'GetRestIntegrationNotFound,IntegrationTools.Commands.GetRestIntegrationCommand'
}

AfterAll {
    Stop-TestSuite $moto
}

Describe 'Get-RestIntegration' {

    Context 'one integration by REST API id, resource id and method' {
        BeforeAll {
            $store = New-PetStore -Name 'get-one' -Endpoint $Endpoint
            $result = @(Get-RestIntegration -RestApiId $store.RestApiId -ResourceId $store.PetId -HttpMethod get -EndpointUrl $Endpoint)
            $item = $result[0]
        }

        It 'writes exactly one object' {
            $result | Should -HaveCount 1
        }

        It 'writes an IntegrationTools.Models.RestIntegration' {
            $item.PSObject.TypeNames[0] | Should -Be 'IntegrationTools.Models.RestIntegration'
        }

        It 'carries the ids of the API and the resource it was read from' {
            $item.RestApiId | Should -BeExactly $store.RestApiId
            $item.ResourceId | Should -BeExactly $store.PetId
        }

        It 'has <Property> = <Expected>' -ForEach @(
            @{ Property = 'ResourcePath'; Expected = '/pets/{id}' }
            @{ Property = 'HttpMethod'; Expected = 'GET' }
            @{ Property = 'Type'; Expected = 'AWS_PROXY' }
            # The backend method travels as the wire member httpMethod; the module shows it as IntegrationHttpMethod.
            @{ Property = 'IntegrationHttpMethod'; Expected = 'POST' }
        ) {
            $item.$Property | Should -BeExactly $Expected
        }

        It 'has the Lambda invocation URI' {
            $item.Uri | Should -BeLike '*function:get-pet/invocations'
        }
    }

    Context 'every integration of an API' {
        BeforeAll {
            $store = New-PetStore -Name 'list-all' -Endpoint $Endpoint
            $result = @(Get-RestIntegration $store.RestApiId -EndpointUrl $Endpoint -ErrorVariable listErrors)
        }

        It 'lists each integrated method in path order and skips DELETE /pets/{id}, which has no integration' {
            $rows = $result | ForEach-Object { '{0} {1} {2}' -f $_.HttpMethod, $_.ResourcePath, $_.Type }
            $rows | Should -Be @('GET /pets MOCK', 'POST /pets HTTP_PROXY', 'GET /pets/{id} AWS_PROXY')
        }

        It 'writes no error for the method without an integration' {
            $listErrors | Should -HaveCount 0
        }

        It 'reads the request templates of the MOCK integration' {
            $mock = $result | Where-Object Type -EQ 'MOCK'
            $mock.RequestTemplates['application/json'] | Should -BeExactly '{"statusCode": 200}'
        }
    }

    Context 'a resource found by its path' {
        BeforeAll {
            $store = New-PetStore -Name 'by-path' -Endpoint $Endpoint
            $result = @(Get-RestIntegration -RestApiId $store.RestApiId -ResourcePath '/pets' -EndpointUrl $Endpoint)
        }

        It 'writes the integrations of both methods of /pets' {
            $result.HttpMethod | Should -Be @('GET', 'POST')
        }

        It 'writes objects that all belong to the /pets resource' {
            $result | ForEach-Object { $_.ResourceId | Should -BeExactly $store.PetsId }
        }

        It 'finds one method of a path with a template part' {
            $one = @(Get-RestIntegration -RestApiId $store.RestApiId -ResourcePath '/pets/{id}' -HttpMethod GET -EndpointUrl $Endpoint)
            $one | Should -HaveCount 1
            $one[0].Type | Should -Be 'AWS_PROXY'
        }
    }

    Context 'one method on every resource (-HttpMethod without a resource)' {
        BeforeAll {
            $store = New-PetStore -Name 'method-filter' -Endpoint $Endpoint
        }

        It 'lists that method of each resource that has it' {
            @(Get-RestIntegration $store.RestApiId -HttpMethod GET -EndpointUrl $Endpoint).ResourcePath | Should -Be @('/pets', '/pets/{id}')
        }

        It 'skips a method that is declared but has no integration, rather than failing' {
            $deletes = @(Get-RestIntegration $store.RestApiId -HttpMethod DELETE -EndpointUrl $Endpoint -ErrorVariable deleteErrors)
            $deletes | Should -HaveCount 0
            $deleteErrors | Should -HaveCount 0
        }
    }

    Context 'a mistyped path' {
        BeforeAll {
            $store = New-PetStore -Name 'typo-path' -Endpoint $Endpoint
        }

        It 'writes no output and one ObjectNotFound error that names the closest paths' {
            $output = Get-RestIntegration -RestApiId $store.RestApiId -ResourcePath '/pet/{id}' -HttpMethod GET -EndpointUrl $Endpoint -ErrorVariable typoErrors -ErrorAction SilentlyContinue
            $output | Should -BeNullOrEmpty
            $typoErrors | Should -HaveCount 1
            $typoError = $typoErrors[0]
            $typoError.FullyQualifiedErrorId | Should -BeExactly $NotFoundId
            $typoError.CategoryInfo.Category | Should -Be ([System.Management.Automation.ErrorCategory]::ObjectNotFound)
            $typoError.Exception | Should -BeOfType ([System.Management.Automation.ItemNotFoundException])
            $typoError.Exception.Message | Should -BeLike "*'/pets/{id}'*"
            $typoError.Exception.Message | Should -BeLike '*Closest existing paths*'
            $typoError.ErrorDetails.RecommendedAction | Should -Not -BeNullOrEmpty
        }

        It 'throws GetRestIntegrationNotFound under -ErrorAction Stop' {
            $thrown = { Get-RestIntegration -RestApiId $store.RestApiId -ResourcePath '/pet/{id}' -HttpMethod GET -EndpointUrl $Endpoint -ErrorAction Stop } |
                Should -Throw -ErrorId $NotFoundId -ExceptionType ([System.Management.Automation.ItemNotFoundException]) -PassThru
            $thrown.CategoryInfo.Category | Should -Be 'ObjectNotFound'
        }
    }

    Context 'a method without an integration' {
        BeforeAll {
            $store = New-PetStore -Name 'no-integration' -Endpoint $Endpoint
        }

        It 'is ObjectNotFound with the method as target' {
            $null = Get-RestIntegration -RestApiId $store.RestApiId -ResourceId $store.PetId -HttpMethod DELETE -EndpointUrl $Endpoint -ErrorVariable missingErrors -ErrorAction SilentlyContinue
            $missingErrors | Should -HaveCount 1
            $missingErrors[0].FullyQualifiedErrorId | Should -BeExactly $NotFoundId
            $missingErrors[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
            $missingErrors[0].TargetObject | Should -BeExactly "restapi/$($store.RestApiId) resource/$($store.PetId) DELETE"
        }
    }

    Context 'the pipeline' {
        BeforeAll {
            $store = New-PetStore -Name 'pipe' -Endpoint $Endpoint
        }

        It 'takes its own output back by property name' {
            $result = @(Get-RestIntegration $store.RestApiId -EndpointUrl $Endpoint | Get-RestIntegration -EndpointUrl $Endpoint)
            $result | Should -HaveCount 3
            $result.Type | Should -Be @('MOCK', 'HTTP_PROXY', 'AWS_PROXY')
        }

        It 'writes output for the good items of a batch and one error for the bad one' {
            $batch = @(
                [pscustomobject]@{ RestApiId = $store.RestApiId; ResourceId = $store.PetsId; HttpMethod = 'GET' }
                [pscustomobject]@{ RestApiId = 'nosuchapi'; ResourceId = $store.PetsId; HttpMethod = 'GET' }
                [pscustomobject]@{ RestApiId = $store.RestApiId; ResourceId = $store.PetId; HttpMethod = 'GET' }
            )
            $result = @($batch | Get-RestIntegration -EndpointUrl $Endpoint -ErrorVariable batchErrors -ErrorAction SilentlyContinue)
            $result | Should -HaveCount 2
            $result.Type | Should -Be @('MOCK', 'AWS_PROXY')
            $batchErrors | Should -HaveCount 1
            $batchErrors[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
            $batchErrors[0].FullyQualifiedErrorId | Should -BeLike 'GetRestIntegration*,IntegrationTools.Commands.GetRestIntegrationCommand'
            $batchErrors[0].TargetObject | Should -BeLike '*nosuchapi*'
        }
    }

    Context 'the table view' {
        BeforeAll {
            $store = New-PetStore -Name 'view' -Endpoint $Endpoint
            $text = Get-RestIntegration $store.RestApiId -EndpointUrl $Endpoint | ConvertTo-PlainText
            $lines = $text -split '\r?\n'
        }

        It 'groups by REST API' {
            $text | Should -Match ([regex]::Escape("REST API: $($store.RestApiId)"))
        }

        It 'has the columns Method ResourcePath Type Backend Uri TimeoutMs' {
            $lines -match '^Method\s+ResourcePath\s+Type\s+Backend\s+Uri\s+TimeoutMs\s*$' | Should -HaveCount 1
        }

        It 'shows the HTTP proxy integration with its backend method and URI' {
            $lines -match '^POST\s+/pets\s+HTTP_PROXY\s+POST\s+https://petstore\.example\.com/pets' | Should -HaveCount 1
        }

        It 'shows every integration of the API' {
            $lines -match '^(GET|POST)\s+/pets' | Should -HaveCount 3
        }

        It 'has no VT colour codes of its own' {
            $text | Should -Not -Match '\x1b\['
        }
    }

    Context '-Verbose' {
        BeforeAll {
            $store = New-PetStore -Name 'verbose' -Endpoint $Endpoint
            $records = @(Get-RestIntegration -RestApiId $store.RestApiId -ResourceId $store.PetsId -HttpMethod GET -EndpointUrl $Endpoint -Verbose 4>&1)
            $verbose = @($records | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object { $_.Message })
        }

        It 'still writes the integration' {
            @($records | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] }) | Should -HaveCount 1
        }

        It 'names each request' {
            $path = "/restapis/$($store.RestApiId)/resources/$($store.PetsId)/methods/GET/integration"
            $verbose | Where-Object { $_.StartsWith('GET ') -and $_.Contains($path) } | Should -Not -BeNullOrEmpty
        }

        It 'names each answer' {
            $verbose | Where-Object { $_.StartsWith('HTTP 200') } | Should -Not -BeNullOrEmpty
        }
    }

    Context 'an integration the AWS CLI wrote' {
        BeforeAll {
            $store = New-PetStore -Name 'interop-v1' -Endpoint $Endpoint
        }

        It 'reads back field by field as `aws apigateway get-integration` prints it' -Skip:(-not $HasAwsCli) {
            $resource = New-MotoResource -RestApiId $store.RestApiId -ParentId $store.PetsId -PathPart 'search' -Endpoint $Endpoint
            Set-MotoMethod -RestApiId $store.RestApiId -ResourceId $resource -HttpMethod GET -Endpoint $Endpoint
            $null = Invoke-AwsCli apigateway put-integration --rest-api-id $store.RestApiId --resource-id $resource --http-method GET `
                --type HTTP --integration-http-method POST --uri 'https://search.example.com/find' --connection-type INTERNET `
                --request-parameters '{"integration.request.querystring.q":"method.request.querystring.term"}' `
                --request-templates '{"application/json":"{\"q\": \"$input.params(''term'')\"}"}' `
                --passthrough-behavior WHEN_NO_TEMPLATES --cache-namespace search-cache --content-handling CONVERT_TO_TEXT `
                --timeout-in-millis 12000 --tls-config insecureSkipVerification=true
            $cli = Invoke-AwsCli apigateway get-integration --rest-api-id $store.RestApiId --resource-id $resource --http-method GET

            $result = @(Get-RestIntegration -RestApiId $store.RestApiId -ResourceId $resource -HttpMethod GET -EndpointUrl $Endpoint)
            $result | Should -HaveCount 1
            $item = $result[0]
            Get-AwsCliMismatch -Cli $cli -Object $item -Member ([ordered]@{
                    type = 'Type'; httpMethod = 'IntegrationHttpMethod'; uri = 'Uri'; connectionType = 'ConnectionType'
                    passthroughBehavior = 'PassthroughBehavior'; cacheNamespace = 'CacheNamespace'; contentHandling = 'ContentHandling'
                    timeoutInMillis = 'TimeoutInMillis'
                }) -Map ([ordered]@{ requestParameters = 'RequestParameters'; requestTemplates = 'RequestTemplates' }) | Should -BeNullOrEmpty
            $item.InsecureSkipVerification | Should -Be $cli.tlsConfig.insecureSkipVerification
            # What the CLI wrote is there at all (not both sides empty).
            $item.Type | Should -BeExactly 'HTTP'
            $item.Uri | Should -BeExactly 'https://search.example.com/find'
            $item.InsecureSkipVerification | Should -BeTrue
            $item.RequestParameters['integration.request.querystring.q'] | Should -BeExactly 'method.request.querystring.term'
            $item.RequestTemplates['application/json'] | Should -BeExactly '{"q": "$input.params(''term'')"}'
        }
    }
}

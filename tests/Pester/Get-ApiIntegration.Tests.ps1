#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.5.0' }

# Get-ApiIntegration against a local moto server, and against what an independent client (the AWS CLI) wrote.

BeforeDiscovery {
    Import-Module -Name (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $HasAwsCli = [bool](Find-AwsCli)
}

BeforeAll {
    Import-Module -Name (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $moto = Start-TestSuite
    $Endpoint = $moto.Endpoint
    $NotFoundId = 'GetApiIntegrationNotFound,IntegrationTools.Commands.GetApiIntegrationCommand'
}

AfterAll {
    Stop-TestSuite $moto
}

Describe 'Get-ApiIntegration' {

    Context 'every integration of an HTTP API' {
        BeforeAll {
            $api = New-OrdersHttpApi -Name 'v2-list' -Endpoint $Endpoint
            $result = @(Get-ApiIntegration -ApiId $api.ApiId -EndpointUrl $Endpoint)
            $byId = @{}
            foreach ($integration in $result) { $byId[$integration.IntegrationId] = $integration }
            $lambda = $byId[$api.LambdaId]
            $http = $byId[$api.HttpId]
        }

        It 'lists both integrations' {
            $result | Should -HaveCount 2
            @($byId.Keys | Sort-Object) | Should -Be @(@($api.LambdaId, $api.HttpId) | Sort-Object)
        }

        It 'writes IntegrationTools.Models.ApiIntegration objects' {
            $result | ForEach-Object { $_.PSObject.TypeNames[0] | Should -Be 'IntegrationTools.Models.ApiIntegration' }
        }

        It 'puts the API id and its protocol on every object' {
            $result | ForEach-Object {
                $_.ApiId | Should -BeExactly $api.ApiId
                $_.ProtocolType | Should -Be 'HTTP'
            }
        }

        It 'reads the Lambda integration: <Property> = <Expected>' -ForEach @(
            @{ Property = 'IntegrationType'; Expected = 'AWS_PROXY' }
            @{ Property = 'IntegrationUri'; Expected = 'arn:aws:lambda:us-east-1:123456789012:function:orders' }
            @{ Property = 'PayloadFormatVersion'; Expected = '2.0' }
            @{ Property = 'Description'; Expected = 'orders lambda' }
        ) {
            $lambda.$Property | Should -BeExactly $Expected
        }

        It 'reads the HTTP integration: <Property> = <Expected>' -ForEach @(
            @{ Property = 'IntegrationType'; Expected = 'HTTP_PROXY' }
            @{ Property = 'IntegrationMethod'; Expected = 'GET' }
            @{ Property = 'IntegrationUri'; Expected = 'https://orders.example.com/{proxy}' }
            @{ Property = 'PayloadFormatVersion'; Expected = '1.0' }
        ) {
            $http.$Property | Should -BeExactly $Expected
        }

        It 'reads the request parameters' {
            $http.RequestParameters['overwrite:header.x-source'] | Should -BeExactly '$context.requestId'
        }
    }

    Context 'one integration of a WebSocket API' {
        BeforeAll {
            $apiId = New-MotoApi -Name 'ws-one' -ProtocolType WEBSOCKET -Endpoint $Endpoint
            $integrationId = New-MotoApiIntegration -ApiId $apiId -Endpoint $Endpoint -Body @{
                integrationType             = 'MOCK'
                requestTemplates            = @{ '$default' = '{"statusCode": 200}' }
                templateSelectionExpression = '\$default'
            }
            # Both ids by position.
            $result = @(Get-ApiIntegration $apiId $integrationId -EndpointUrl $Endpoint)
        }

        It 'writes exactly that integration' {
            $result | Should -HaveCount 1
            $result[0].IntegrationId | Should -BeExactly $integrationId
        }

        It 'has <Property> = <Expected>' -ForEach @(
            @{ Property = 'ProtocolType'; Expected = 'WEBSOCKET' }
            @{ Property = 'IntegrationType'; Expected = 'MOCK' }
            @{ Property = 'TemplateSelectionExpression'; Expected = '\$default' }
        ) {
            $result[0].$Property | Should -BeExactly $Expected
        }

        It 'reads the request templates' {
            $result[0].RequestTemplates['$default'] | Should -BeExactly '{"statusCode": 200}'
        }
    }

    Context 'the pipeline' {
        BeforeAll {
            $first = New-OrdersHttpApi -Name 'v2-pipe-a' -Endpoint $Endpoint
            $second = New-OrdersHttpApi -Name 'v2-pipe-b' -Endpoint $Endpoint
        }

        It 'takes API ids by value' {
            $result = @($first.ApiId, $second.ApiId | Get-ApiIntegration -EndpointUrl $Endpoint)
            $result | Should -HaveCount 4
            @($result.ApiId | Sort-Object -Unique) | Should -Be @(@($first.ApiId, $second.ApiId) | Sort-Object)
        }

        It 'takes its own output back by property name' {
            $result = @(Get-ApiIntegration $first.ApiId -EndpointUrl $Endpoint | Get-ApiIntegration -EndpointUrl $Endpoint)
            @($result.IntegrationId | Sort-Object) | Should -Be @(@($first.LambdaId, $first.HttpId) | Sort-Object)
        }
    }

    Context 'a missing API in a batch' {
        BeforeAll {
            $good = New-OrdersHttpApi -Name 'v2-missing' -Endpoint $Endpoint
            $result = @('nosuchapi', $good.ApiId | Get-ApiIntegration -EndpointUrl $Endpoint -ErrorVariable batchErrors -ErrorAction SilentlyContinue)
        }

        It 'still lists the integrations of the good API' {
            $result | Should -HaveCount 2
            $result | ForEach-Object { $_.ApiId | Should -BeExactly $good.ApiId }
        }

        It 'writes one ObjectNotFound error for the missing API' {
            $batchErrors | Should -HaveCount 1
            $batchErrors[0].FullyQualifiedErrorId | Should -BeExactly $NotFoundId
            $batchErrors[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
            $batchErrors[0].TargetObject | Should -BeExactly 'api/nosuchapi'
            $batchErrors[0].Exception.Message | Should -BeLike '*NotFoundException*'
        }

        It 'throws GetApiIntegrationNotFound under -ErrorAction Stop' {
            { Get-ApiIntegration -ApiId 'nosuchapi' -EndpointUrl $Endpoint -ErrorAction Stop } |
                Should -Throw -ErrorId $NotFoundId -ExceptionType ([System.Management.Automation.ItemNotFoundException])
        }
    }

    Context 'a missing integration' {
        BeforeAll {
            $api = New-OrdersHttpApi -Name 'v2-missing-integration' -Endpoint $Endpoint
        }

        It 'is ObjectNotFound with the API and the integration as target' {
            $null = Get-ApiIntegration -ApiId $api.ApiId -IntegrationId 'nosuchintegration' -EndpointUrl $Endpoint -ErrorVariable missingErrors -ErrorAction SilentlyContinue
            $missingErrors | Should -HaveCount 1
            $missingErrors[0].FullyQualifiedErrorId | Should -BeExactly $NotFoundId
            $missingErrors[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
            $missingErrors[0].TargetObject | Should -BeExactly "api/$($api.ApiId) integration/nosuchintegration"
            $missingErrors[0].ErrorDetails.RecommendedAction | Should -BeLike "*Get-ApiIntegration -ApiId $($api.ApiId)*"
        }
    }

    Context 'the table view' {
        BeforeAll {
            $api = New-OrdersHttpApi -Name 'v2-view' -Endpoint $Endpoint
            $text = Get-ApiIntegration $api.ApiId -EndpointUrl $Endpoint | ConvertTo-PlainText
            $lines = $text -split '\r?\n'
        }

        It 'groups by API with its protocol' {
            $text | Should -Match ([regex]::Escape("API: $($api.ApiId) (HTTP)"))
        }

        It 'has the columns IntegrationId Type Method IntegrationUri Payload TimeoutMs' {
            $lines -match '^IntegrationId\s+Type\s+Method\s+IntegrationUri\s+Payload\s+TimeoutMs\s*$' | Should -HaveCount 1
        }

        It 'shows the Lambda integration with its type, URI and payload version' {
            $row = @($lines | Where-Object { $_.StartsWith($api.LambdaId) })
            $row | Should -HaveCount 1
            $row[0] | Should -Match 'AWS_PROXY'
            $row[0] | Should -Match 'function:orders'
            $row[0] | Should -Match '\b2\.0\b'
        }

        It 'shows the HTTP integration with its method' {
            $row = @($lines | Where-Object { $_.StartsWith($api.HttpId) })
            $row | Should -HaveCount 1
            $row[0] | Should -Match 'HTTP_PROXY\s+GET\s+https://orders\.example\.com/\{proxy\}'
        }

        It 'has no VT colour codes of its own' {
            $text | Should -Not -Match '\x1b\['
        }
    }

    Context 'an integration the AWS CLI wrote' {
        BeforeAll {
            $apiId = New-MotoApi -Name 'interop-v2' -Endpoint $Endpoint
        }

        It 'reads back field by field as `aws apigatewayv2 get-integration` prints it' -Skip:(-not $HasAwsCli) {
            $created = Invoke-AwsCli apigatewayv2 create-integration --api-id $apiId --integration-type HTTP_PROXY `
                --integration-method PUT --integration-uri 'https://orders.example.com/{proxy}' `
                --payload-format-version 1.0 --description 'orders backend' --timeout-in-millis 15000 `
                --request-parameters '{"overwrite:header.x-trace":"$context.requestId"}'
            $cli = Invoke-AwsCli apigatewayv2 get-integration --api-id $apiId --integration-id $created.IntegrationId

            $result = @(Get-ApiIntegration -ApiId $apiId -IntegrationId $created.IntegrationId -EndpointUrl $Endpoint)
            $result | Should -HaveCount 1
            $item = $result[0]
            Get-AwsCliMismatch -Cli $cli -Object $item -Member @(
                'IntegrationId', 'IntegrationType', 'IntegrationMethod', 'IntegrationUri', 'PayloadFormatVersion', 'Description',
                'TimeoutInMillis', 'ConnectionType', 'ConnectionId', 'CredentialsArn', 'PassthroughBehavior', 'ContentHandlingStrategy',
                'TemplateSelectionExpression', 'IntegrationResponseSelectionExpression', 'IntegrationSubtype'
            ) -Map @('RequestParameters') | Should -BeNullOrEmpty
            # What the CLI wrote is there at all (not both sides empty).
            $item.IntegrationMethod | Should -BeExactly 'PUT'
            $item.TimeoutInMillis | Should -Be 15000
            $item.Description | Should -BeExactly 'orders backend'
            $item.RequestParameters['overwrite:header.x-trace'] | Should -BeExactly '$context.requestId'
        }
    }
}

#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.5.0' }

# The scripts in examples/ against a local moto server; mirrors tests/IntegrationTools.Tests/ExamplesTests.cs.
# Quickstart.ps1 and Set-MockEndpoints.ps1 also call the AWS CLI (aws); their tests are skipped when it is missing.

BeforeDiscovery {
    $HasAwsCli = [bool](Get-Command -Name aws -ErrorAction Ignore)
}

BeforeAll {
    Import-Module -Name (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $savedEnvironment = Set-TestAwsEnvironment
    $savedDefaultRegion = $env:AWS_DEFAULT_REGION
    $env:AWS_DEFAULT_REGION = 'us-east-1'   # older AWS CLIs read only this one
    $moto = Start-MotoServer
    $Endpoint = $moto.Endpoint
    $null = Import-BuiltModule
    $Examples = Join-Path (Get-RepositoryRoot) 'examples'

    function Get-RestIntegrationFromMoto([string] $RestApiId, [string] $ResourceId, [string] $HttpMethod) {
        # moto answers an empty object for a method without an integration.
        $answer = Invoke-MotoRequest GET "/restapis/$RestApiId/resources/$ResourceId/methods/$HttpMethod/integration"
        if ($answer.PSObject.Properties['type']) { $answer } else { $null }
    }

    function Get-ApiIntegrationFromMoto([string] $ApiId, [string] $IntegrationId) {
        Invoke-MotoRequest GET "/v2/apis/$ApiId/integrations/$IntegrationId"
    }
}

AfterAll {
    Stop-MotoServer -Server $moto
    $env:AWS_DEFAULT_REGION = $savedDefaultRegion
    Restore-TestAwsEnvironment -Saved $savedEnvironment
}

Describe 'examples/' {
    It 'has a test for every script' {
        $tested = 'Quickstart.ps1', 'Export-IntegrationAudit.ps1', 'Import-IntegrationDefinitions.ps1', 'Move-LambdaPayloadFormat.ps1', 'Set-MockEndpoints.ps1'
        Get-ChildItem -Path $Examples -Filter *.ps1 | ForEach-Object { $tested | Should -Contain $_.Name }
    }

    It 'has comment-based help with a synopsis and an example in every script' {
        Get-ChildItem -Path $Examples -Filter *.ps1 | ForEach-Object {
            $help = Get-Help $_.FullName
            $help.Synopsis | Should -Not -BeNullOrEmpty
            @($help.Examples.Example).Count | Should -BeGreaterOrEqual 1
        }
    }
}

Describe 'Quickstart.ps1' {
    It 'creates and changes the integrations through the cmdlets' -Skip:(-not $HasAwsCli) {
        # The script writes to the host (views and headings); its effect is checked in moto.
        & (Join-Path $Examples 'Quickstart.ps1') -EndpointUrl $Endpoint | Out-Null
        $api = @((Invoke-MotoRequest GET '/v2/apis').items | Where-Object name -eq 'quickstart-orders')[0]
        $integrations = @(Get-ApiIntegration -ApiId $api.apiId -EndpointUrl $Endpoint)
        $integrations | Should -HaveCount 2
        $proxy = $integrations | Where-Object IntegrationType -eq 'HTTP_PROXY'
        $proxy.TimeoutInMillis | Should -Be 10000
        $proxy.Description | Should -Be 'orders backend'
        $rest = @((Invoke-MotoRequest GET '/restapis').item | Where-Object name -eq 'quickstart-pets')[0]
        @(Get-RestIntegration -RestApiId $rest.id -EndpointUrl $Endpoint).Type | Sort-Object | Should -Be @('AWS_PROXY', 'HTTP_PROXY', 'MOCK')
    }
}

Describe 'Export-IntegrationAudit.ps1' {
    BeforeAll {
        $store = New-PetStore -Name 'pester-audit'
        $api = New-MotoApi -Name 'pester-audit-http'
        $proxy = New-MotoApiIntegration -ApiId $api -Body @{
            integrationType = 'HTTP_PROXY'; integrationMethod = 'GET'; payloadFormatVersion = '1.0'; timeoutInMillis = 12000
            integrationUri = 'https://items.example.com/list?ids=1,2&tag="a"'
        }
        $csv = Join-Path ([System.IO.Path]::GetTempPath()) "pester-audit-$([guid]::NewGuid()).csv"
        $rows = @(& (Join-Path $Examples 'Export-IntegrationAudit.ps1') -RestApiId $store.RestApiId -ApiId $api -Path $csv -PassThru -EndpointUrl $Endpoint)
    }

    AfterAll { Remove-Item -LiteralPath $csv -ErrorAction Ignore }

    It 'returns a row per integration with -PassThru' {
        $rows | Should -HaveCount 4
        ($rows | Where-Object { $_.ApiKind -eq 'REST' -and $_.Method -eq 'POST' }).Uri | Should -Be 'https://petstore.example.com/pets'
    }

    It 'writes a quoted CSV that reads back' {
        $lines = Get-Content -LiteralPath $csv
        $lines | Should -HaveCount 5
        $lines[0] | Should -BeExactly '"ApiKind","ApiId","Method","Path","IntegrationId","Type","Uri","ConnectionType","ConnectionId","Credentials","TimeoutInMillis","PayloadFormatVersion"'
        $row = Import-Csv -LiteralPath $csv | Where-Object IntegrationId -eq $proxy
        $row.Uri | Should -BeExactly 'https://items.example.com/list?ids=1,2&tag="a"'
        $row.TimeoutInMillis | Should -Be '12000'
    }
}

Describe 'Import-IntegrationDefinitions.ps1' {
    BeforeAll {
        $store = New-PetStore -Name 'pester-import'
        $api = New-MotoApi -Name 'pester-import-http'
        $existing = New-MotoApiIntegration -ApiId $api -Body @{ integrationType = 'HTTP_PROXY'; integrationMethod = 'GET'; integrationUri = 'https://old.example.com'; payloadFormatVersion = '1.0' }
        $file = Join-Path ([System.IO.Path]::GetTempPath()) "pester-definitions-$([guid]::NewGuid()).yaml"
        Set-Content -LiteralPath $file -Value @"
- RestApiId: $($store.RestApiId)
  ResourcePath: /pets/{id}
  HttpMethod: DELETE
  Type: HTTP_PROXY
  IntegrationHttpMethod: DELETE
  Uri: https://petstore.example.com/pets/{id}
- ApiId: $api
  IntegrationType: HTTP_PROXY
  IntegrationMethod: ANY
  IntegrationUri: https://orders.example.com/{proxy}
  PayloadFormatVersion: "1.0"
- ApiId: $api
  IntegrationId: $existing
  TimeoutInMillis: 12000
- RestApiId: $($store.RestApiId)
  ResourcePath: /pets
  HttpMethod: POST
  Type: HTTP_PROXY
  IntegrationHttpMethod: POST
  Uir: https://typo.example.com
"@
        $script = Join-Path $Examples 'Import-IntegrationDefinitions.ps1'
    }

    AfterAll { Remove-Item -LiteralPath $file -ErrorAction Ignore }

    It 'changes nothing with -WhatIf and reports the misspelt definition' {
        $report = @(& $script -Path $file -WhatIf -EndpointUrl $Endpoint -ErrorAction SilentlyContinue)
        @($report.Status) | Should -Be @('WhatIf', 'WhatIf', 'WhatIf', 'Failed')
        Get-RestIntegrationFromMoto $store.RestApiId $store.PetId DELETE | Should -BeNullOrEmpty
        (Get-ApiIntegrationFromMoto $api $existing).timeoutInMillis | Should -Not -Be 12000
    }

    It 'applies each definition to the cmdlet that owns it' {
        $report = @(& $script -Path $file -EndpointUrl $Endpoint -ErrorVariable failed -ErrorAction SilentlyContinue)
        @($report.Status) | Should -Be @('Applied', 'Applied', 'Applied', 'Failed')
        @($report.Cmdlet) | Should -Be @('Set-RestIntegration', 'New-ApiIntegration', 'Set-ApiIntegration', 'Set-RestIntegration')
        $failed | Should -HaveCount 1
        (Get-RestIntegrationFromMoto $store.RestApiId $store.PetId DELETE).type | Should -Be 'HTTP_PROXY'
        (Get-ApiIntegrationFromMoto $api $existing).timeoutInMillis | Should -Be 12000
    }

    It 'stops before applying anything when the file is broken' {
        $broken = Join-Path ([System.IO.Path]::GetTempPath()) "pester-broken-$([guid]::NewGuid()).json"
        Set-Content -LiteralPath $broken -Value "[`n  { `"ApiId`": `"abc`", }`n  { `"ApiId`": `"def`" }`n]"
        try {
            { & $script -Path $broken -EndpointUrl $Endpoint } |
                Should -Throw -ErrorId 'DefinitionSyntaxError,IntegrationTools.Commands.ConvertFromIntegrationDefinitionCommand'
        }
        finally {
            Remove-Item -LiteralPath $broken -ErrorAction Ignore
        }
    }
}

Describe 'Move-LambdaPayloadFormat.ps1' {
    BeforeAll {
        $api = New-MotoApi -Name 'pester-payload'
        $old = New-MotoApiIntegration -ApiId $api -Body @{ integrationType = 'AWS_PROXY'; integrationUri = 'arn:aws:lambda:us-east-1:123456789012:function:old'; payloadFormatVersion = '1.0' }
        $current = New-MotoApiIntegration -ApiId $api -Body @{ integrationType = 'AWS_PROXY'; integrationUri = 'arn:aws:lambda:us-east-1:123456789012:function:new'; payloadFormatVersion = '2.0' }
        $http = New-MotoApiIntegration -ApiId $api -Body @{ integrationType = 'HTTP_PROXY'; integrationMethod = 'ANY'; integrationUri = 'https://h.example.com'; payloadFormatVersion = '1.0' }
        $script = Join-Path $Examples 'Move-LambdaPayloadFormat.ps1'
    }

    It 'changes nothing with -WhatIf' {
        $rows = @(& $script -ApiId $api -WhatIf -EndpointUrl $Endpoint)
        ($rows | Where-Object IntegrationId -eq $old).Status | Should -Be 'WhatIf'
        ($rows | Where-Object IntegrationId -eq $current).Status | Should -Be 'AlreadyOn2.0'
        (Get-ApiIntegrationFromMoto $api $old).payloadFormatVersion | Should -Be '1.0'
    }

    It 'moves only the Lambda proxies on 1.0' {
        $rows = @(& $script -ApiId $api -EndpointUrl $Endpoint)
        ($rows | Where-Object Status -eq 'Moved').IntegrationId | Should -Be $old
        (Get-ApiIntegrationFromMoto $api $old).payloadFormatVersion | Should -Be '2.0'
        (Get-ApiIntegrationFromMoto $api $http).payloadFormatVersion | Should -Be '1.0'
    }
}

Describe 'Set-MockEndpoints.ps1' {
    BeforeAll {
        $store = New-PetStore -Name 'pester-mocks'
        $script = Join-Path $Examples 'Set-MockEndpoints.ps1'
    }

    It 'mocks every method without an integration' -Skip:(-not $HasAwsCli) {
        $rows = @(& $script -RestApiId $store.RestApiId -ResponseBody '{"pet": "mock"}' -EndpointUrl $Endpoint)
        $rows | Should -HaveCount 1
        "$($rows[0].Method) $($rows[0].Path) $($rows[0].Status)" | Should -Be 'DELETE /pets/{id} Mocked'
        (Get-RestIntegrationFromMoto $store.RestApiId $store.PetId DELETE).type | Should -Be 'MOCK'
        $response = Invoke-MotoRequest GET "/restapis/$($store.RestApiId)/resources/$($store.PetId)/methods/DELETE/integration/responses/200"
        $response.responseTemplates.'application/json' | Should -Be '{"pet": "mock"}'
    }

    It 'replaces the integrations of the methods given' -Skip:(-not $HasAwsCli) {
        $rows = @(& $script -RestApiId $store.RestApiId -Method 'GET /pets/{id}' -EndpointUrl $Endpoint)
        $rows[0].Status | Should -Be 'Mocked'
        (Get-RestIntegrationFromMoto $store.RestApiId $store.PetId GET).type | Should -Be 'MOCK'
    }
}
